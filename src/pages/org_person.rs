//! `/people/<slug>` of an organisation: one person across all their teams — how to reach them,
//! their next shift in each team, every shift ahead in one timeline (each naming its team),
//! the instants they are on call for two teams at once, their fairness per team and in total,
//! and one calendar feed with every team's shifts.

use chrono::{Datelike, Duration};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use rota::{FairnessLedger, Period, Stretch};

use crate::clock::use_clock;
use crate::components::awaited::awaited;
use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::not_yet_in_data::NotYetInData;
use crate::data::{clashes_with_other_teams, everyone, name_of, SiteTeam, TeamIndex};
use crate::links;
use crate::org_data::{load_teams_of, teams_of_now};
use crate::pages::not_found::unknown;

/// How far ahead the timeline and the clashes look.
const AHEAD_WEEKS: i64 = 26;

#[component]
pub fn OrgPersonPage() -> impl IntoView {
    let params = use_params_map();
    let now = use_clock();
    // The page changes when a shift starts or ends, which a day's resolution shows well enough.
    let today = Memo::new(move |_| now.get().date_naive());
    move || {
        today.track();
        let slug = params.read().get("slug").unwrap_or_default().to_ascii_lowercase();
        let (ready, load) = (slug.clone(), slug.clone());
        awaited(
            "this person's teams".to_string(),
            move || teams_of_now(&ready),
            move || {
                let slug = load.clone();
                Box::pin(async move { load_teams_of(&slug).await })
            },
            move |teams| person_view(&slug, teams, now.get_untracked()),
        )
    }
}

/// The page of person `slug`, in `teams` (`None`: not in the organisation's directory).
fn person_view(slug: &str, teams: Option<Vec<&'static SiteTeam>>, now: chrono::DateTime<chrono::Utc>) -> AnyView {
    let (Some(teams), Some(person)) = (teams, crate::org_data::person(slug)) else {
        return view! {
            {unknown("person", slug, &everyone(), links::person, ("/people", "Everyone"))}
            <NotYetInData />
        }
        .into_any();
    };
    let person = &person.person;
    let slug = slug.to_string();
    if let Some(team) = teams.first() {
        provide_context(TeamIndex(team.index));
    }
    let until = now + Duration::weeks(AHEAD_WEEKS);
    let shifts = shifts(&teams, &slug, now, until);
    let next_in_team = teams
        .iter()
        .map(|&team| {
            let next = shifts.iter().find(|(t, _)| t.slug == team.slug).map(|(_, s)| s.clone());
            let when = match next {
                // Shifts are counted from when the page is read, which the build cannot know:
                // the app adds them when it takes over.
                _ if crate::clock::AT_BUILD => ().into_any(),
                Some(s) if s.start.to_utc() <= now => view! { "on call now, until " <Instant at=s.end /> }.into_any(),
                Some(s) => view! { "next from " <Instant at=s.start /> }.into_any(),
                None => view! { {format!("no shift in the next {AHEAD_WEEKS} weeks")} }.into_any(),
            };
            view! {
                <li data-team=team.slug.clone()>
                    <A href=links::href(team.path("/"))>{team.name().to_string()}</A>
                    {(!crate::clock::AT_BUILD).then_some(": ")} {when}
                </li>
            }
        })
        .collect_view();
    let clashes = clashes_of(&teams, &slug, now, until);
    let timeline = shifts
        .iter()
        .map(|(team, s)| {
            view! {
                <tr data-team=team.slug.clone()>
                    <td>{team.name().to_string()}</td>
                    <td><Instant at=s.start /></td>
                    <td><Instant at=s.end /></td>
                    <td>{if s.is_cover() { "cover" } else { "week" }}</td>
                </tr>
            }
        })
        .collect_view();
    let fairness = fairness(&teams, &slug, now.year());
    view! {
            <Title text=person.name.clone() />
            <h1>{person.name.clone()}</h1>
            <ContactLinks slug=slug.clone() />
            <section aria-labelledby="teams-title">
                <h2 id="teams-title">"Teams"</h2>
                <ul class="link-list" data-testid="person-teams">{next_in_team}</ul>
            </section>
            {(!clashes.is_empty() && !crate::clock::AT_BUILD).then(|| view! {
                <section class="clashes" aria-labelledby="clashes-title">
                    <h2 id="clashes-title">"On call for two teams at once"</h2>
                    <ul data-testid="person-clashes">{clashes}</ul>
                </section>
            })}
            {(!crate::clock::AT_BUILD).then(|| view! {
                <section aria-labelledby="timeline-title">
                    <h2 id="timeline-title">{format!("Shifts in the next {AHEAD_WEEKS} weeks")}</h2>
                    <table class="timeline" data-testid="person-timeline">
                        <caption class="visually-hidden">"Every shift ahead, in every team"</caption>
                        <thead><tr><th scope="col">"Team"</th><th scope="col">"From"</th><th scope="col">"Until"</th><th scope="col">"Kind"</th></tr></thead>
                        <tbody>{timeline}</tbody>
                    </table>
                </section>
            })}
            <section aria-labelledby="fairness-title">
                <h2 id="fairness-title">{format!("Fairness in {}", now.year())}</h2>
                {fairness}
            </section>
            <CalendarSubscribe feed=links::person_feed(&slug) title=format!("{}'s on-call calendar, every team", person.name) />
        }
        .into_any()
}

