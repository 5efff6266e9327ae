//! The pages of one team: at the site's root for a single team (`/schedule`), under
//! `/teams/<team>/` in an organisation (`/teams/platform/schedule`). The route's `:team`
//! chooses the team the page and everything in it show ([`TeamIndex`]); in an organisation, a
//! team page asked for without a team lists the teams to choose from.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::data::{org, team_by_slug, teams, TeamIndex};
use crate::links;
use crate::pages::not_found::unknown;

/// The route view for a team's `page`. In an organisation, a page other than the team's Now
/// view (which names its team under its heading, as painted before the wasm) starts with the
/// team's name, linking to that Now view, so every page says whose it is.
pub fn in_team<V: IntoView + 'static>(
    page: fn() -> V,
    named: bool,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        let params = use_params_map();
        // Re-rendered only when the team changes, not when the page's query does.
        let team = Memo::new(move |_| params.read().get("team"));
        (move || match team.get() {
            None if org().is_some() => view! { <ChooseTeam /> }.into_any(),
            None => page().into_any(),
            Some(slug) => match team_by_slug(&slug) {
                Some((index, team)) if !slug.is_empty() => {
                    provide_context(TeamIndex(index));
                    // `org()` is known to be `None` when a single team's site is compiled, so
                    // its code has only the second arm.
                    match org().filter(|_| named) {
                        Some(_) => view! {
                            <p class="page-team" data-testid="page-team">
                                <A href=links::href(team.path("/"))>{team.name().to_string()}</A>
                            </p>
                            {page()}
                        }
                        .into_any(),
                        None => page().into_any(),
                    }
                }
                _ => {
                    let known: Vec<_> = teams().iter().map(|t| (t.slug.clone(), t.name().to_string())).collect();
                    unknown("team", &slug, &known, |slug| format!("/teams/{slug}/"), ("/", "Every team")).into_any()
                }
            },
        })
        .into_any()
    }
}

/// `/schedule` (or `/fairness`, …) of an organisation: which team's?
#[component]
fn ChooseTeam() -> impl IntoView {
    // The page asked for, e.g. `/schedule` → `/teams/<team>/schedule`, query kept.
    let page = use_location().pathname.get_untracked();
    let page = page.strip_prefix(links::base_path().as_str()).unwrap_or(&page).to_string();
    let query = use_query_map().get_untracked().to_query_string();
    let items = teams()
        .iter()
        .map(|t| {
            let href = links::href(t.path(&page) + &query);
            view! { <li><A href=href>{t.name().to_string()}</A></li> }
        })
        .collect_view();
    view! {
        <Title text="Choose a team" />
        <h1>"Which team?"</h1>
        <p>"Each team has its own schedule and fairness. Choose one:"</p>
        <ul class="link-list" data-testid="choose-team">{items}</ul>
    }
}
