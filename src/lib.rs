//! The rota site: a Leptos single-page app over the `rota` scheduling domain.
//!
//! Data flows one way: `data/` → build-time validation → embedded tables ([`data`]) → `rota`
//! computations → the views in [`pages`]. Domain types hold no signals; pages wrap them.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

mod clock;
mod components;
pub mod data;
mod keyboard;
mod layer_words;
mod links;
mod org_data;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
mod preview;
mod prose;
mod runbook_text;
pub mod schedule_query;
pub mod search;
mod suggest;
mod time_format;

use components::rebuild_banner::RebuildBanner;
use components::route_focus::RouteFocus;
use components::search_box::SearchBox;
use components::site_nav::SiteNav;
use pages::fairness::FairnessPage;
use pages::not_found::NotFound;
use pages::now::NowPage;
use pages::org_now::OrgNowPage;
use pages::org_person::OrgPersonPage;
use pages::person::{PeoplePage, PersonPage};
use pages::pipeline::PipelinePage;
use pages::pipelines::PipelinesPage;
use pages::runbook::{RunbookPage, RunbooksPage};
use pages::schedule::SchedulePage;
use pages::team_scope::in_team;

/// Mounts the app in place of the static shell that `index.html` paints first (with the page's
/// content, when it was rendered at build time). A page first fetches the data it shows (see
/// [`org_data::preload`] and [`prose::preload`]), while the shell stays on screen.
pub fn mount() {
    console_error_panic_hook::set_once();
    let path = window().location().pathname().unwrap_or_default();
    let base = links::base_path();
    let path = path.strip_prefix(base.as_str()).unwrap_or(&path).to_string();
    wasm_bindgen_futures::spawn_local(async move {
        // Compiled out of a single team's site, which has all its data but the text: an
        // `if` on `data::org()` left the organisation's loaders in its wasm (10 kB brotli).
        #[cfg(rota_org)]
        org_data::preload(&path).await;
        // A pipeline's or runbook's page comes with its text rendered at build time: the app
        // mounts with the text too, rather than replace it with "Loading…" for a moment.
        prose::preload(&path).await;
        mount_now();
    });
}

fn mount_now() {
    let shell = document().get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match shell {
        Some(shell) => {
            shell.set_inner_html("");
            leptos::mount::mount_to(shell, App).forget();
        }
        // A page without the shell (e.g. a custom index.html) still gets the app.
        None => leptos::mount::mount_to_body(App),
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    clock::provide_clock();
    view! {
        <Title formatter=|page: String| format!("{page} · rota") />
        <Router base=links::base_path()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <SiteNav />
                <SearchBox />
            </header>
            <RebuildBanner />
            <RouteFocus />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| if data::org().is_some() { OrgNowPage().into_any() } else { NowPage().into_any() } />
                    <Route path=path!("/schedule") view=in_team(SchedulePage, true) />
                    <Route path=path!("/pipelines") view=in_team(PipelinesPage, true) />
                    <Route path=path!("/pipelines/:slug") view=PipelinePage />
                    <Route path=path!("/runbooks") view=in_team(RunbooksPage, true) />
                    <Route path=path!("/runbooks/:slug") view=RunbookPage />
                    <Route path=path!("/people") view=PeoplePage />
                    <Route path=path!("/people/:slug") view=|| if data::org().is_some() { OrgPersonPage().into_any() } else { PersonPage().into_any() } />
                    <Route path=path!("/fairness") view=in_team(FairnessPage, true) />
                    <Route path=path!("/teams/:team") view=in_team(NowPage, false) />
                    <Route path=path!("/teams/:team/schedule") view=in_team(SchedulePage, true) />
                    <Route path=path!("/teams/:team/pipelines") view=in_team(PipelinesPage, true) />
                    <Route path=path!("/teams/:team/runbooks") view=in_team(RunbooksPage, true) />
                    <Route path=path!("/teams/:team/people") view=in_team(PeoplePage, true) />
                    <Route path=path!("/teams/:team/fairness") view=in_team(FairnessPage, true) />
                </Routes>
            </main>
        </Router>
    }
}
