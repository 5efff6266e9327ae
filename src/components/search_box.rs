use leptos::prelude::*;

use crate::links;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::data::{org, teams, use_team, SEARCH_TEXT_FILE};
use crate::keyboard::field_target;
use crate::prose;
use crate::search::{build_index, build_org_index, search, IndexedTeam, SearchEntry};

const MAX_RESULTS: usize = 8;

/// The prose of pipelines and runbooks is searched once its file has been fetched, which
/// starts when the box is first used; titles, slugs and names are searched from the start.
#[derive(Debug, Clone, PartialEq)]
enum FullText {
    NotAsked,
    Loading,
    Loaded,
    Failed(String),
}

/// The index of every team, with the prose once it has been fetched (and an organisation's
/// directory).
fn site_index(texts: Option<&[rota::text_files::PipelineText]>) -> Vec<SearchEntry> {
    if org().is_some() {
        let teams: Vec<(&str, String)> = teams().iter().map(|t| (t.name.as_str(), t.path("/"))).collect();
        return build_org_index(&teams, crate::org_data::directory(), texts.unwrap_or_default());
    }
    let data = &use_team().data;
    let with_text = texts.map(|texts| data.with_text(texts));
    build_index(&[IndexedTeam { data: with_text.as_ref().unwrap_or(data), team: None }])
}

/// One search box over pipelines, failure points and people. `/` focuses it from anywhere,
/// Enter opens the first result, ↓ and ↑ walk the results, Escape clears.
#[component]
pub fn SearchBox() -> impl IntoView {
    let index = RwSignal::new(site_index(None));
    let full_text = RwSignal::new(FullText::NotAsked);
    let load_full_text = move || {
        // Once fetched or on its way; after a failure (offline), the next use tries again.
        if matches!(full_text.get_untracked(), FullText::Loading | FullText::Loaded) {
            return;
        }
        full_text.set(FullText::Loading);
        leptos::task::spawn_local(async move {
            // An organisation's pipelines and people are in its directory.
            let directory = crate::org_data::directory_ready().await;
            match directory.and(prose::load(SEARCH_TEXT_FILE).await) {
                Ok(texts) => {
                    index.set(site_index(Some(&texts)));
                    full_text.set(FullText::Loaded);
                }
                Err(reason) => full_text.set(FullText::Failed(reason)),
            }
        });
    };
    let (query, set_query) = signal(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();

    let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && field_target(&ev).is_none() && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            ev.prevent_default();
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());

    let results =
        move || index.with(|index| search(index, &query.get(), MAX_RESULTS).into_iter().cloned().collect::<Vec<_>>());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            if let Some(first) = results().into_iter().next() {
                ev.prevent_default();
                set_query.set(String::new());
                navigate(&first.href, Default::default());
            }
        }
        "Escape" => set_query.set(String::new()),
        "ArrowDown" => {
            ev.prevent_default();
            focus_result(0);
        }
        _ => {}
    };
    // ↓ and ↑ walk the results (↑ from the first goes back to the box); Escape closes them.
    let on_results_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let links = result_links();
        let at = links.iter().position(|a| document().active_element().as_ref() == Some(a));
        let focus_input = || {
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        };
        match (ev.key().as_str(), at) {
            ("ArrowDown", Some(i)) => {
                ev.prevent_default();
                focus_result(i + 1);
            }
            ("ArrowUp", Some(0)) => {
                ev.prevent_default();
                focus_input();
            }
            ("ArrowUp", Some(i)) => {
                ev.prevent_default();
                focus_result(i - 1);
            }
            ("Escape", _) => {
                set_query.set(String::new());
                focus_input();
            }
            _ => {}
        }
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
                on:focus=move |_| load_full_text()
                on:input=move |ev| {
                    load_full_text();
                    set_query.set(event_target_value(&ev));
                }
                on:keydown=on_keydown
            />
            <Show when=has_query>
                <div id="search-results" class="search-results" role="region" aria-live="polite" aria-label="Search results" on:keydown=on_results_keydown>
                    {move || {
                        let results = results();
                        // An organisation's site has only its teams' names until its directory is here.
                        let (fetching, searched) = match org() {
                            Some(_) => ("the organisation's pipelines, people and runbooks", "team names"),
                            None => ("the runbooks' text", "titles and names"),
                        };
                        let note = match full_text.get() {
                            FullText::Loading => Some(format!("Still fetching {fetching}: only {searched} were searched so far.")),
                            FullText::Failed(reason) => Some(format!("Only {searched} were searched; {fetching} could not be loaded: {reason}.")),
                            FullText::NotAsked | FullText::Loaded => None,
                        };
                        let note = note.map(|note| view! { <p class="search-note">{note}</p> });
                        if results.is_empty() {
                            view! { <p class="no-results">"Nothing matches “"{query.get()}"”."</p> {note} }.into_any()
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
                                {note}
                            }.into_any()
                        }
                    }}
                </div>
            </Show>
        </div>
    }
}

/// The result links shown, in order.
fn result_links() -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all("#search-results a") else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .collect()
}

/// Focuses result `i` (the last one when past the end).
fn focus_result(i: usize) {
    let links = result_links();
    if let Some(link) = links.get(i).or(links.last()) {
        if let Some(link) = leptos::wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(link) {
            let _ = link.focus();
        }
    }
}
