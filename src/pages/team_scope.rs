//! The pages of one team: at the site's root for a single team (`/schedule`), under
//! `/teams/<team>/` in an organisation (`/teams/platform/schedule`). The route's `:team`
//! chooses the team the page and everything in it show ([`TeamIndex`]); in an organisation, a
//! team page asked for without a team lists the teams to choose from.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::components::awaited::awaited;
use crate::data::{org, team_by_slug, teams, use_team, SiteTeam, TeamIndex};
use crate::links;
use crate::org_data::{load_team, load_team_of_pipeline, team_of_pipeline_now};
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
                // A single team's site has no `/teams/<slug>/` pages (its code has no fetching).
                Some(listed) if org().is_some() && !slug.is_empty() => {
                    provide_context(TeamIndex(listed.index));
                    awaited(
                        format!("{}'s data", listed.name),
                        move || listed.loaded(),
                        move || Box::pin(load_team(listed)),
                        move |team| match org().filter(|_| named) {
                            // `org()` is known to be `None` when a single team's site is
                            // compiled, so its code has only the second arm.
                            Some(_) => view! {
                                <p class="page-team" data-testid="page-team">
                                    <A href=links::href(team.path("/"))>{team.name().to_string()}</A>
                                </p>
                                {page()}
                            }
                            .into_any(),
                            None => page().into_any(),
                        },
                    )
                }
                _ => {
                    let known: Vec<_> = teams().iter().map(|t| (t.slug.clone(), t.name.clone())).collect();
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
            view! { <li><A href=href>{t.name.clone()}</A></li> }
        })
        .collect_view();
    view! {
        <Title text="Choose a team" />
        <h1>"Which team?"</h1>
        <p>"Each team has its own schedule and fairness. Choose one:"</p>
        <ul class="link-list" data-testid="choose-team">{items}</ul>
    }
}

/// The view `render` gives of the team that has pipeline (or runbook) `slug`, made the page's
/// team, or of `None` when no team has it. An organisation's directory says which team that
/// is, and the team's data is fetched if need be.
pub fn with_team_of_pipeline(
    slug: String,
    render: impl Fn(Option<&'static SiteTeam>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    if org().is_none() {
        return render(Some(use_team()));
    }
    let (ready, load) = (slug.clone(), slug);
    awaited(
        "the pipeline's team".to_string(),
        move || team_of_pipeline_now(&ready),
        move || {
            let slug = load.clone();
            Box::pin(async move { load_team_of_pipeline(&slug).await })
        },
        move |team| {
            if let Some(team) = team {
                provide_context(TeamIndex(team.index));
            }
            render(team)
        },
    )
}

/// Every pipeline of the site as `(slug, name)`, for suggesting one close to a mistyped slug
/// (`runbooks`: only those with a runbook, where the site knows).
pub fn known_pipelines(runbooks: bool) -> Vec<(String, String)> {
    match crate::org_data::directory().filter(|_| org().is_some()) {
        Some(directory) => directory.pipelines.iter().map(|p| (p.slug.clone(), p.name.clone())).collect(),
        None => {
            let data = &use_team().data;
            data.pipelines
                .iter()
                .filter(|p| !runbooks || data.runbook(&p.slug).is_some())
                .map(|p| (p.slug.clone(), p.name.clone()))
                .collect()
        }
    }
}
