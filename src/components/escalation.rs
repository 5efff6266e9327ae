//! Whom to call about a pipeline, in order: whoever is on call now (and, for a team with a
//! secondary layer, its secondary on call now), then its primary owner, then its secondary
//! owner, each with how to reach them.

use leptos::prelude::*;

use crate::clock::{use_on_call_now, use_secondary_now};
use crate::components::contact_links::ContactLinks;
use crate::components::person_link::PersonLink;
use crate::data::use_team;

/// The escalation line of the pipeline `pipeline` (a slug), following the clock: the first
/// step changes hands at each handoff and cover.
#[component]
pub fn Escalation(#[prop(into)] pipeline: String) -> impl IntoView {
    let on_call_now = use_on_call_now();
    let secondary_now = use_secondary_now();
    let team = use_team();
    let layered = crate::layer_words::has_layers!(team.inputs());
    move || {
        let p = team.data.pipeline(&pipeline)?;
        // With layers, whoever covers this moment is paged first (a follow-the-sun region).
        let on_call = on_call_now.get().map(|(now, _)| now.engineer);
        // (A plain `if`: without `cfg(rota_layers)` the compiler drops this step.)
        let secondary = match secondary_now {
            Some(secondary_now) if cfg!(rota_layers) && !crate::clock::AT_BUILD => {
                let slugs: Vec<String> = secondary_now.get().split_whitespace().map(str::to_string).collect();
                let steps =
                    slugs.into_iter().map(|slug| step("secondary-on-call", "Secondary on call now", slug, false));
                Some(steps.collect_view())
            }
            _ => None,
        };
        let first = match on_call {
            // Who is on call when the page is read is not known at build time: every engineer's
            // step, hidden, and assets/now-first.js shows the one on call at load (the app then
            // renders the same in its place, so nothing moves).
            _ if crate::clock::AT_BUILD => team
                .inputs()
                .engineers
                .iter()
                .map(|e| step("on-call", "On call now", e.slug.clone(), true))
                .collect_view()
                .into_any(),
            Some(slug) => step("on-call", "On call now", slug, false).into_any(),
            None if layered => view! {
                <li data-step="on-call"><span class="step-role">"On call now"</span> " nobody: no primary layer covers this moment"</li>
            }
            .into_any(),
            None => view! {
                <li data-step="on-call"><span class="step-role">"On call now"</span> " nobody: the rotation has not started"</li>
            }
            .into_any(),
        };
        Some(view! {
            <section class="escalation" aria-labelledby="escalation-title">
                <h2 id="escalation-title">"Who to call, in order"</h2>
                <ol data-testid="escalation">
                    {first}
                    {secondary}
                    {step("primary", "Primary owner", p.primary.clone(), false)}
                    {step("secondary", "Secondary owner", p.secondary.clone(), false)}
                </ol>
            </section>
        })
    }
}

fn step(id: &'static str, role: &'static str, slug: String, hidden: bool) -> impl IntoView {
    let (link, contacts) = (slug.clone(), slug.clone());
    view! {
        <li data-step=id data-engineer=slug hidden=hidden>
            <span class="step-role">{role}</span> " " <PersonLink slug=link />
            <ContactLinks slug=contacts />
        </li>
    }
}
