//! A part of a page that needs fetched data (an organisation's team, its directory): shown at
//! once when the visit already has the data, else after a line saying what is on its way; if
//! it cannot be had (offline, mid-deploy), why, with a button to try again. Never a blank page.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

/// A fetch of `T`, or why it failed.
pub type Fetch<T> = Pin<Box<dyn Future<Output = Result<T, String>>>>;

/// `render(value)` once `load` has it; `ready` answers without fetching when it can, and does
/// once `load` has succeeded (every load keeps what it fetched). `what` names the data in the
/// loading and error lines ("Platform's data").
pub fn awaited<T, V>(
    what: String,
    ready: impl Fn() -> Option<T> + Send + Sync + 'static,
    load: impl Fn() -> Fetch<T> + 'static,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: 'static,
    V: IntoView + 'static,
{
    // Each page calls this with its own types; the waiting is the same for all, so it is
    // compiled once (`wait_for`) and only these two small closures are each page's.
    let view_if_ready = move || ready().map(|value| render(value).into_any());
    let fetch = move || -> Fetch<()> {
        let fetch = load();
        Box::pin(async move { fetch.await.map(drop) })
    };
    wait_for(what, Arc::new(view_if_ready), Box::new(fetch))
}

fn wait_for(
    what: String,
    view_if_ready: Arc<dyn Fn() -> Option<AnyView> + Send + Sync>,
    load: Box<dyn Fn() -> Fetch<()>>,
) -> AnyView {
    if let Some(view) = view_if_ready() {
        return view;
    }
    let state = RwSignal::new(None::<Result<(), String>>);
    let attempt = RwSignal::new(0_u32);
    Effect::new(move |_| {
        attempt.track();
        state.set(None);
        let fetch = load();
        leptos::task::spawn_local(async move {
            let result = fetch.await;
            // Not after the page has gone.
            state.try_set(Some(result));
        });
    });
    (move || match state.get() {
        None => loading(&what),
        Some(Err(reason)) => could_not_load(&what, &reason, attempt),
        Some(Ok(())) => view_if_ready().unwrap_or_else(|| loading(&what)),
    })
    .into_any()
}

/// The line while `what` ("the runbook", "Platform's data") is on its way.
pub fn loading(what: &str) -> AnyView {
    view! { <p class="loading" aria-busy="true">{format!("Loading {what}…")}</p> }.into_any()
}

/// Why `what` could not be had, with a button that bumps `attempt` to try again.
pub fn could_not_load(what: &str, reason: &str, attempt: RwSignal<u32>) -> AnyView {
    // The sentence starts with `what`; ASCII is enough for the words the app passes ("the …",
    // "this …"), and Unicode's case tables would cost the wasm kilobytes.
    let mut what = what.to_string();
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    view! {
        <p class="notice" role="alert">
            {format!("{what} could not be loaded: {reason}. ")}
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
        </p>
    }
    .into_any()
}
