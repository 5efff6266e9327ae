use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::clock::use_current_week;
use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::components::download_csv::download_csv;
use crate::components::preview_banner::PreviewBanner;
use crate::components::week_picker::{PickerState, WeekPicker};
use crate::components::week_table::{WeekRow, WeekTable};
use crate::components::what_if_form::WhatIfForm;
use crate::data::SiteTeam;
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::{use_preview, Preview};
use crate::schedule_query::ScheduleQuery;
use rota::WhatIfError;

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

/// `/schedule?week=2026-W48&weeks=12`: weeks with scheduled and actual on-call, holidays,
/// swaps and conflicts; the URL always holds the selection.
///
/// The page's frame is rendered once: a week step changes the heading's text, the picker's
/// links and the rows that enter and leave the table; a new preview re-renders its banner and
/// form. Only a link that cannot be read replaces the page, with why.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let query = use_query_map();
    let preview = use_preview();
    let this_week = use_current_week();
    let team = crate::data::use_team();
    let page = Memo::new(move |_| -> Result<(Preview, ScheduleQuery), String> {
        let p = preview.get().map_err(|e| e.to_string())?;
        let rotation = p.schedule().rotation();
        let today = this_week.get().map_or(p.horizon.first(), |i| rotation.week(i).id);
        let query = query.read();
        let asked = ScheduleQuery::parse(query.get_str("week"), query.get_str("weeks"), today, p.horizon);
        Ok((p, asked.map_err(|e| e.to_string())?))
    });
    // "" while the link can be read: a `Memo<String>` like others in the app, not a new type
    // (each reactive type adds its own code to the wasm).
    let problem = Memo::new(move |_| page.with(|page| page.as_ref().err().cloned().unwrap_or_default()));
    let frame = Frame { team, this_week, preview, page };
    move || match problem.get() {
        reason if !reason.is_empty() => bad_link(reason).into_any(),
        _ => frame.view().into_any(),
    }
}

/// The page for a readable link, which `page` holds for as long as the frame is shown. Each
/// part reads what it shows from `page`, so a week step updates only the parts it changes.
#[derive(Clone, Copy)]
struct Frame {
    team: &'static SiteTeam,
    this_week: Memo<Option<u32>>,
    /// The banner and the form follow the preview alone, not every week step.
    preview: Memo<Result<Preview, WhatIfError>>,
    page: Memo<Result<(Preview, ScheduleQuery), String>>,
}

impl Frame {
    /// `f` of the shown preview and query (`None` only as the frame goes away).
    fn with<R>(self, f: impl FnOnce(&Preview, ScheduleQuery) -> R) -> Option<R> {
        self.page.with(|page| page.as_ref().ok().map(|(p, q)| f(p, *q)))
    }

    fn view(self) -> impl IntoView {
        let Frame { team, this_week, preview, .. } = self;
        let heading = Memo::new(move |_| {
            self.with(|p, asked| {
                let (week, last) = (asked.week, asked.last(p.horizon));
                if week == last {
                    format!("Schedule: {week}")
                } else {
                    format!("Schedule: {week} to {last}")
                }
            })
            .unwrap_or_default()
        });
        let first = team.schedule.rotation().week(0).id;
        let picker = Memo::new(move |_| {
            self.with(|p, asked| {
                let this_week = this_week.get().map_or(p.horizon.first(), |i| p.schedule().rotation().week(i).id);
                PickerState {
                    week: asked.week,
                    weeks: asked.weeks,
                    this_week,
                    range: p.horizon,
                    what_if: p.what_if.clone(),
                }
            })
            .unwrap_or_else(|| PickerState::at(first))
        });
        let rows = move || {
            self.with(|p, asked| {
                // The query is inside the horizon, so the week has an index.
                let from = p.schedule().rotation().index_of_week(asked.week).unwrap_or_default();
                p.schedule().weeks(from, asked.shown(p.horizon)).into_iter().map(|w| WeekRow::new(w, p, team)).collect()
            })
            .unwrap_or_default()
        };
        let csv = move || {
            untrack(|| {
                self.with(|p, asked| {
                    let from = p.schedule().rotation().index_of_week(asked.week).unwrap_or_default();
                    schedule_csv(p.schedule(), from, asked.shown(p.horizon))
                })
            })
            .unwrap_or_else(|| schedule_csv(&team.schedule, 0, 0))
        };
        let path = Memo::new(move |_| {
            self.with(|_, asked| team.path(&format!("/schedule?week={}&weeks={}", asked.week, asked.weeks)))
                .unwrap_or_default()
        });
        let plan_leave = move || {
            let link = self.with(|p, asked| links::schedule(team, asked.week, asked.weeks, &p.what_if));
            links::href(link.unwrap_or_default() + "#what-if")
        };
        let range = move || self.with(|p, _| p.horizon.to_string()).unwrap_or_default();
        view! {
            // A new title per heading, not a reactive one: a page rendered at build time has its
            // title read after it has gone, when no signal can be read.
            {move || view! { <Title text=heading.get() /> }}
            {move || preview.get().ok().map(|p| view! { <PreviewBanner preview=p /> })}
            <p class="print-only" data-testid="print-header">{print_header(team.inputs())}</p>
            <h1>{move || heading.get()}</h1>
            <p class="hint">"Times are the team's (" {team.inputs().team.time_zone.name()} "). Handoff every "
                {handoff_text(team.inputs())} ". The schedule covers " {range} ". "
                // The form is two screens down, below the weeks: say it is there.
                <a class="plan-leave" href=plan_leave>"Plan leave…"</a></p>
            <WeekPicker state=picker />
            <WeekTable rows=rows current=this_week caption=heading />
            {download_csv(Box::new(csv), "These weeks, one row per stretch of on-call, with why.")}
            {move || preview.get().ok().map(|p| view! { <WhatIfForm preview=p path=path /> })}
            <CalendarSubscribe feed=links::team_feed(team) title="the team's on-call calendar" />
        }
    }
}

/// The schedule's CSV, with every layer for a team that has them.
fn schedule_csv(schedule: &rota::Schedule, from: u32, weeks: u32) -> rota::csv_export::CsvFile {
    if crate::layer_words::has_layers!(schedule.inputs()) {
        rota::csv_export::layered_schedule(schedule, from, weeks)
    } else {
        rota::csv_export::schedule(schedule, from, weeks)
    }
}
