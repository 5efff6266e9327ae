//! `/` of an organisation: who is on call now in every team, how to reach them and until when,
//! following the clock through every team's handoffs and covers; a filter by team, person or
//! pipeline narrows the list as you type. It reads the organisation's on-call table and
//! directory (see `org_data`), not every team's data: the page's size does not grow with what
//! the teams hold.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::clock::use_clock;
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use rota::org_files::{Directory, OnCallTable};

use crate::components::awaited::awaited;
use crate::data::{org, teams, ListedTeam, TeamIndex};
use crate::links;
use crate::org_data::{load_directory, load_on_call};

#[component]
pub fn OrgNowPage() -> impl IntoView {
    let ready = || Some((crate::org_data::on_call()?, crate::org_data::directory()?));
    let load = || -> crate::components::awaited::Fetch<(&'static OnCallTable, &'static Directory)> {
        Box::pin(async { Ok((load_on_call().await?, load_directory().await?)) })
    };
    let name = org().map(|o| o.name.clone()).unwrap_or_default();
    let teams_on_call =
        awaited("every team's on-call".to_string(), ready, load, |(table, directory)| every_team(table, directory));
    view! {
        <Title text="On call now" />
        <section class="org-now" aria-labelledby="now-title">
            <h1 id="now-title">"On call now"</h1>
            <p class="team-name">{name}</p>
            {teams_on_call}
        </section>
    }
}

/// The filter and a line per team.
fn every_team(table: &'static OnCallTable, directory: &'static Directory) -> impl IntoView {
    let (filter, set_filter) = signal(String::new());
    let haystacks: Vec<String> = teams().iter().map(|t| haystack(t, directory)).collect();
    let shown = {
        let haystacks = haystacks.clone();
        move || {
            let words = words(&filter.get());
            haystacks.iter().filter(|h| matches(h, &words)).count()
        }
    };
    let now = use_clock();
    let past_table = Memo::new(move |_| now.get() >= table.to);
    let rows = teams()
        .iter()
        .zip(haystacks)
        .map(|(team, haystack)| view! { <TeamRow team=team table=table haystack=haystack filter=filter /> })
        .collect_view();
    view! {
        <div class="field org-filter">
            <label for="org-filter">"Filter by team, person or pipeline"</label>
            <input id="org-filter" type="search" autocomplete="off" data-testid="org-filter"
                prop:value=filter on:input=move |ev| set_filter.set(event_target_value(&ev)) />
        </div>
        <p class="muted" role="status" data-testid="org-shown">
            {move || format!("{} of {} teams", shown(), teams().len())}
        </p>
        // The table ends two years after the build; each team's own page computes any week.
        {move || past_table.get().then(|| view! {
            <p class="notice" role="alert">
                "This page's table of every team ended " <Instant at=table.to.with_timezone(&chrono_tz::UTC) /> ": ask for a rebuild. Each team's page still shows who is on call."
            </p>
        })}
        <ul class="org-teams" data-testid="org-teams">{rows}</ul>
    }
}

/// One team's line: its name, who is on call now with their contacts, until when, who is next.
#[component]
fn TeamRow(
    team: &'static ListedTeam,
    table: &'static OnCallTable,
    haystack: String,
    filter: ReadSignal<String>,
) -> impl IntoView {
    provide_context(TeamIndex(team.index));
    let now = use_clock();
    // Changes only at this team's handoffs and covers.
    let stretch = Memo::new(move |_| {
        table.at(team.index, now.get()).map(|(now, next)| {
            let zone = team.zone;
            (now.engineer.clone(), now.end.with_timezone(&zone), next.engineer.clone(), next.start.with_timezone(&zone))
        })
    });
    let hidden = move || !matches(&haystack, &words(&filter.get()));
    let on_call = move || match stretch.get() {
        Some((engineer, until, next, from)) => view! {
            <p class="on-call-name"><PersonLink slug=engineer.clone() attr:data-testid="team-on-call" /></p>
            <ContactLinks slug=engineer />
            <p class="week-span">"until " <Instant at=until /></p>
            <p class="next">"Next: " <PersonLink slug=next /> " from " <Instant at=from /></p>
        }
        .into_any(),
        None => view! { <p class="on-call-name" data-testid="team-on-call">"Nobody yet"</p> }.into_any(),
    };
    view! {
        <li class="org-team" data-team=team.slug.clone() hidden=hidden>
            <h2><A href=links::href(team.path("/"))>{team.name.clone()}</A></h2>
            {on_call}
        </li>
    }
}

fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// What a team is found by: its name and slug, its people, its pipelines.
fn haystack(team: &ListedTeam, directory: &Directory) -> String {
    let mut text = format!("{}\n{}", team.name, team.slug);
    for p in directory.people.iter().filter(|p| p.teams.contains(&team.index)) {
        text.push_str(&format!("\n{}\n{}", p.person.name, p.person.slug));
    }
    for p in directory.pipelines.iter().filter(|p| p.team == team.index) {
        text.push_str(&format!("\n{}\n{}", p.name, p.slug));
    }
    text.to_lowercase()
}

fn matches(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}
