use chrono::Datelike;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use rota::{FairnessLedger, FairnessRow, Period};

use crate::clock::use_clock;
use crate::components::download_csv::download_csv;
use crate::components::person_link::PersonLink;
use crate::components::preview_banner::PreviewBanner;
use crate::data::use_team;
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::use_preview;

/// How a column reads its number from a row.
type Count = fn(&FairnessRow) -> String;

/// The counted columns: plain names, and how each reads a row. "Covered by others" are the
/// holiday weeks a backup took over (swaps given), "Covered for others" the ones they took.
const COLUMNS: [(&str, Count); 6] = [
    ("Weeks on call", |r| r.weeks_on_call.to_string()),
    ("Hours on call", |r| rota::hours::text(r.minutes_on_call)),
    ("Holiday weeks worked", |r| r.holiday_weeks_worked.to_string()),
    ("Covered by others", |r| r.swaps_given.to_string()),
    ("Covered for others", |r| r.swaps_taken.to_string()),
    ("Conflicts", |r| r.open_conflicts.to_string()),
];

/// The ledger's rows (one per engineer and period), or only one engineer's (then without a
/// name on every row). With `real` (the ledger without a what-if preview), a number the
/// preview changes reads "13 → 12" and its row is marked. On a phone each row is a card of
/// labelled values, so nothing needs a sideways swipe; the team's table there shows each
/// engineer's year first with the quarters folded (a "Quarters" button opens them, and a
/// preview that changes a quarter opens it), instead of twenty cards.
#[component]
pub fn FairnessTable(
    ledger: FairnessLedger,
    #[prop(optional)] engineer: Option<String>,
    #[prop(optional)] real: Option<FairnessLedger>,
) -> impl IntoView {
    let one_person = engineer.is_some();
    let mut engineers: Vec<String> = Vec::new();
    for row in &ledger.rows {
        if engineer.as_ref().is_none_or(|e| *e == row.engineer) && !engineers.contains(&row.engineer) {
            engineers.push(row.engineer.clone());
        }
    }
    let groups = engineers
        .into_iter()
        .map(|slug| {
            // The year first, then its quarters (filtered twice rather than sorted: a sort of
            // its own costs the wasm more than it saves here).
            let is_year = |row: &&FairnessRow| matches!(row.period, Period::Year(_));
            let rows: Vec<(FairnessRow, Option<FairnessRow>)> = ledger
                .rows_of(&slug)
                .filter(is_year)
                .chain(ledger.rows_of(&slug).filter(|row| !is_year(row)))
                .map(|row| {
                    let was = real.as_ref().and_then(|r| r.row(&row.engineer, row.period)).filter(|was| **was != *row);
                    (row.clone(), was.cloned())
                })
                .collect();
            let quarter_changed = rows.iter().any(|(row, was)| !matches!(row.period, Period::Year(_)) && was.is_some());
            let open = RwSignal::new(quarter_changed);
            let rows = rows.into_iter().map(|(row, was)| fairness_row(row, was, one_person, open)).collect_view();
            view! { <tbody class:open=move || open.get() data-engineer=slug>{rows}</tbody> }
        })
        .collect_view();
    let headers = COLUMNS.map(|(label, _)| view! { <th scope="col">{label}</th> }).into_iter().collect_view();
    view! {
        <table class="fairness" class:team=!one_person>
            <thead>
                <tr>
                    {(!one_person).then(|| view! { <th scope="col">"Engineer"</th> })}
                    <th scope="col">"Period"</th>
                    {headers}
                </tr>
            </thead>
            {groups}
        </table>
    }
}

