use leptos::prelude::*;

use crate::links;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    view! { <Problem title="Page not found" reason=format!("There is no page at {path}.") /> }
}

/// A link the app cannot read (unknown slug, malformed week or parameter): what was wrong,
/// and where to go instead. Never a blank page.
#[component]
pub fn Problem(#[prop(into)] title: String, #[prop(into)] reason: String) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <section class="problem" aria-labelledby="problem-title">
            <h1 id="problem-title">{title}</h1>
            <p class="reason">{reason}</p>
            <p>"Try one of these instead:"</p>
            <ul class="useful-links">
                <li><A href=links::href("/")>"Who is on call now"</A></li>
                <li><A href=links::href("/schedule")>"The schedule"</A></li>
                <li><A href=links::href("/pipelines")>"Pipelines and owners"</A></li>
                <li><A href=links::href("/runbooks")>"Runbooks"</A></li>
            </ul>
        </section>
    }
}

/// For a link whose parameters cannot be used.
pub fn bad_link(reason: impl Into<String>) -> impl IntoView {
    view! { <Problem title="Can't read this link" reason=reason.into() /> }
}

/// For a slug that names nothing, listing what exists, each a link.
pub fn unknown(what: &str, slug: &str, known: Vec<String>, link: fn(&str) -> String) -> impl IntoView {
    let title = format!("No such {what}");
    let reason = format!("There is no {what} called “{slug}”.");
    let known =
        known.into_iter().map(|k| view! { <li><A href=links::href(link(&k))>{k.clone()}</A></li> }).collect_view();
    view! {
        <Problem title=title reason=reason />
        <section aria-labelledby="known-title">
            <h2 id="known-title">"Did you mean one of these?"</h2>
            <ul class="link-list known" data-testid="known">{known}</ul>
        </section>
    }
}
