use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// On a page that a what-if preview cannot change (ownership, runbooks), says so when the
/// link carries one, rather than leaving the reader to wonder why nothing differs.
#[component]
pub fn PreviewIgnored() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.read();
        ["leave", "keep", "cover"].iter().any(|name| query.get(name).is_some()).then(|| {
            view! {
                <p class="notice" role="note" data-testid="preview-ignored">
                    "This page is the same in every what-if preview: the preview in this link changes only the Now, schedule, people and fairness pages."
                </p>
            }
        })
    }
}