/// One row of the fairness table; `was` is the row without the preview, when it differs.
/// The team table's year row carries the button that folds its quarters on a phone.
fn fairness_row(row: FairnessRow, was: Option<FairnessRow>, one_person: bool, open: RwSignal<bool>) -> impl IntoView {
    let period = row.period;
    let is_year = matches!(period, Period::Year(_));
    let cells = COLUMNS
        .map(|(label, count)| {
            let now = count(&row);
            match was.as_ref().map(count).filter(|before| *before != now) {
                Some(before) => {
                    view! { <td class="changed-cell" data-label=label>{format!("{before} → {now}")}</td> }.into_any()
                }
                None => view! { <td data-label=label>{now}</td> }.into_any(),
            }
        })
        .into_iter()
        .collect_view();
    let lead = if one_person {
        view! { <th scope="row" class="period">{period.to_string()}</th> }.into_any()
    } else {
        let toggle = is_year.then(|| {
            view! {
                <button type="button" class="quarters-toggle" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>"Quarters"</button>
            }
        });
        view! {
            <th scope="row"><PersonLink slug=row.engineer.clone() /> {toggle}</th>
            <td class="period">{period.to_string()}</td>
        }
        .into_any()
    };
    view! {
        <tr class:year-total=is_year class:quarter=!is_year class:changed=was.is_some() data-engineer=row.engineer.clone() data-period=period.to_string()>
            {lead}
            {cells}
        </tr>
    }
}

/// `/fairness?year=2026`: the ledger for the team, per quarter and year.
#[component]
pub fn FairnessPage() -> impl IntoView {
    let query = use_query_map();
    let preview = use_preview();
    let now = use_clock();
    // Only the year matters here, so the table re-renders once a year, not on every tick.
    let team = use_team();
    let current_year = Memo::new(move |_| now.get().with_timezone(&team.inputs().team.time_zone).year());
    move || {
        let p = match preview.get() {
            Ok(p) => p,
            Err(e) => return bad_link(e.to_string()).into_any(),
        };
        let schedule = p.schedule();
        let years = p.horizon.years();
        let this_year = current_year.get().clamp(*years.start(), *years.end());
        let year = match query.read().get("year") {
            None => this_year,
            Some(y) => match y.parse::<i32>() {
                Ok(y) if years.contains(&y) => y,
                _ => {
                    let reason = format!(
                        "year={y}: choose a year from {} to {}, the years wholly inside {}",
                        years.start(),
                        years.end(),
                        p.horizon.describe()
                    );
                    return bad_link(reason).into_any();
                }
            },
        };
        let ledger = FairnessLedger::for_year(schedule, year);
        let real = p.is_preview().then(|| FairnessLedger::for_year(&team.schedule, year));
        // The download is of what the page shows, what-if preview included.
        let csv = {
            let p = p.clone();
            move || rota::csv_export::hours(p.schedule(), year)
        };
        let year_link =
            |y: i32| links::href(links::with_what_if(&team.path(&format!("/fairness?year={y}")), &p.what_if));
        view! {
            <Title text=format!("Fairness {year}") />
            <PreviewBanner preview=p.clone() />
            <h1>{format!("Fairness in {year}")}</h1>
            <p class="hint">"Weeks count in the quarter their handoff falls in. Hours are the time actually on call: a cover moves its hours to the engineer covering. A holiday swap counts once, in the holiday week: \"covered by others\" for the engineer who had the holiday, \"covered for others\" for the backup."</p>
            <nav class="steps" aria-label="Years">
                {(year > *years.start()).then(|| view! { <A href=year_link(year - 1) attr:class="button">{format!("← {}", year - 1)}</A> })}
                {(year < *years.end()).then(|| view! { <A href=year_link(year + 1) attr:class="button">{format!("{} →", year + 1)}</A> })}
            </nav>
            {match real {
                Some(real) => view! { <FairnessTable ledger=ledger real=real /> }.into_any(),
                None => view! { <FairnessTable ledger=ledger /> }.into_any(),
            }}
            {download_csv(Box::new(csv), "Per engineer and month, quarter and year: weeks, hours, weekend days and holidays on call.")}
        }
        .into_any()
    }
}
