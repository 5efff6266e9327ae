use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use rota::{Rotation, WeekId};

use crate::clock::use_current_week;
use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::components::download_csv::download_csv;
use crate::components::preview_banner::PreviewBanner;
use crate::components::week_picker::WeekPicker;
use crate::components::week_table::WeekTable;
use crate::components::what_if_form::WhatIfForm;
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::use_preview;

/// E.g. "Monday at 09:00".
fn handoff_text(data: &rota::ScheduleInputs) -> String {
    let handoff = data.team.handoff;
    let day = rota::chrono::NaiveDate::from_isoywd_opt(2026, 1, handoff.weekday).unwrap_or_default();
    format!("{} at {}", day.format("%A"), handoff.time.format("%H:%M"))
}

/// For the printed page, which has no site header: whose schedule, when it was printed, and in
/// which zone its times are.
fn print_header(inputs: &rota::ScheduleInputs) -> String {
    let zone = inputs.team.time_zone;
    let today = crate::clock::now_instant().with_timezone(&zone).format("%a %-d %b %Y");
    format!("{} · printed {today} · times in {}", inputs.team.name, zone.name())
}

/// Weeks shown when the link does not say.
const DEFAULT_WEEKS: u32 = 12;
/// Most weeks one page shows (two years).
const MAX_WEEKS: u32 = 104;

/// `/schedule?week=2026-W48&weeks=12`: weeks with scheduled and actual on-call, holidays,
/// swaps and conflicts; the URL always holds the selection.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let query = use_query_map();
    let preview = use_preview();
    let this_week = use_current_week();
    let team = crate::data::use_team();
    move || {
        let query = query.read();
        let p = match preview.get() {
            Ok(p) => p,
            Err(e) => return bad_link(e.to_string()).into_any(),
        };
        let rotation = Rotation::new(p.inputs());
        let first = rotation.week(0).id;
        let today = this_week.get().map_or(first, |i| rotation.week(i).id);
        let range = p.horizon;
        let week = match query.get("week").map(|w| w.parse::<WeekId>()) {
            None => today,
            Some(Ok(week)) if week < first => {
                return bad_link(format!("week={week}: the rotation starts in {first}")).into_any()
            }
            Some(Ok(week)) if week > range.last() => {
                let reason = format!(
                    "week={week}: the schedule covers {range}, up to {} years ahead",
                    rota::horizon::YEARS_AHEAD
                );
                return bad_link(reason).into_any();
            }
            Some(Ok(week)) => week,
            Some(Err(e)) => return bad_link(format!("week={}: {}", e.input, e.reason)).into_any(),
        };
        let weeks = match query.get("weeks") {
            None => DEFAULT_WEEKS,
            Some(n) => match n.parse::<u32>() {
                Ok(n) if (1..=MAX_WEEKS).contains(&n) => n,
                _ => {
                    return bad_link(format!("weeks={n}: the number of weeks must be from 1 to {MAX_WEEKS}")).into_any()
                }
            },
        };
        // `week >= first`, so the week has an index.
        let from = rotation.index_of_week(week).unwrap_or_default();
        // Near the end of the range the page shows fewer weeks than asked for.
        let shown = weeks.min(range.weeks_from(week));
        let rows = p.schedule().weeks(from, shown);
        let real = p.is_preview().then(|| team.schedule.weeks(from, shown));
        let last = week.plus_weeks(i64::from(shown) - 1);
        let heading = if shown == 1 { format!("Schedule: {week}") } else { format!("Schedule: {week} to {last}") };
        let current = this_week.get();
        let csv = {
            let p = p.clone();
            move || rota::csv_export::schedule(p.schedule(), from, shown)
        };
        view! {
            <Title text=heading.clone() />
            <PreviewBanner preview=p.clone() />
            <p class="print-only" data-testid="print-header">{print_header(p.inputs())}</p>
            <h1>{heading.clone()}</h1>
            <p class="hint">"Times are the team's (" {p.inputs().team.time_zone.name()} "). Handoff every "
                {handoff_text(p.inputs())} ". The schedule covers " {range.to_string()} ". "
                // The form is two screens down, below the weeks: say it is there.
                <a class="plan-leave" href=links::href(links::schedule(team, week, weeks, &p.what_if) + "#what-if")>"Plan leave…"</a></p>
            <WeekPicker week=week weeks=weeks this_week=today range=range what_if=p.what_if.clone() />
            <WeekTable weeks=rows preview=p.clone() real=real current=current caption=heading />
            {download_csv(Box::new(csv), "These weeks, one row per stretch of on-call, with why.")}
            <WhatIfForm preview=p.clone() path=team.path(&format!("/schedule?week={week}&weeks={weeks}")) />
            <CalendarSubscribe feed=links::team_feed(team) title="the team's on-call calendar" />
        }
        .into_any()
    }
}
