use leptos::prelude::*;
use leptos::web_sys::HtmlInputElement;

use crate::links;

/// Copies the full URL of a site path, and says so for screen readers too. When the browser
/// will not copy, the link is shown selected in a read-only field for the person to copy.
/// The button reads "Copy link"; its accessible name is "Copy link to <to>", so it says
/// which link and still starts with what is visible (as voice control expects).
#[component]
pub fn CopyLink(path: String, #[prop(into)] to: String) -> impl IntoView {
    let label = format!("Copy link to {to}");
    let (status, set_status) = signal(String::new());
    let (show_field, set_show_field) = signal(false);
    let field = NodeRef::<leptos::html::Input>::new();
    let url = links::absolute(&path);

    let select = |input: HtmlInputElement| {
        let _ = input.focus();
        input.select();
    };
    // The field is selected as soon as it is rendered, and again on each later failed copy.
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            select(input);
        }
    });
    let offer_field = move || {
        set_status.set("Copy this link:".to_string());
        set_show_field.set(true);
        if let Some(input) = field.get_untracked() {
            select(input);
        }
    };
    let copy = {
        let url = url.clone();
        move |_| {
            let clipboard = window().navigator().clipboard();
            // Plain-HTTP pages (intranets) have no `navigator.clipboard` at all.
            if clipboard.is_undefined() {
                return offer_field();
            }
            let promise = clipboard.write_text(&url);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => {
                        set_show_field.set(false);
                        set_status.set("Link copied".to_string());
                    }
                    // Refused: no permission, or the page was not focused.
                    Err(_) => offer_field(),
                }
            });
        }
    };
    view! {
        <span class="copy-link">
            <button type="button" class="link-button" on:click=copy aria-label=label>
                "Copy link"
            </button>
            <span class="copy-status" role="status" aria-live="polite">
                // Nothing, not an empty text: a page rendered at build time writes that as a space.
                {move || Some(status.get()).filter(|s| !s.is_empty())}
            </span>
            <Show when=move || show_field.get()>
                <input node_ref=field class="copy-field" type="text" readonly aria-label="Link to copy" value=url.clone() />
            </Show>
        </span>
    }
}
