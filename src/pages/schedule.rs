use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::clock::use_current_week;
use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::components::download_csv::download_csv;
use crate::components::preview_banner::PreviewBanner;
use crate::components::week_picker::WeekPicker;
use crate::components::week_table::{WeekRow, WeekTable};
use crate::components::what_if_form::WhatIfForm;
use crate::data::SiteTeam;
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::{use_preview, Preview};
use crate::schedule_query::{ScheduleQuery, DEFAULT_WEEKS};
use rota::{Horizon, WeekId, WhatIf};

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
    let problem = Memo::new(move |_| page.with(|page| page.as_ref().err().cloned()));
    let frame = Frame::new(page, this_week, team);
    move || match problem.get() {
        Some(reason) => bad_link(reason).into_any(),
        None => frame.view().into_any(),
    }
}

/// What the page's frame shows, each part a signal of its own, so a week step updates only
/// the parts it changes. Made with the page (not with each frame shown), so the page's title
/// can be read as long as the page is there.
#[derive(Clone, Copy)]
struct Frame {
    team: &'static SiteTeam,
    this_week: Memo<Option<u32>>,
    preview: Memo<Option<Preview>>,
    asked: Memo<Option<ScheduleQuery>>,
    range: Signal<Horizon>,
    what_if: Signal<WhatIf>,
    week: Signal<WeekId>,
    weeks: Signal<u32>,
    today: Signal<WeekId>,
    heading: Memo<String>,
}

impl Frame {
    /// The frame of `page`'s link, while it can be read (the defaults below are never shown).
    fn new(
        page: Memo<Result<(Preview, ScheduleQuery), String>>,
        this_week: Memo<Option<u32>>,
        team: &'static SiteTeam,
    ) -> Frame {
        let preview = Memo::new(move |_| page.with(|page| page.as_ref().ok().map(|(p, _)| p.clone())));
        let asked = Memo::new(move |_| page.with(|page| page.as_ref().ok().map(|(_, q)| *q)));
        let horizon = Memo::new(move |_| preview.with(|p| p.as_ref().map(|p| p.horizon)));
        let first = team.schedule.rotation().week(0).id;
        let range = Signal::derive(move || horizon.get().unwrap_or_else(|| Horizon::new(first, first)));
        let what_if =
            Signal::derive(move || preview.with(|p| p.as_ref().map(|p| p.what_if.clone()).unwrap_or_default()));
        let week = Signal::derive(move || asked.get().map_or(first, |q| q.week));
        let weeks = Signal::derive(move || asked.get().map_or(DEFAULT_WEEKS, |q| q.weeks));
        let today = Signal::derive(move || this_week.get().map_or(first, |i| team.schedule.rotation().week(i).id));
        let heading = Memo::new(move |_| {
            let Some(asked) = asked.get() else { return "Schedule".to_string() };
            let (week, last) = (asked.week, asked.last(range.get()));
            if week == last {
                format!("Schedule: {week}")
            } else {
                format!("Schedule: {week} to {last}")
            }
        });
        Frame { team, this_week, preview, asked, range, what_if, week, weeks, today, heading }
    }

    fn view(self) -> impl IntoView {
        let Frame { team, this_week, preview, asked, range, what_if, week, weeks, today, heading } = self;
        let rows = Signal::derive(move || {
            let (Some(p), Some(asked)) = (preview.get(), asked.get()) else { return Vec::new() };
            // The query is inside the horizon, so the week has an index.
            let from = p.schedule().rotation().index_of_week(asked.week).unwrap_or_default();
            p.schedule().weeks(from, asked.shown(p.horizon)).into_iter().map(|w| WeekRow::new(w, &p, team)).collect()
        });
        let csv = move || match (preview.get_untracked(), asked.get_untracked()) {
            (Some(p), Some(asked)) => {
                let from = p.schedule().rotation().index_of_week(asked.week).unwrap_or_default();
                rota::csv_export::schedule(p.schedule(), from, asked.shown(p.horizon))
            }
            _ => rota::csv_export::schedule(&team.schedule, 0, 0),
        };
        let path = Signal::derive(move || team.path(&format!("/schedule?week={}&weeks={}", week.get(), weeks.get())));
        let plan_leave =
            move || links::href(what_if.with(|w| links::schedule(team, week.get(), weeks.get(), w)) + "#what-if");
        view! {
            // A new title per heading, not a reactive one: a page rendered at build time has its
            // title read after it has gone, when no signal can be read.
            {move || view! { <Title text=heading.get() /> }}
            {move || preview.get().map(|p| view! { <PreviewBanner preview=p /> })}
            <p class="print-only" data-testid="print-header">{print_header(team.inputs())}</p>
            <h1>{move || heading.get()}</h1>
            <p class="hint">"Times are the team's (" {team.inputs().team.time_zone.name()} "). Handoff every "
                {handoff_text(team.inputs())} ". The schedule covers " {move || range.get().to_string()} ". "
                // The form is two screens down, below the weeks: say it is there.
                <a class="plan-leave" href=plan_leave>"Plan leave…"</a></p>
            <WeekPicker week=week weeks=weeks this_week=today range=range what_if=what_if />
            <WeekTable rows=rows current=this_week caption=heading />
            {download_csv(Box::new(csv), "These weeks, one row per stretch of on-call, with why.")}
            {move || preview.get().map(|p| view! { <WhatIfForm preview=p path=path /> })}
            <CalendarSubscribe feed=links::team_feed(team) title="the team's on-call calendar" />
        }
    }
}
