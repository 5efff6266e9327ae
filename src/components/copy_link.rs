use leptos::prelude::*;

use crate::links;

/// Copies the full URL of a site path, and says so for screen readers too.
#[component]
pub fn CopyLink(path: String, #[prop(into)] label: String) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let url = links::absolute(&path);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url);
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => "Link copied".to_string(),
                Err(_) => format!("Copy this link: {url}"),
            };
            set_status.set(message);
        });
    };
    view! {
        <span class="copy-link">
            <button type="button" class="link-button" on:click=copy aria-label=label>
                "Copy link"
            </button>
            <span class="copy-status" role="status" aria-live="polite">{status}</span>
        </span>
    }
}
