use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Not found" />
        <section class="notice" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <p>"This link does not match any page of the site."</p>
            <p><a href="/">"Go to the start page"</a></p>
        </section>
    }
}
