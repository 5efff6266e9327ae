use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::clock::use_on_call_now;
use crate::components::person_link::PersonLink;
use crate::components::preview_ignored::PreviewIgnored;
use crate::data::team_data;
use crate::links;
use crate::pages::not_found::unknown;
use crate::pages::pipelines::audience_label;

/// One pipeline: owners, who to call now, and its runbook's failure points.
#[component]
pub fn PipelinePage() -> impl IntoView {
    let params = use_params_map();
    let on_call_now = use_on_call_now();
    move || {
        let data = team_data();
        // Slugs are lowercase ASCII, so a hand-typed "/people/Charlie" still finds Charlie.
        let slug = params.read().get("slug").unwrap_or_default().to_ascii_lowercase();
        let Some(p) = data.pipeline(&slug) else {
            return unknown(
                "pipeline",
                &slug,
                data.pipelines.iter().map(|p| p.slug.clone()).collect(),
                links::pipeline,
            )
            .into_any();
        };
        let on_call = on_call_now.get().map(|(now, _)| now.engineer);
        let call_now = on_call.map(|slug| {
            view! {
                <p class="call-now">
                    "Call now: " <PersonLink slug=slug />
                    " (on call now), then the owners below."
                </p>
            }
        });
        let runbook = data.runbook(&p.slug).map(|r| {
            let items = r
                .failure_points
                .iter()
                .map(|f| view! { <li><A href=links::href(links::failure_point(&r.pipeline, &f.slug))>{f.title.clone()}</A></li> })
                .collect_view();
            view! {
                <section aria-labelledby="runbook-title">
                    <h2 id="runbook-title"><A href=links::href(links::runbook(&r.pipeline))>"Runbook"</A></h2>
                    <p>{r.summary.clone()}</p>
                    <ul class="link-list">{items}</ul>
                </section>
            }
        });
        view! {
            <Title text=p.name.clone() />
            <h1>{p.name.clone()} " " <span class="tag">{audience_label(p.audience)}</span></h1>
            <PreviewIgnored />
            <p>{p.description.clone()}</p>
            {call_now}
            <dl class="owners">
                <dt>"Business area"</dt><dd>{p.area.clone()}</dd>
                <dt>"Primary owner"</dt><dd><PersonLink slug=p.primary.clone() /></dd>
                <dt>"Secondary owner"</dt><dd><PersonLink slug=p.secondary.clone() /></dd>
            </dl>
            {runbook}
        }
        .into_any()
    }
}
