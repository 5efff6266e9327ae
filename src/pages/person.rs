use chrono::Datelike;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use rota::{FairnessLedger, WeekAssignment};

use crate::clock::{use_clock, use_current_week};
use crate::components::awaited::awaited;
use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::not_yet_in_data::NotYetInData;
use crate::components::person_link::PersonLink;
use crate::components::preview_banner::PreviewBanner;
use crate::components::preview_ignored::PreviewIgnored;
use crate::components::week_table::{WeekRow, WeekTable};
use crate::components::what_if_form::WhatIfForm;
use crate::data::{everyone, org, use_team};
use crate::links;
use crate::pages::fairness::FairnessTable;
use crate::pages::not_found::{bad_link, unknown};
use crate::preview::use_preview;

/// How far ahead a person's upcoming weeks are looked for.
const UPCOMING_WEEKS: u32 = 26;

/// `/people`: everyone on the team.
#[component]
pub fn PeoplePage() -> impl IntoView {
    // An organisation's /people lists everyone; a team's page, its engineers.
    let list = |slugs: Vec<String>| {
        let items = slugs.into_iter().map(|slug| view! { <li><PersonLink slug=slug /></li> }).collect_view();
        view! { <ul class="link-list">{items}</ul> }
    };
    let people = match org().filter(|_| use_context::<crate::data::TeamIndex>().is_none()) {
        Some(_) => awaited(
            "everyone's names".to_string(),
            crate::org_data::directory,
            || Box::pin(crate::org_data::load_directory()),
            move |directory| list(directory.people.iter().map(|p| p.person.slug.clone()).collect()),
        ),
        None => list(use_team().inputs().engineers.iter().map(|e| e.slug.clone()).collect()).into_any(),
    };
    view! {
        <Title text="People" />
        <h1>"People"</h1>
        <PreviewIgnored />
        {people}
    }
}

