//! `/` of an organisation: who is on call now in every team, how to reach them and until when,
//! following the clock through every team's handoffs and covers; a filter by team, person or
//! pipeline narrows the list as you type.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::clock::use_clock;
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use crate::data::{org, teams, SiteTeam, TeamIndex};
use crate::links;

#[component]
pub fn OrgNowPage() -> impl IntoView {
    let (filter, set_filter) = signal(String::new());
    let name = org().map(|o| o.name.clone()).unwrap_or_default();
    let rows = teams()
        .iter()
        .enumerate()
        .map(|(i, team)| view! { <TeamRow index=i team=team filter=filter /> })
        .collect_view();
    let shown = move || {
        let words = words(&filter.get());
        teams().iter().filter(|t| matches(&haystack(t), &words)).count()
    };
    view! {
        <Title text="On call now" />
        <section class="org-now" aria-labelledby="now-title">
            <h1 id="now-title">"On call now"</h1>
            <p class="team-name">{name}</p>
            <div class="field org-filter">
                <label for="org-filter">"Filter by team, person or pipeline"</label>
                <input id="org-filter" type="search" autocomplete="off" data-testid="org-filter"
                    prop:value=filter on:input=move |ev| set_filter.set(event_target_value(&ev)) />
            </div>
            <p class="muted" role="status" data-testid="org-shown">
                {move || format!("{} of {} teams", shown(), teams().len())}
            </p>
            <ul class="org-teams" data-testid="org-teams">{rows}</ul>
        </section>
    }
}

/// One team's line: its name, who is on call now with their contacts, until when, who is next.
#[component]
fn TeamRow(index: usize, team: &'static SiteTeam, filter: ReadSignal<String>) -> impl IntoView {
    provide_context(TeamIndex(index));
    let now = use_clock();
    // Changes only at this team's handoffs and covers.
    let stretch = Memo::new(move |_| team.schedule.stretch_at(now.get()));
    let haystack = haystack(team);
    let hidden = move || !matches(&haystack, &words(&filter.get()));
    let on_call = move || match stretch.get() {
        Some((now, next)) => view! {
            <p class="on-call-name"><PersonLink slug=now.engineer.clone() attr:data-testid="team-on-call" /></p>
            <ContactLinks slug=now.engineer.clone() />
            <p class="week-span">"until " <Instant at=now.end /></p>
            <p class="next">"Next: " <PersonLink slug=next.engineer.clone() /> " from " <Instant at=next.start /></p>
        }
        .into_any(),
        None => view! { <p class="on-call-name" data-testid="team-on-call">"Nobody yet"</p> }.into_any(),
    };
    view! {
        <li class="org-team" data-team=team.slug.clone() hidden=hidden>
            <h2><A href=links::href(team.path("/"))>{team.name().to_string()}</A></h2>
            {on_call}
        </li>
    }
}

fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// What a team is found by: its name and slug, its people, its pipelines.
fn haystack(team: &SiteTeam) -> String {
    let mut text = format!("{}\n{}", team.name(), team.slug);
    for e in &team.inputs().engineers {
        text.push_str(&format!("\n{}\n{}", e.name, e.slug));
    }
    for p in &team.data.pipelines {
        text.push_str(&format!("\n{}\n{}", p.name, p.slug));
    }
    text.to_lowercase()
}

fn matches(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}
