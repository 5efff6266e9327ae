use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use rota::layer::team_layers;
use rota::layer_stretches::{layers_now, LayersNow};
use rota::{Audience, Layers, Stretch};

use crate::clock::use_clock;
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use crate::components::preview_banner::PreviewBanner;
use crate::data::{use_team, SiteTeam};
use crate::links;
use crate::pages::not_found::bad_link;
use crate::pages::now_layers::layers_now_view;
use crate::preview::{use_preview, Preview};

/// Who is on call right now, until when, why, who is next, and the investor runbooks.
#[component]
pub fn NowPage() -> impl IntoView {
    let preview = use_preview();
    let now = use_clock();
    let team = use_team();
    // Re-renders only when the stretch on call changes (a handoff, a cover starting or ending).
    let stretch = Memo::new(move |_| preview.get().ok().and_then(|p| p.schedule().stretch_at(now.get())));
    // A team with layers: every layer's stretch now and next, changing only at their ends.
    let layered = team.inputs().team.layers != Layers::default();
    let layers_now = Memo::new(move |_| {
        let p = preview.get().ok().filter(|_| layered)?;
        Some(layers_now(p.schedule(), &team_layers(p.inputs()), now.get()))
    });
    move || match preview.get() {
        Err(e) => bad_link(e.to_string()).into_any(),
        Ok(p) => now_view(team, p, stretch.get(), layers_now.get()).into_any(),
    }
}

fn now_view(
    team: &'static SiteTeam,
    p: Preview,
    stretch: Option<(Stretch, Stretch)>,
    layers: Option<LayersNow>,
) -> impl IntoView {
    let schedule = p.schedule();
    let inputs = p.inputs();
    let layered = layers.map(|now| layers_now_view(&p, now));
    let current = stretch.filter(|_| layered.is_none()).map(|(now, next)| {
        let instant = now.start.to_utc();
        let week = schedule.at(instant);
        let notes = week.as_ref().map(|w| w.explain(inputs)).unwrap_or_default();
        // In a preview, say who is really on call when the preview changes it.
        let really = p
            .is_preview()
            .then(|| team.schedule.stretch_at(instant).map(|(real, _)| real.engineer))
            .flatten()
            .filter(|real| *real != now.engineer)
            .map(|real| format!("Changed by the preview (really {})", inputs.name_of(&real)));
        let covering = now.describe_cover(inputs);
        let week_id = week.map(|w| w.week.id);
        let upcoming = upcoming_roster_change(&p, now.start.to_utc());
        view! {
            {really.map(|text| view! { <p class="badge changed-badge">{text}</p> })}
            <p class="on-call-name">
                <PersonLink slug=now.engineer.clone() what_if=p.what_if.clone() attr:data-testid="on-call-now" />
            </p>
            <ContactLinks slug=now.engineer.clone() />
            {covering.map(|text| view! { <p class="covering" data-testid="covering">{text}</p> })}
            <p class="week-span">
                {week_id.map(|id| view! { <A href=links::href(links::schedule(team, id, 12, &p.what_if))>{id.to_string()}</A> " · " })}
                "since " <Instant at=now.start /> <br />
                " until " <span data-testid="on-call-until"><Instant at=now.end /></span>
            </p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="explain">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
            <p class="next">
                "Next: "
                <PersonLink slug=next.engineer.clone() what_if=p.what_if.clone() attr:data-testid="on-call-next" />
                " from " <Instant at=next.start />
            </p>
            {upcoming.map(|text| view! { <p class="roster-ahead" data-testid="roster-ahead">{text}</p> })}
        }
    });
    let before_start = (current.is_none() && layered.is_none()).then(|| {
        let first = schedule.week(0);
        view! {
            <p class="on-call-name" data-testid="on-call-now">"Nobody yet"</p>
            <p>"The rotation starts " <Instant at=first.week.start /> " with " {inputs.name_of(&first.on_call).to_string()} "."</p>
        }
    });
    let data = &team.data;
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
        <PreviewBanner preview=p.clone() />
        <section class="now" aria-labelledby="now-title">
            <h1 id="now-title">"On call now"</h1>
            <p class="team-name">{inputs.team.name.clone()}</p>
            {layered}
            {current}
            {before_start}
        </section>
        <section class="quick-runbooks" aria-labelledby="runbooks-title">
            <h2 id="runbooks-title">"Investor pipeline runbooks"</h2>
            <ul class="link-list">{runbooks}</ul>
        </section>
    }
}

/// The next roster change, in words ("Eve joins the rotation from 2027-W10"), so nobody is
/// surprised by a new name in the rotation.
fn upcoming_roster_change(p: &Preview, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let rotation = p.schedule().rotation();
    let (from, _) = rotation.next_change_after(rotation.index_at(now)?)?;
    let note = p.schedule().week(from).roster_change?;
    Some(format!("Ahead: {}.", note.sentences(p.inputs()).join(". ")))
}
