//! The rota site: a Leptos single-page app over the `rota` scheduling domain.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub mod data;
mod pages;

use pages::{not_found::NotFound, pipelines::Pipelines};

/// Mounts the app in place of the static shell that `index.html` paints first.
pub fn mount() {
    console_error_panic_hook::set_once();
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
    let team = &data::team_data().team.name;
    view! {
        <Title formatter=|page: String| format!("{page} · rota") />
        <Router>
            <header class="site-header">
                <a class="brand" href="/">"rota"</a>
                <span class="team-name">{format!("{team} on call")}</span>
            </header>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Pipelines />
                </Routes>
            </main>
        </Router>
    }
}
