use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use rota::horizon::last_week_of;
use rota::{Horizon, WeekId, WhatIf};

use crate::keyboard::field_target;
use crate::links;

/// How many weeks the schedule can show at once.
pub const WEEK_COUNTS: [u32; 6] = [1, 4, 8, 12, 26, 52];

/// Previous/next week, this week, and any ISO week of `range` (the horizon) by year and number — plain
/// selects, which work on phones and in browsers without `<input type="week">`.
///
/// Rendered once per page: a week step updates its links and selections in place, and the
/// arrow keys' listener reads the current week when a key is pressed.
#[component]
pub fn WeekPicker(
    #[prop(into)] week: Signal<WeekId>,
    #[prop(into)] weeks: Signal<u32>,
    #[prop(into)] this_week: Signal<WeekId>,
    #[prop(into)] range: Signal<Horizon>,
    #[prop(into)] what_if: Signal<WhatIf>,
) -> impl IntoView {
    let navigate = use_navigate();
    let team = crate::data::use_team();
    let year_ref = NodeRef::<leptos::html::Select>::new();
    let number_ref = NodeRef::<leptos::html::Select>::new();
    let count_ref = NodeRef::<leptos::html::Select>::new();
    let (year, set_year) = signal(week.get_untracked().year());
    // The week number chosen, kept when the year changes (W48 of another year, not W01).
    let (number, set_number) = signal(week.get_untracked().week());
    // A step to another week starts the choice again from that week.
    Effect::watch(
        move || week.get(),
        move |week, _, _| {
            set_year.set(week.year());
            set_number.set(week.week());
        },
        false,
    );
    let link = move |to: WeekId| what_if.with(|what_if| links::schedule(team, to, weeks.get(), what_if));
    let navigate_to = navigate.clone();
    let go = move || {
        let value = |r: NodeRef<leptos::html::Select>| r.get().map(|s| s.value()).unwrap_or_default();
        let chosen = format!("{}-W{:0>2}", value(year_ref), value(number_ref)).parse::<WeekId>();
        // A week 53 chosen before switching to a 52-week year becomes that year's last week.
        let chosen = chosen.unwrap_or_else(|_| last_week_of(year.get_untracked()));
        let count = value(count_ref).parse().unwrap_or(weeks.get_untracked());
        let range = range.get_untracked();
        let to = what_if
            .with_untracked(|what_if| links::schedule(team, chosen.clamp(range.first(), range.last()), count, what_if));
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
    let previous_week = move || Some(week.get()).filter(|w| *w > range.get().first()).map(|w| w.plus_weeks(-1));
    let next_week = move || Some(week.get()).filter(|w| *w < range.get().last()).map(|w| w.plus_weeks(1));
    // ← and → step through the weeks, unless the person is typing or choosing in a field.
    let arrows = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key() || field_target(&ev).is_some() {
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowLeft" => untrack(previous_week),
            "ArrowRight" => untrack(next_week),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            navigate(&untrack(|| link(to)), Default::default());
        }
    });
    on_cleanup(move || arrows.remove());
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
            view! { <option value=n.to_string() prop:selected=move || n == weeks.get()>{label}</option> }
        })
        .collect_view();
    // A step out of the range is shown disabled rather than left out, so the buttons stay put.
    let step = move |to: Option<WeekId>, label: &'static str, rel: &'static str| match to {
        Some(to) => view! { <A href=links::href(link(to)) attr:class="button" attr:rel=rel>{label}</A> }.into_any(),
        None => view! { <span class="button disabled" aria-disabled="true">{label}</span> }.into_any(),
    };
    view! {
        <nav class="week-picker" aria-label="Choose weeks">
            <div class="steps">
                {move || step(previous_week(), "← Previous week", "prev")}
                <A href=move || links::href(link(this_week.get())) attr:class="button">"This week"</A>
                {move || step(next_week(), "Next week →", "next")}
            </div>
            <form class="jump" on:submit=on_submit on:keydown=on_keydown>
                <div class="field">
                    <label for="pick-year">"Year"</label>
                    <select id="pick-year" node_ref=year_ref name="year" on:change=move |ev| {
                        set_year.set(event_target_value(&ev).parse().unwrap_or(week.get_untracked().year()));
                    }>{years}</select>
                </div>
                <div class="field">
                    <label for="pick-week">"Week"</label>
                    <select id="pick-week" node_ref=number_ref name="week" on:change=move |ev| {
                        set_number.set(event_target_value(&ev).parse().unwrap_or(week.get_untracked().week()));
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
