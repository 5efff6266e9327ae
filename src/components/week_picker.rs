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
#[component]
pub fn WeekPicker(week: WeekId, weeks: u32, this_week: WeekId, range: Horizon, what_if: WhatIf) -> impl IntoView {
    let navigate = use_navigate();
    let team = crate::data::use_team();
    let year_ref = NodeRef::<leptos::html::Select>::new();
    let number_ref = NodeRef::<leptos::html::Select>::new();
    let count_ref = NodeRef::<leptos::html::Select>::new();
    let (year, set_year) = signal(week.year());
    // The week number chosen, kept when the year changes (W48 of another year, not W01).
    let (number, set_number) = signal(week.week());
    let what_if_for_submit = what_if.clone();
    let navigate_to = navigate.clone();
    let go = move || {
        let value = |r: NodeRef<leptos::html::Select>| r.get().map(|s| s.value()).unwrap_or_default();
        let chosen = format!("{}-W{:0>2}", value(year_ref), value(number_ref)).parse::<WeekId>();
        // A week 53 chosen before switching to a 52-week year becomes that year's last week.
        let chosen = chosen.unwrap_or_else(|_| last_week_of(year.get_untracked()));
        let count = value(count_ref).parse().unwrap_or(weeks);
        navigate_to(
            &links::schedule(team, chosen.clamp(range.first(), range.last()), count, &what_if_for_submit),
            Default::default(),
        );
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
    let previous_week = (week > range.first()).then(|| week.plus_weeks(-1));
    let next_week = (week < range.last()).then(|| week.plus_weeks(1));
    let step_to = |to: Option<WeekId>| to.map(|to| links::schedule(team, to, weeks, &what_if));
    let (previous_path, next_path) = (step_to(previous_week), step_to(next_week));
    let arrows = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key() || field_target(&ev).is_some() {
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowLeft" => previous_path.as_ref(),
            "ArrowRight" => next_path.as_ref(),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            navigate(to, Default::default());
        }
    });
    on_cleanup(move || arrows.remove());
    let years = (range.first().year()..=range.last().year())
        .map(|y| view! { <option value=y.to_string() selected=y == week.year()>{y.to_string()}</option> })
        .collect_view();
    let numbers = move || {
        let year = year.get();
        (1..=last_week_of(year).week())
            .filter_map(|n| WeekId::new(year, n))
            .map(|w| {
                let label = format!("W{:02} · {}", w.week(), w.monday().format("%-d %b"));
                let chosen = number.get_untracked().min(last_week_of(year).week());
                view! { <option value=format!("{:02}", w.week()) selected=w.week() == chosen>{label}</option> }
            })
            .collect_view()
    };
    let counts = WEEK_COUNTS
        .iter()
        .map(|&n| {
            let label = if n == 1 { "1 week".to_string() } else { format!("{n} weeks") };
            view! { <option value=n.to_string() selected=n == weeks>{label}</option> }
        })
        .collect_view();
    // A step out of the range is shown disabled rather than left out, so the buttons stay put.
    let step = |to: Option<WeekId>, label: &'static str, rel: &'static str| match to {
        Some(to) => {
            let href = links::href(links::schedule(team, to, weeks, &what_if));
            view! { <A href=href attr:class="button" attr:rel=rel>{label}</A> }.into_any()
        }
        None => view! { <span class="button disabled" aria-disabled="true">{label}</span> }.into_any(),
    };
    let previous = step(previous_week, "← Previous week", "prev");
    let next = step(next_week, "Next week →", "next");
    let today = links::schedule(team, this_week, weeks, &what_if);
    view! {
        <nav class="week-picker" aria-label="Choose weeks">
            <div class="steps">
                {previous}
                <A href=links::href(today) attr:class="button">"This week"</A>
                {next}
            </div>
            <form class="jump" on:submit=on_submit on:keydown=on_keydown>
                <div class="field">
                    <label for="pick-year">"Year"</label>
                    <select id="pick-year" node_ref=year_ref name="year" on:change=move |ev| {
                        set_year.set(event_target_value(&ev).parse().unwrap_or(week.year()));
                    }>{years}</select>
                </div>
                <div class="field">
                    <label for="pick-week">"Week"</label>
                    <select id="pick-week" node_ref=number_ref name="week" on:change=move |ev| {
                        set_number.set(event_target_value(&ev).parse().unwrap_or(week.week()));
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
