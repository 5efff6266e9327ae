//! The site's menu. While a what-if preview is on, every destination keeps it (until "Show the
//! real schedule" leaves it), so moving between pages never swaps the preview's numbers for the
//! real ones without a word.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::links;
use crate::preview::use_what_if;

/// The brand link and the menu, as in the static shell of `index.html`.
#[component]
pub fn SiteNav() -> impl IntoView {
    let what_if = use_what_if();
    // A link the app cannot read carries nothing: the page says what is wrong with it.
    let to = move |path: &'static str| {
        move || links::href(what_if.with(|w| w.as_ref().map_or(path.to_string(), |w| links::with_what_if(path, w))))
    };
    view! {
        <A href=to("/") attr:class="brand">"rota"</A>
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
