use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use rota::{WeekId, WhatIf};

use crate::links;

/// How many weeks the schedule can show at once.
pub const WEEK_COUNTS: [u32; 6] = [1, 4, 8, 12, 26, 52];
/// How far ahead the year list reaches.
const YEARS_AHEAD: i32 = 10;

/// Previous/next week, this week, and any ISO week by year and number — plain selects,
/// which work on phones and in browsers without `<input type="week">`.
#[component]
pub fn WeekPicker(week: WeekId, weeks: u32, this_week: WeekId, first: WeekId, what_if: WhatIf) -> impl IntoView {
    let navigate = use_navigate();
    let year_ref = NodeRef::<leptos::html::Select>::new();
    let number_ref = NodeRef::<leptos::html::Select>::new();
    let count_ref = NodeRef::<leptos::html::Select>::new();
    let (year, set_year) = signal(week.year());
    let what_if_for_submit = what_if.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |r: NodeRef<leptos::html::Select>| r.get().map(|s| s.value()).unwrap_or_default();
        let chosen = format!("{}-W{:0>2}", value(year_ref), value(number_ref)).parse::<WeekId>();
        // A week 53 chosen before switching to a 52-week year becomes that year's last week.
        let chosen = chosen.unwrap_or_else(|_| WeekId::of(last_monday(year.get_untracked())));
        let count = value(count_ref).parse().unwrap_or(weeks);
        navigate(&links::schedule(chosen.max(first), count, &what_if_for_submit), Default::default());
    };
    let years = (first.year()..=this_week.year().max(week.year()) + YEARS_AHEAD)
        .map(|y| view! { <option value=y.to_string() selected=y == week.year()>{y.to_string()}</option> })
        .collect_view();
    let numbers = move || {
        let year = year.get();
        (1..=WeekId::of(last_monday(year)).week())
            .filter_map(|n| WeekId::new(year, n))
            .map(|w| {
                let label = format!("W{:02} · {}", w.week(), w.monday().format("%-d %b"));
                view! { <option value=format!("{:02}", w.week()) selected=w == week>{label}</option> }
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
    let previous = (week > first).then(|| links::schedule(week.plus_weeks(-1), weeks, &what_if));
    let next = links::schedule(week.plus_weeks(1), weeks, &what_if);
    let today = links::schedule(this_week, weeks, &what_if);
    view! {
        <nav class="week-picker" aria-label="Choose weeks">
            <div class="steps">
                {match previous {
                    Some(href) => view! { <A href=links::href(href) attr:class="button" attr:rel="prev">"← Previous week"</A> }.into_any(),
                    None => view! { <span class="button disabled" aria-disabled="true">"← Previous week"</span> }.into_any(),
                }}
                <A href=links::href(today) attr:class="button">"This week"</A>
                <A href=links::href(next) attr:class="button" attr:rel="next">"Next week →"</A>
            </div>
            <form class="jump" on:submit=on_submit>
                <div class="field">
                    <label for="pick-year">"Year"</label>
                    <select id="pick-year" node_ref=year_ref name="year" on:change=move |ev| {
                        set_year.set(event_target_value(&ev).parse().unwrap_or(week.year()));
                    }>{years}</select>
                </div>
                <div class="field">
                    <label for="pick-week">"Week"</label>
                    <select id="pick-week" node_ref=number_ref name="week">{numbers}</select>
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

/// The Monday of the last ISO week of `year` (28 December is always in it).
fn last_monday(year: i32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let dec28 = chrono::NaiveDate::from_ymd_opt(year, 12, 28).unwrap_or_default();
    dec28 - chrono::Duration::days(dec28.weekday().num_days_from_monday() as i64)
}