/// Every stretch `slug` is on call in `teams` between `from` and `to`, in time order.
fn shifts(
    teams: &[&'static SiteTeam],
    slug: &str,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Vec<(&'static SiteTeam, Stretch)> {
    let mut out: Vec<(&'static SiteTeam, Stretch)> = Vec::new();
    for &team in teams {
        let rotation = team.schedule.rotation();
        let first = rotation.index_at(from).unwrap_or(0);
        let Some(last) = rotation.index_at(to) else { continue };
        // Each team's stretches come in time order: merged in, not sorted (a sort is
        // kilobytes of wasm). A team's stretch starting with another's goes after it.
        let mut at = 0;
        for week in team.schedule.weeks(first, last.saturating_sub(first) + 1) {
            for s in week.stretches.into_iter().filter(|s| s.engineer == slug && s.end.to_utc() > from) {
                while out.get(at).is_some_and(|(_, earlier)| earlier.start <= s.start) {
                    at += 1;
                }
                out.insert(at, (team, s));
                at += 1;
            }
        }
    }
    out
}

/// The clashes of `slug` between `from` and `to`, in words. Each clash is between two of the
/// person's teams, so each is found once from the data of the first of them.
fn clashes_of(
    teams: &[&'static SiteTeam],
    slug: &str,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Vec<impl IntoView + use<>> {
    let mut clashes = Vec::new();
    for team in teams {
        for clash in clashes_with_other_teams(team, &team.schedule, from, to) {
            if clash.person == slug && clash.teams[0].team == team.slug {
                rota::org::insert_in_order(&mut clashes, clash);
            }
        }
    }
    clashes
        .into_iter()
        .map(|c| {
            let side = |s: &rota::org::ClashSide| {
                let name = teams.iter().find(|t| t.slug == s.team).map_or(s.team.as_str(), |t| t.name());
                format!("{name} ({})", s.week)
            };
            let zone = teams[0].inputs().team.time_zone;
            let text = format!("{} and {}: ", side(&c.teams[0]), side(&c.teams[1]));
            view! {
                <li>{text} <Instant at=c.from.with_timezone(&zone) /> " to " <Instant at=c.to.with_timezone(&zone) /></li>
            }
        })
        .collect()
}

/// Weeks and hours on call in `year`, per team and in total.
fn fairness(teams: &[&'static SiteTeam], slug: &str, year: i32) -> impl IntoView + use<> {
    let rows: Vec<(String, u32, u32)> = teams
        .iter()
        .map(|team| {
            let ledger = FairnessLedger::for_year(&team.schedule, year);
            let row = ledger.row(slug, Period::Year(year));
            (team.name().to_string(), row.map_or(0, |r| r.weeks_on_call), row.map_or(0, |r| r.minutes_on_call))
        })
        .collect();
    let total = rows.iter().fold((0, 0), |(weeks, minutes), r| (weeks + r.1, minutes + r.2));
    let body = rows
        .into_iter()
        .map(|(team, weeks, minutes)| view! { <tr><th scope="row">{team}</th><td>{weeks}</td><td>{rota::hours::text(minutes)}</td></tr> })
        .collect_view();
    view! {
        <table class="fairness-per-team" data-testid="person-fairness">
            <caption class="visually-hidden">{format!("{}'s weeks and hours on call per team", name_of(slug))}</caption>
            <thead><tr><th scope="col">"Team"</th><th scope="col">"Weeks on call"</th><th scope="col">"Hours on call"</th></tr></thead>
            <tbody>{body}</tbody>
            <tfoot><tr><th scope="row">"Total"</th><td>{total.0}</td><td>{rota::hours::text(total.1)}</td></tr></tfoot>
        </table>
    }
}
