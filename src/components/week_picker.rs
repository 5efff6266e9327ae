use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use rota::horizon::last_week_of;
use rota::{Horizon, WeekId, WhatIf};

use crate::data::SiteTeam;
use crate::keyboard::field_target;
use crate::links;

/// How many weeks the schedule can show at once.
pub const WEEK_COUNTS: [u32; 6] = [1, 4, 8, 12, 26, 52];

/// What the picker offers: the weeks shown, this week, the horizon, and the preview its links
/// keep.
#[derive(Clone, PartialEq)]
pub struct PickerState {
    pub week: WeekId,
    pub weeks: u32,
    pub this_week: WeekId,
    pub range: Horizon,
    pub what_if: WhatIf,
}

impl PickerState {
    /// One week, `week`, as the only one there is.
    pub fn at(week: WeekId) -> PickerState {
        PickerState { week, weeks: 1, this_week: week, range: Horizon::new(week, week), what_if: WhatIf::default() }
    }

    fn link(&self, team: &SiteTeam, to: WeekId) -> String {
        links::schedule(team, to, self.weeks, &self.what_if)
    }

    fn previous(&self) -> Option<WeekId> {
        (self.week > self.range.first()).then(|| self.week.plus_weeks(-1))
    }

    fn next(&self) -> Option<WeekId> {
        (self.week < self.range.last()).then(|| self.week.plus_weeks(1))
    }
}

/// Previous/next week, this week, and any ISO week of the horizon by year and number — plain
/// selects, which work on phones and in browsers without `<input type="week">`.
///
/// Rendered once per page: a week step updates its links and selections in place, and the
/// arrow keys' listener reads the current week when a key is pressed.
#[component]
pub fn WeekPicker(state: Memo<PickerState>) -> impl IntoView {
    let navigate = use_navigate();
    let team = crate::data::use_team();
    let year_ref = NodeRef::<leptos::html::Select>::new();
    let number_ref = NodeRef::<leptos::html::Select>::new();
    let count_ref = NodeRef::<leptos::html::Select>::new();
    let week = move || state.with(|s| s.week);
    let (year, set_year) = signal(untrack(week).year());
    // The week number chosen, kept when the year changes (W48 of another year, not W01).
    let (number, set_number) = signal(untrack(week).week());
    // A step to another week starts the choice again from that week. Set only when different:
    // setting a signal re-renders what reads it, here a year's 53 options, on every step.
    Effect::watch(
        week,
        move |week, _, _| {
            if year.get_untracked() != week.year() {
                set_year.set(week.year());
            }
            if number.get_untracked() != week.week() {
                set_number.set(week.week());
            }
        },
        false,
    );
    let navigate_to = navigate.clone();
    let go = move || {
        let value = |r: NodeRef<leptos::html::Select>| r.get().map(|s| s.value()).unwrap_or_default();
        let chosen = format!("{}-W{:0>2}", value(year_ref), value(number_ref)).parse::<WeekId>();
        // A week 53 chosen before switching to a 52-week year becomes that year's last week.
        let chosen = chosen.unwrap_or_else(|_| last_week_of(year.get_untracked()));
        let to = state.with_untracked(|s| {
            let count = value(count_ref).parse().unwrap_or(s.weeks);
            links::schedule(team, chosen.clamp(s.range.first(), s.range.last()), count, &s.what_if)
        });
        navigate_to(&to, Default::default());
    };
    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            go();
        }
    };
    // Enter in a select applies the choice, as it does in a text field.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && field_target(&ev) == Some("SELECT".into()) {
            ev.prevent_default();
            go();
        }
    };
    // ← and → step through the weeks, unless the person is typing or choosing in a field.
    let arrows = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key() || field_target(&ev).is_some() {
            return;
        }
        let step = match ev.key().as_str() {
            "ArrowLeft" => PickerState::previous,
            "ArrowRight" => PickerState::next,
            _ => return,
        };
        if let Some(to) = state.with_untracked(|s| step(s).map(|to| s.link(team, to))) {
            ev.prevent_default();
            navigate(&to, Default::default());
        }
    });
    on_cleanup(move || arrows.remove());
    // The years change with the horizon, not with every step.
    let range = Memo::new(move |_| state.with(|s| s.range));
    let years = move || {
        let range = range.get();
        (range.first().year()..=range.last().year())
            .map(|y| view! { <option value=y.to_string() prop:selected=move || y == year.get()>{y.to_string()}</option> })
            .collect_view()
    };
    let numbers = move || {
        let year = year.get();
        let last = last_week_of(year).week();
        (1..=last)
            .filter_map(|n| WeekId::new(year, n))
            .map(|w| {
                let label = format!("W{:02} · {}", w.week(), w.monday().format("%-d %b"));
                let chosen = move || number.get().min(last) == w.week();
                view! { <option value=format!("{:02}", w.week()) prop:selected=chosen>{label}</option> }
            })
            .collect_view()
    };
    let counts = WEEK_COUNTS
        .iter()
        .map(|&n| {
            let label = if n == 1 { "1 week".to_string() } else { format!("{n} weeks") };
            view! { <option value=n.to_string() prop:selected=move || state.with(|s| s.weeks == n)>{label}</option> }
        })
        .collect_view();
    // A step out of the range is shown disabled rather than left out, so the buttons stay put.
    let step = move |to: fn(&PickerState) -> Option<WeekId>, label: &'static str, rel: &'static str| {
        move || match state.with(|s| to(s).map(|to| s.link(team, to))) {
            Some(href) => view! { <A href=links::href(href) attr:class="button" attr:rel=rel>{label}</A> }.into_any(),
            None => view! { <span class="button disabled" aria-disabled="true">{label}</span> }.into_any(),
        }
    };
    let today = move || links::href(state.with(|s| s.link(team, s.this_week)));
    view! {
        <nav class="week-picker" aria-label="Choose weeks">
            <div class="steps">
                {step(PickerState::previous, "← Previous week", "prev")}
                <A href=today attr:class="button">"This week"</A>
                {step(PickerState::next, "Next week →", "next")}
            </div>
            <form class="jump" on:submit=on_submit on:keydown=on_keydown>
                <div class="field">
                    <label for="pick-year">"Year"</label>
                    <select id="pick-year" node_ref=year_ref name="year" on:change=move |ev| {
                        set_year.set(event_target_value(&ev).parse().unwrap_or(untrack(week).year()));
                    }>{years}</select>
                </div>
                <div class="field">
                    <label for="pick-week">"Week"</label>
                    <select id="pick-week" node_ref=number_ref name="week" on:change=move |ev| {
                        set_number.set(event_target_value(&ev).parse().unwrap_or(untrack(week).week()));
                    }>{numbers}</select>
                </div>
                <div class="field">
                    <label for="pick-count">"Show"</label>
                    <select id="pick-count" node_ref=count_ref name="weeks">{counts}</select>
                </div>
                <button type="submit" class="button primary">"Go"</button>
            </form>
        </nav>
    }
}
