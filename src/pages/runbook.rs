use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};

use crate::components::copy_link::CopyLink;
use crate::components::escalation::Escalation;
use crate::components::preview_ignored::PreviewIgnored;
use crate::components::runbook_text::RunbookText;
use crate::data::{use_team, SiteTeam};
use crate::links;
use crate::pages::not_found::unknown;
use crate::pages::team_scope::{known_pipelines, with_team_of_pipeline};
use crate::prose::Prose;

/// `/runbooks`: every runbook of the page's team (an organisation's `/runbooks` asks which
/// team's first).
#[component]
pub fn RunbooksPage() -> impl IntoView {
    let data = &use_team().data;
    let items = data
        .runbooks
        .iter()
        .map(|r| {
            let title = data.pipeline(&r.pipeline).map_or(r.pipeline.clone(), |p| p.name.clone());
            view! {
                <li>
                    <A href=links::href(links::runbook(&r.pipeline))>{title}</A>
                    <span class="muted">{format!(" · {} failure points", r.failure_points.len())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text="Runbooks" />
        <h1>"Runbooks"</h1>
        <PreviewIgnored />
        <ul class="link-list">{items}</ul>
    }
}

/// `/runbooks/<slug>#<failure>`: a runbook, opened at the failure point the link names.
#[component]
pub fn RunbookPage() -> impl IntoView {
    let params = use_params_map();
    let hash = use_location().hash;
    // A page rendered at build time has no fragment (the browser scrolls to it by itself).
    let target =
        Memo::new(
            move |_| {
                if crate::clock::AT_BUILD {
                    String::new()
                } else {
                    hash.get().trim_start_matches('#').to_string()
                }
            },
        );
    // Slugs are lowercase ASCII, so a hand-typed "/people/Charlie" still finds Charlie.
    let slug = move || params.read().get("slug").unwrap_or_default().to_ascii_lowercase();
    let prose = Prose::new(slug);

    // Bring the linked failure point into view and give it focus, also on a cold start,
    // where the browser looked for the fragment before the app had rendered it, and again
    // once the text has arrived and moved it.
    Effect::new(move |_| {
        let id = target.get();
        params.track();
        prose.settled();
        if id.is_empty() {
            return;
        }
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                el.scroll_into_view();
                if let Ok(el) = leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    });

    move || {
        let slug = slug();
        with_team_of_pipeline(slug.clone(), move |team| runbook_view(team, slug.clone(), prose, target))
    }
}

fn runbook_view(team: Option<&'static SiteTeam>, slug: String, prose: Prose, target: Memo<String>) -> AnyView {
    let Some((data, runbook)) = team.and_then(|t| Some((&t.data, t.data.runbook(&slug)?))) else {
        return unknown("runbook", &slug, &known_pipelines(true), links::runbook, ("/runbooks", "Every runbook"))
            .into_any();
    };
    let pipeline = data.pipeline(&slug);
    let title = pipeline.map_or(slug.clone(), |p| p.name.clone());
    // Read in its own closure: a new fragment changes this notice and two cards' highlight,
    // not the whole runbook.
    let slugs: Vec<String> = runbook.failure_points.iter().map(|f| f.slug.clone()).collect();
    let unknown_target = move || {
        let id = target.get();
        (!id.is_empty() && !slugs.contains(&id))
                .then(|| view! { <p class="notice" role="alert">{format!("This runbook has no failure point “{id}”; showing the whole runbook.")}</p> })
    };
    let contents = runbook
        .failure_points
        .iter()
        .map(|f| view! { <li><A href=links::href(links::failure_point(&slug, &f.slug))>{f.title.clone()}</A></li> })
        .collect_view();
    let points = runbook
            .failure_points
            .iter()
            .map(|f| {
                let id = f.slug.clone();
                let id_of_text = f.slug.clone();
                let is_target = move || target.get() == id;
                let path = links::failure_point(&slug, &f.slug);
                let symptoms = (!f.symptoms.is_empty()).then(|| {
                    view! {
                        <p class="symptoms" data-testid="symptoms">
                            <span class="symptoms-label">"Symptoms: "</span>
                            {f.symptoms.join(", ")}
                        </p>
                    }
                });
                view! {
                    <article id=f.slug.clone() class="failure-point" class:targeted=is_target tabindex="-1" aria-labelledby=format!("{}-title", f.slug)>
                        <p class="card-pipeline">{title.clone()}</p>
                        <h2 id=format!("{}-title", f.slug)>
                            <A href=links::href(path.clone()) attr:class="anchor">{f.title.clone()}</A>
                        </h2>
                        {symptoms}
                        {prose.view_when_loaded(move |t| failure_point_text(t, &id_of_text))}
                        <CopyLink path=path to=f.title.clone() />
                    </article>
                }
            })
            .collect_view();
    view! {
        <Title text=format!("{title} runbook") />
        <h1>{format!("{title} runbook")}</h1>
        <PreviewIgnored />
        {prose.view("runbook", |t| t.runbook.as_ref().map(|r| view! { <p>{r.summary.clone()}</p> }))}
        <Escalation pipeline=slug.clone() />
        {unknown_target}
        <nav aria-label="Failure points" class="contents">
            <h2 class="visually-hidden">"Failure points"</h2>
            <ol>{contents}</ol>
        </nav>
        {points}
    }
    .into_any()
}

/// A failure point's description, signals and first checks, from the runbook's fetched text.
fn failure_point_text(text: &rota::text_files::PipelineText, slug: &str) -> impl IntoView {
    let f = text.runbook.as_ref()?.failure_points.iter().find(|f| f.slug == slug)?.clone();
    Some(view! {
        <RunbookText text=f.description.clone() />
        {(!f.signals.is_empty()).then(|| view! {
            <h3>"Signals"</h3>
            <ul class="signals">{f.signals.iter().map(|s| view! { <li><RunbookText text=s.clone() /></li> }).collect_view()}</ul>
        })}
        {(!f.first_checks.is_empty()).then(|| view! {
            <h3>"First checks"</h3>
            <ol class="first-checks">{f.first_checks.iter().map(|s| view! { <li><RunbookText text=s.clone() /></li> }).collect_view()}</ol>
        })}
    })
}
