use chrono::Datelike;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use rota::{FairnessLedger, Period};

use crate::clock::use_clock;
use crate::components::person_link::PersonLink;
use crate::data::team_inputs;
use crate::links;
use crate::pages::not_found::bad_link;

/// The ledger's rows (one per engineer and period), optionally only one engineer's.
#[component]
pub fn FairnessTable(ledger: FairnessLedger, #[prop(optional)] engineer: Option<String>) -> impl IntoView {
    let rows = ledger
        .rows
        .into_iter()
        .filter(|row| engineer.as_ref().is_none_or(|e| *e == row.engineer))
        .map(|row| {
            let period = row.period;
            let is_year = matches!(period, Period::Year(_));
            view! {
                <tr class:year-total=is_year data-engineer=row.engineer.clone() data-period=period.to_string()>
                    <th scope="row"><PersonLink slug=row.engineer.clone() /></th>
                    <td>{period.to_string()}</td>
                    <td>{row.weeks_on_call}</td>
                    <td>{format_hours(row.hours_on_call())}</td>
                    <td>{row.holiday_weeks_worked}</td>
                    <td>{row.swaps_given}</td>
                    <td>{row.swaps_taken}</td>
                    <td>{row.open_conflicts}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="fairness">
                <thead>
                    <tr>
                        <th scope="col">"Engineer"</th>
                        <th scope="col">"Period"</th>
                        <th scope="col">"Weeks on call"</th>
                        <th scope="col">"Hours on call"</th>
                        <th scope="col">"Holiday weeks worked"</th>
                        <th scope="col">"Swaps given"</th>
                        <th scope="col">"Swaps taken"</th>
                        <th scope="col">"Conflicts"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Whole hours as "168", others to a tenth ("15.5").
fn format_hours(hours: f64) -> String {
    if hours.fract() == 0.0 {
        format!("{hours:.0}")
    } else {
        format!("{hours:.1}")
    }
}

/// `/fairness?year=2026`: the ledger for the team, per quarter and year.
#[component]
pub fn FairnessPage() -> impl IntoView {
    let query = use_query_map();
    let now = use_clock();
    // Only the year matters here, so the table re-renders once a year, not on every tick.
    let current_year = Memo::new(move |_| now.get().with_timezone(&team_inputs().team.time_zone).year());
    move || {
        let schedule = crate::data::team_schedule();
        let first_year = team_inputs().team.epoch.year();
        let this_year = current_year.get().max(first_year);
        let year = match query.read().get("year") {
            None => this_year,
            Some(y) => match y.parse::<i32>() {
                Ok(y) if (first_year..=this_year + 50).contains(&y) => y,
                _ => {
                    return bad_link(format!("year={y}: choose a year from {first_year} to {}", this_year + 50))
                        .into_any()
                }
            },
        };
        let ledger = FairnessLedger::for_year(schedule, year);
        view! {
            <Title text=format!("Fairness {year}") />
            <h1>{format!("Fairness in {year}")}</h1>
            <p class="hint">"Weeks count in the quarter their handoff falls in. Hours are the time actually on call: a cover moves its hours to the engineer covering. A swap counts once, in the holiday week: given by the engineer who had the holiday, taken by the backup."</p>
            <nav class="steps" aria-label="Years">
                {(year > first_year).then(|| view! { <A href=links::href(format!("/fairness?year={}", year - 1)) attr:class="button">{format!("← {}", year - 1)}</A> })}
                <A href=links::href(format!("/fairness?year={}", year + 1)) attr:class="button">{format!("{} →", year + 1)}</A>
            </nav>
            <FairnessTable ledger=ledger />
        }
        .into_any()
    }
}
