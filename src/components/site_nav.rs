//! The site's menu. While a what-if preview is on, every destination keeps it (until "Show the
//! real schedule" leaves it), so moving between pages never swaps the preview's numbers for the
//! real ones without a word. In an organisation, on a team's pages, the menu is that team's.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::data::{org, team_by_slug, teams, track_teams_loaded, TeamIndex};
use crate::links;
use crate::preview::use_what_if;

/// The brand link and the menu, as in the static shell of `index.html`.
#[component]
pub fn SiteNav() -> impl IntoView {
    let pathname = use_location().pathname;
    // The menu is drawn again only when the page moves to another team's.
    let team = Memo::new(move |_| {
        let path = pathname.get();
        let path = path.strip_prefix(links::base_path().as_str()).unwrap_or(&path).to_string();
        let slug = path.strip_prefix("/teams/")?.split('/').next()?.to_string();
        team_by_slug(&slug).filter(|_| !slug.is_empty()).map(|t| t.index)
    });
    // A what-if preview is read against a team's data: the single team's, or the page's team
    // once its data is here (an organisation's other pages have none).
    let has_data = Memo::new(move |_| {
        track_teams_loaded();
        org().is_none() || team.get().is_some_and(|i| teams()[i].loaded().is_some())
    });
    move || {
        let index = team.get();
        if let Some(index) = index {
            provide_context(TeamIndex(index));
        }
        let what_if = has_data.get().then(use_what_if);
        // A link the app cannot read carries nothing: the page says what is wrong with it.
        let to = move |page: &'static str| {
            let path = index.map_or(page.to_string(), |i| teams()[i].path(page));
            move || {
                let with_preview =
                    what_if.and_then(|w| w.with(|w| w.as_ref().ok().map(|w| links::with_what_if(&path, w))));
                links::href(with_preview.unwrap_or_else(|| path.clone()))
            }
        };
        // The brand leads to the site's front page: an organisation's every team, else the Now
        // view with the preview kept.
        let front = to("/");
        let brand = move || if index.is_some() { links::href("/") } else { front() };
        view! {
            <A href=brand attr:class="brand">"rota"</A>
            <nav class="site-nav" aria-label="Main">
                <A href=to("/")>"Now"</A>
                <A href=to("/schedule")>"Schedule"</A>
                <A href=to("/pipelines")>"Pipelines"</A>
                <A href=to("/runbooks")>"Runbooks"</A>
                <A href=to("/people")>"People"</A>
                <A href=to("/fairness")>"Fairness"</A>
            </nav>
        }
    }
}
