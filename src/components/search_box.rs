use leptos::prelude::*;

use crate::links;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::data::team_data;
use crate::search::{build_index, search};

const MAX_RESULTS: usize = 8;

/// One search box over pipelines, failure points and people. `/` focuses it from anywhere,
/// Enter opens the first result, Escape clears.
#[component]
pub fn SearchBox() -> impl IntoView {
    let index = StoredValue::new(build_index(team_data()));
    let (query, set_query) = signal(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();

    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            ev.prevent_default();
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());

    let results = move || {
        index.with_value(|index| search(index, &query.get(), MAX_RESULTS).into_iter().cloned().collect::<Vec<_>>())
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            if let Some(first) = results().into_iter().next() {
                ev.prevent_default();
                set_query.set(String::new());
                navigate(&first.href, Default::default());
            }
        }
        "Escape" => set_query.set(String::new()),
        _ => {}
    };
    let has_query = move || !query.get().trim().is_empty();
    view! {
        <div role="search" class="search">
            <label for="search-input" class="visually-hidden">"Search pipelines, failure points and people"</label>
            <input
                id="search-input"
                node_ref=input
                type="search"
                placeholder="Search  ( / )"
                autocomplete="off"
                // Only while the results exist: naming a missing element is invalid ARIA.
                aria-controls=move || has_query().then_some("search-results")
                prop:value=query
                on:input=move |ev| set_query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <Show when=has_query>
                <div id="search-results" class="search-results" role="region" aria-live="polite" aria-label="Search results">
                    {move || {
                        let results = results();
                        if results.is_empty() {
                            view! { <p class="no-results">"Nothing matches “"{query.get()}"”."</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {results.into_iter().map(|r| view! {
                                        <li>
                                            <A href=links::href(r.href.clone()) on:click=move |_| set_query.set(String::new())>
                                                <span class="result-title">{r.title.clone()}</span>
                                                <span class="result-kind">{r.kind.clone()}</span>
                                            </A>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                </div>
            </Show>
        </div>
    }
}