/// `/people/<slug>`: contacts, pipelines owned, upcoming on-call weeks and swaps, fairness, calendar feed.
#[component]
pub fn PersonPage() -> impl IntoView {
    let params = use_params_map();
    let preview = use_preview();
    let index = use_current_week();
    let now = use_clock();
    let team = use_team();
    // "in 18 days" changes once a day, not on every clock tick.
    let today = Memo::new(move |_| now.get().with_timezone(&team.inputs().team.time_zone).date_naive());
    move || {
        today.track();
        let p = match preview.get() {
            Ok(p) => p,
            Err(e) => return bad_link(e.to_string()).into_any(),
        };
        let data = &team.data;
        // Slugs are lowercase ASCII, so a hand-typed "/people/Charlie" still finds Charlie.
        let slug = params.read().get("slug").unwrap_or_default().to_ascii_lowercase();
        let Some(person) = data.engineer(&slug) else {
            return view! {
                {unknown("person", &slug, &everyone(), links::person, ("/people", "Everyone on the team"))}
                <NotYetInData />
            }
            .into_any();
        };
        let schedule = p.schedule();
        let from = index.get().unwrap_or(0);
        let weeks = schedule.weeks(from, UPCOMING_WEEKS.min(p.horizon.weeks_from(schedule.rotation().week(from).id)));
        let next = next_on_call(&weeks, &slug, now.get_untracked());
        let given_away = given_away(&weeks, &slug, p.inputs());
        // Weeks actually on call: held, or part of one through a cover.
        let upcoming: Vec<_> = weeks
            .into_iter()
            .filter(|w| w.stretches.iter().any(|s| s.engineer == slug))
            .map(|w| WeekRow::new(w, &p, team))
            .collect();
        let roster = roster_notes(schedule, &slug);
        let owned = data
            .pipelines
            .iter()
            .filter(|pl| pl.primary == slug || pl.secondary == slug)
            .map(|pl| {
                let role = if pl.primary == slug { "primary" } else { "secondary" };
                view! { <li><A href=links::href(links::pipeline(&pl.slug))>{pl.name.clone()}</A>{format!(" ({role})")}</li> }
            })
            .collect_view();
        let year = schedule.rotation().week(from).start.year();
        // This year, and every year a preview reaches into, so its effect is never off-page.
        let mut years = vec![year];
        years.extend(p.what_if.leave.iter().flat_map(|l| [l.from.year(), l.to.year()]));
        years.extend(p.what_if.covers.iter().flat_map(|c| [c.from.year(), c.to.year()]));
        years.extend(p.what_if.keep.iter().map(|w| w.monday().year()));
        years.sort_unstable();
        years.dedup();
        let fairness = years
            .into_iter()
            .map(|year| {
                let ledger = FairnessLedger::for_year(schedule, year);
                let table = match p.is_preview().then(|| FairnessLedger::for_year(&team.schedule, year)) {
                    Some(real) => view! { <FairnessTable ledger=ledger engineer=slug.clone() real=real /> }.into_any(),
                    None => view! { <FairnessTable ledger=ledger engineer=slug.clone() /> }.into_any(),
                };
                view! { <h3>{format!("Fairness in {year}")}</h3> {table} }
            })
            .collect_view();
        let caption = format!("Upcoming weeks of {}", person.name);
        let path = links::person(&slug);
        view! {
            <Title text=person.name.clone() />
            <PreviewBanner preview=p.clone() />
            <h1>{person.name.clone()}</h1>
            {(!roster.is_empty()).then(|| view! {
                <ul class="roster-notes" data-testid="roster-notes">{roster.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
            <dl class="owners">
                <dt>"Contact"</dt>
                <dd><ContactLinks slug=slug.clone() /></dd>
                <dt>"Backup for holiday weeks"</dt>
                <dd><PersonLink slug=person.backup.clone() /></dd>
            </dl>
            <section aria-labelledby="owns-title">
                <h2 id="owns-title">"Pipelines"</h2>
                <ul class="link-list">{owned}</ul>
            </section>
            // When they are next on call depends on when the page is read.
            {(!crate::clock::AT_BUILD).then(|| view! {
                <p class="next-on-call" data-testid="next-on-call">{match next {
                    Some(NextOnCall::Now(until)) => view! { "On call now, until " <Instant at=until /> }.into_any(),
                    Some(NextOnCall::From(start)) => {
                        let days = (start.date_naive() - today.get_untracked()).num_days();
                        let when = match days {
                            0 => "today".to_string(),
                            1 => "tomorrow".to_string(),
                            n => format!("in {n} days"),
                        };
                        view! { "Next on call: " <Instant at=start /> {format!(" ({when})")} }.into_any()
                    }
                    None => format!("Not on call in the next {UPCOMING_WEEKS} weeks.").into_any(),
                }}</p>
            })}
            <section aria-labelledby="upcoming-title">
                <h2 id="upcoming-title">{format!("On call in the next {UPCOMING_WEEKS} weeks")}</h2>
                <WeekTable rows=move || upcoming.clone() current=Memo::new(move |_| Some(from)) caption=Memo::new(move |_| caption.clone()) />
                {(!given_away.is_empty()).then(|| view! {
                    <h3>"Weeks given away"</h3>
                    <ul class="given-away" data-testid="given-away">
                        {given_away.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                    </ul>
                })}
            </section>
            <WhatIfForm preview=p.clone() path=Memo::new(move |_| path.clone()) engineer=slug.clone() />
            <section aria-labelledby="fairness-title">
                <h2 id="fairness-title">"Fairness"</h2>
                {fairness}
            </section>
            <CalendarSubscribe feed=links::person_feed(&slug) title=format!("{}'s on-call calendar", person.name) />
        }
        .into_any()
    }
}

/// When someone is next on call.
enum NextOnCall {
    /// On call now, until then.
    Now(DateTime<Tz>),
    From(DateTime<Tz>),
}

fn next_on_call(weeks: &[WeekAssignment], slug: &str, now: DateTime<Utc>) -> Option<NextOnCall> {
    let stretch = weeks.iter().flat_map(|w| &w.stretches).find(|s| s.engineer == slug && s.end.to_utc() > now)?;
    Some(if stretch.start.to_utc() <= now { NextOnCall::Now(stretch.end) } else { NextOnCall::From(stretch.start) })
}

/// The rotation's weeks of this engineer that someone else holds, each said once and short:
/// "2026-W49: Diana, in return for covering 2026-W48".
fn given_away(weeks: &[WeekAssignment], slug: &str, inputs: &rota::ScheduleInputs) -> Vec<String> {
    weeks
        .iter()
        .filter(|w| w.scheduled == slug && w.on_call != slug)
        .map(|w| {
            let who = inputs.name_of(&w.on_call);
            let why = match (&w.swap, &w.trade) {
                (_, Some(t)) if t.applied => format!(", traded for {}", t.with_week),
                (Some(s), _) if s.is_holiday_side(w.week.index) => {
                    format!(", covering this holiday week; you take {} in return", s.with_week)
                }
                (Some(s), _) => format!(", in return for covering {}", s.with_week),
                _ => String::new(),
            };
            format!("{}: {who}{why}", w.week.id)
        })
        .collect()
}

/// When the engineer joins or leaves the rotation, e.g. "Eve joins the rotation from 2027-W10".
fn roster_notes(schedule: &rota::Schedule, slug: &str) -> Vec<String> {
    let name = schedule.name_of(slug);
    schedule
        .rotation()
        .changes()
        .filter_map(|(from, _)| schedule.week(from).roster_change)
        .filter_map(|change| {
            if change.joined.iter().any(|s| s == slug) {
                Some(format!("{name} joins the rotation from {}", change.from))
            } else if change.left.iter().any(|s| s == slug) {
                Some(format!("{name} leaves the rotation from {}", change.from))
            } else {
                None
            }
        })
        .collect()
}
