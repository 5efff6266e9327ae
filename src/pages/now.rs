use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use rota::Audience;

use crate::clock::use_current_week;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use crate::components::preview_banner::PreviewBanner;
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::{use_preview, Preview};

/// Who is on call right now, until when, why, who is next, and the investor runbooks.
#[component]
pub fn NowPage() -> impl IntoView {
    let preview = use_preview();
    let index = use_current_week();
    move || match preview.get() {
        Err(e) => bad_link(e.to_string()).into_any(),
        Ok(p) => now_view(p, index.get()).into_any(),
    }
}

fn now_view(p: Preview, index: Option<u32>) -> impl IntoView {
    let schedule = p.schedule();
    let data = p.data;
    let name = move |slug: &str| data.name_of(slug).to_string();
    let current = index.map(|i| {
        let week = schedule.week(i);
        let next = schedule.week(i + 1);
        let notes = week.explain(data);
        // In a preview, say who is really on call when the preview changes it.
        let really = p
            .is_preview()
            .then(|| crate::data::team_schedule().week(i).on_call)
            .filter(|real| *real != week.on_call)
            .map(|real| format!("Changed by the preview (really {})", data.name_of(&real)));
        view! {
            {really.map(|text| view! { <p class="badge changed-badge">{text}</p> })}
            <p class="on-call-name">
                <PersonLink slug=week.on_call.clone() what_if=p.what_if.clone() attr:data-testid="on-call-now" />
            </p>
            <p class="week-span">
                <A href=links::href(links::schedule(week.week.id, 12, &p.what_if))>{week.week.id.to_string()}</A>
                " · since " <Instant at=week.week.start /> <br />
                " until " <Instant at=week.week.end />
            </p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="explain">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
            <p class="next">
                "Next: "
                <PersonLink slug=next.on_call.clone() what_if=p.what_if.clone() attr:data-testid="on-call-next" />
                " from " <Instant at=next.week.start />
            </p>
        }
    });
    let before_start = index.is_none().then(|| {
        let first = schedule.rotation().week(0);
        view! {
            <p class="on-call-name" data-testid="on-call-now">"Nobody yet"</p>
            <p>"The rotation starts " <Instant at=first.start /> " with " {name(&first_on_call(&p))} "."</p>
        }
    });
    let runbooks = data
        .runbooks
        .iter()
        .filter(|r| data.pipeline(&r.pipeline).is_some_and(|p| p.audience == Audience::Investor))
        .map(|r| {
            let title = data.pipeline(&r.pipeline).map_or(r.pipeline.clone(), |p| p.name.clone());
            view! { <li><A href=links::href(links::runbook(&r.pipeline))>{title}</A></li> }
        })
        .collect_view();
    view! {
        <Title text="On call now" />
        <PreviewBanner what_if=p.what_if.clone() />
        <section class="now" aria-labelledby="now-title">
            <h1 id="now-title">"On call now"</h1>
            <p class="team-name">{data.team.name.clone()}</p>
            {current}
            {before_start}
        </section>
        <section class="quick-runbooks" aria-labelledby="runbooks-title">
            <h2 id="runbooks-title">"Investor pipeline runbooks"</h2>
            <ul class="link-list">{runbooks}</ul>
        </section>
    }
}

fn first_on_call(p: &Preview) -> String {
    p.schedule().week(0).on_call
}
