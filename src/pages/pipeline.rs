use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::escalation::Escalation;
use crate::components::preview_ignored::PreviewIgnored;
use crate::data::SiteTeam;
use crate::links;
use crate::pages::not_found::unknown;
use crate::pages::pipelines::audience_label;
use crate::pages::team_scope::{known_pipelines, with_team_of_pipeline};
use crate::prose::Prose;

/// One pipeline: whom to call in order (on call now, then its owners), and its runbook's failure points.
#[component]
pub fn PipelinePage() -> impl IntoView {
    let params = use_params_map();
    // Slugs are lowercase ASCII, so a hand-typed "/people/Charlie" still finds Charlie.
    let slug = move || params.read().get("slug").unwrap_or_default().to_ascii_lowercase();
    let prose = Prose::new(slug);
    move || {
        let slug = slug();
        with_team_of_pipeline(slug.clone(), move |team| pipeline_view(team, &slug, prose))
    }
}

fn pipeline_view(team: Option<&'static SiteTeam>, slug: &str, prose: Prose) -> AnyView {
    let Some((data, p)) = team.and_then(|t| Some((&t.data, t.data.pipeline(slug)?))) else {
        return unknown("pipeline", slug, &known_pipelines(false), links::pipeline, ("/pipelines", "Every pipeline"))
            .into_any();
    };
    let runbook = data.runbook(&p.slug).map(|r| {
            let items = r
                .failure_points
                .iter()
                .map(|f| view! { <li><A href=links::href(links::failure_point(&r.pipeline, &f.slug))>{f.title.clone()}</A></li> })
                .collect_view();
            view! {
                <section aria-labelledby="runbook-title">
                    <h2 id="runbook-title"><A href=links::href(links::runbook(&r.pipeline))>"Runbook"</A></h2>
                    {prose.view_when_loaded(|t| t.runbook.as_ref().map(|r| view! { <p>{r.summary.clone()}</p> }))}
                    <ul class="link-list">{items}</ul>
                </section>
            }
        });
    view! {
        <Title text=p.name.clone() />
        <h1>{p.name.clone()} " " <span class="tag">{audience_label(p.audience)}</span></h1>
        <PreviewIgnored />
        {prose.view("description", |t| view! { <p>{t.description.clone()}</p> })}
        <dl class="owners">
            <dt>"Business area"</dt><dd>{p.area.clone()}</dd>
        </dl>
        <Escalation pipeline=p.slug.clone() />
        {runbook}
    }
    .into_any()
}
