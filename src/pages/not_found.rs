use leptos::prelude::*;

use crate::components::not_yet_in_data::NotYetInData;
use crate::data::everyone;
use crate::links;
use crate::suggest::close_to;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Shown for any path the app does not know, and for a calendar feed the build did not write
/// (`/calendar/eve.ics`: the host answers with the app's 404 page), which says whose feed it
/// would be, the people with close names, and how someone is added. (The feed is handled here
/// rather than by a route of its own: each route makes the router's code larger.)
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let within_site = path.strip_prefix(links::base_path().as_str()).unwrap_or(&path).to_string();
    let feed = within_site.strip_prefix("/calendar/").and_then(|f| f.strip_suffix(".ics")).filter(|f| !f.contains('/'));
    match feed {
        Some(name) => view! {
            {unknown("calendar feed", &name.to_ascii_lowercase(), &everyone(), links::person, ("/people", "Everyone on the team"))}
            <NotYetInData />
        }
        .into_any(),
        None => view! { <Problem title="Page not found" reason=format!("There is no page at {path}.") /> }.into_any(),
    }
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

/// For a slug that names nothing: the known ones close to it (`known` as `(slug, name)`), each
/// a link under the name the data gives it, or, when none is close, the page listing them all
/// (`all`: its path and what it lists, e.g. `("/people", "Everyone on the team")`).
pub fn unknown(
    what: &str,
    slug: &str,
    known: &[(String, String)],
    link: fn(&str) -> String,
    all: (&str, &str),
) -> impl IntoView {
    let title = format!("No such {what}");
    let reason = format!("There is no {what} called “{slug}”.");
    let close = close_to(slug, known);
    let suggestions = if close.is_empty() {
        let (path, text) = (links::href(all.0), all.1.to_string());
        view! { <p><A href=path>{text}</A></p> }.into_any()
    } else {
        let items = close
            .into_iter()
            .map(|(slug, name)| {
                let (href, name) = (links::href(link(slug)), name.clone());
                view! { <li><A href=href>{name}</A></li> }
            })
            .collect_view();
        view! {
            <section aria-labelledby="known-title">
                <h2 id="known-title">"Did you mean one of these?"</h2>
                <ul class="link-list known" data-testid="known">{items}</ul>
            </section>
        }
        .into_any()
    };
    view! {
        <Problem title=title reason=reason />
        {suggestions}
    }
}
