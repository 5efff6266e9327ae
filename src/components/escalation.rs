//! Whom to call about a pipeline, in order: whoever is on call now (and, for a team with a
//! secondary layer, its secondary on call now), then its primary owner, then its secondary
//! owner, each with how to reach them.

use leptos::prelude::*;

use crate::clock::{use_layers_now, use_on_call_now};
use crate::components::contact_links::ContactLinks;
use crate::components::person_link::PersonLink;
use crate::data::use_team;

/// The escalation line of the pipeline `pipeline` (a slug), following the clock: the first
/// step changes hands at each handoff and cover.
#[component]
pub fn Escalation(#[prop(into)] pipeline: String) -> impl IntoView {
    let on_call_now = use_on_call_now();
    let layers_now = use_layers_now();
    let team = use_team();
    move || {
        let p = team.data.pipeline(&pipeline)?;
        let layers = layers_now.get();
        let layered = layers.is_some();
        // With layers, whoever covers this moment is paged first (a follow-the-sun region).
        let on_call = match &layers {
            Some(now) => now.paged_first.first().map(|(_, s)| s.engineer.clone()),
            None => on_call_now.get().map(|(now, _)| now.engineer),
        };
        let secondary = layers.map(|now| secondary_steps(team, now)).filter(|_| !crate::clock::AT_BUILD);
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

/// "Secondary on call now" for each secondary layer that has someone now, named by its layer
/// when there are several.
fn secondary_steps(team: &crate::data::SiteTeam, now: rota::layer_stretches::LayersNow) -> impl IntoView {
    let layers = rota::layer::team_layers(team.inputs());
    let secondary: Vec<usize> = (0..layers.len()).filter(|&i| layers[i].role == rota::LayerRole::Secondary).collect();
    let several = secondary.len() > 1;
    secondary
        .into_iter()
        .filter_map(|i| {
            let slug = now.layers[i].0.as_ref()?.engineer.clone();
            let (link, contacts) = (slug.clone(), slug.clone());
            let role = if several {
                format!("Secondary on call now ({})", layers[i].name)
            } else {
                "Secondary on call now".into()
            };
            Some(view! {
                <li data-step="secondary-on-call" data-engineer=slug>
                    <span class="step-role">{role}</span> " " <PersonLink slug=link />
                    <ContactLinks slug=contacts />
                </li>
            })
        })
        .collect_view()
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
