use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::data::use_team;
use crate::links;
use crate::preview::Preview;

/// Whether the form adds leave (whole days) or a cover (times).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Leave,
    Cover,
}

/// "What if…": builds a preview link from a form (engineer, from, to; leave or cover) instead
/// of hand-editing `leave=` in a URL. It adds to the preview already shown, so a manager can
/// try several absences together. Labelled fields and an announced error, so it works by
/// keyboard and with a screen reader.
///
/// `path` is the site path the preview applies to, without preview parameters
/// (e.g. `/schedule?week=2026-W48&weeks=12`).
#[component]
pub fn WhatIfForm(preview: Preview, path: Memo<String>, #[prop(optional, into)] engineer: String) -> impl IntoView {
    let navigate = use_navigate();
    let team = use_team();
    let (kind, set_kind) = signal(Kind::Leave);
    let (error, set_error) = signal(String::new());
    let who = NodeRef::<leptos::html::Select>::new();
    let from = NodeRef::<leptos::html::Input>::new();
    let to = NodeRef::<leptos::html::Input>::new();
    let (current, horizon) = (preview.what_if.clone(), preview.horizon);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |input: NodeRef<leptos::html::Input>| input.get().map(|i| i.value()).unwrap_or_default();
        let who = who.get().map(|s| s.value()).unwrap_or_default();
        let (from, to) = (value(from), value(to));
        if from.is_empty() || to.is_empty() {
            set_error.set("Choose both the start and the end.".into());
            return;
        }
        let item = format!("{who}:{from}..{to}");
        let param = if kind.get_untracked() == Kind::Leave { "leave" } else { "cover" };
        match current.adding(param, &item, team.inputs(), horizon) {
            Ok(what_if) => {
                set_error.set(String::new());
                navigate(&links::with_what_if(&path.get_untracked(), &what_if), Default::default());
            }
            Err(e) => set_error.set(e.reason),
        }
    };
    let options = team
        .inputs()
        .engineers
        .iter()
        .map(|e| view! { <option value=e.slug.clone() selected=e.slug == engineer>{e.name.clone()}</option> })
        .collect_view();
    let input_type = move || if kind.get() == Kind::Leave { "date" } else { "datetime-local" };
    view! {
        <form id="what-if" class="what-if-form" on:submit=on_submit aria-labelledby="what-if-title">
            <h2 id="what-if-title">"What if…"</h2>
            <fieldset class="kind">
                <legend class="visually-hidden">"Preview"</legend>
                <label><input type="radio" name="what-if-kind" checked=true on:change=move |_| set_kind.set(Kind::Leave) />" someone is away (leave)"</label>
                <label><input type="radio" name="what-if-kind" on:change=move |_| set_kind.set(Kind::Cover) />" someone covers (on call instead)"</label>
            </fieldset>
            <div class="fields">
                <div class="field">
                    <label for="what-if-who">"Engineer"</label>
                    <select id="what-if-who" node_ref=who>{options}</select>
                </div>
                <div class="field">
                    <label for="what-if-from">"From"</label>
                    <input id="what-if-from" node_ref=from type=input_type required=true />
                </div>
                <div class="field">
                    <label for="what-if-to">"To"</label>
                    <input id="what-if-to" node_ref=to type=input_type required=true />
                </div>
                <button type="submit" class="button primary">"Preview"</button>
            </div>
            <p class="form-error" role="alert" data-testid="what-if-error">{error}</p>
        </form>
    }
}
