use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use rota::layer::team_layers;
use rota::layer_stretches::layers_now;
use rota::{Audience, Stretch};

use crate::clock::{now_instant, use_clock};
use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use crate::components::preview_banner::PreviewBanner;
use crate::data::{use_team, SiteTeam};
use crate::layer_words::{has_layers, layer_lines, on_call_at, paged_layers, region_times};
use crate::links;
use crate::pages::not_found::bad_link;
use crate::preview::{use_preview, Preview};

/// Who is on call right now, until when, why, who is next, and the investor runbooks.
#[component]
pub fn NowPage() -> impl IntoView {
    let preview = use_preview();
    let now = use_clock();
    let team = use_team();
    // Re-renders only when the stretch on call changes (a handoff, a cover starting or ending;
    // for a team with layers, whoever is paged first).
    let stretch = Memo::new(move |_| preview.get().ok().and_then(|p| on_call_at(p.schedule(), now.get())));
    // A team with layers: a line per layer, changing only at the layers' handoffs.
    // (Plain `if`s: without `cfg(rota_layers)` the compiler leaves the layered code out.)
    let lines = if has_layers!(team.inputs()) {
        Some(Memo::new(move |_| match preview.get() {
            Ok(p) => layer_lines(p.inputs(), &layers_now(p.schedule(), &team_layers(p.inputs()), now.get())).join("\n"),
            Err(_) => String::new(),
        }))
    } else {
        None
    };
    move || match preview.get() {
        Err(e) => bad_link(e.to_string()).into_any(),
        Ok(p) => now_view(team, p, stretch.get(), lines).into_any(),
    }
}

fn now_view(
    team: &'static SiteTeam,
    p: Preview,
    stretch: Option<(Stretch, Stretch)>,
    lines: Option<Memo<String>>,
) -> impl IntoView {
    let schedule = p.schedule();
    let inputs = p.inputs();
    // A team with layers: which region is paged now and next, and the next handoff at every
    // region's clock.
    let lines = if cfg!(rota_layers) { lines } else { None };
    let layers = lines.map(|_| team_layers(inputs));
    let at = layers.as_ref().map(|l| layers_now(schedule, l, now_instant()));
    let (region, next_region) = match (&layers, &at) {
        (Some(l), Some(at)) => paged_layers(l, at).map_or((None, None), |(a, b)| (Some(a), Some(b))),
        _ => (None, None),
    };
    let own_layer_paged = at.as_ref().is_none_or(|at| at.paged_first.first().is_some_and(|(i, _)| *i == 0));
    let current = stretch.map(|(now, next)| {
        let instant = now.start.to_utc();
        let week = schedule.at(instant);
        let notes = week.as_ref().filter(|_| own_layer_paged).map(|w| w.explain(inputs)).unwrap_or_default();
        let times = layers.as_ref().map(|l| region_times(l, next.start.to_utc())).filter(|t| !t.is_empty());
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
            {region.map(|name| view! { <p class="layer-name" data-testid="on-call-layer">{name}</p> })}
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
                {next_region.map(|name| format!(" ({name})"))}
                " from " <Instant at=next.start />
            </p>
            {times.map(|text| view! { <p class="region-times" data-testid="next-region-times">{text}</p> })}
            {upcoming.map(|text| view! { <p class="roster-ahead" data-testid="roster-ahead">{text}</p> })}
        }
    });
    // A team with layers may have nobody primary at this moment: a gap in their hours.
    let started = schedule.rotation().index_at(now_instant()).is_some();
    let gap = (current.is_none() && started && lines.is_some()).then(|| {
        view! {
            <p class="on-call-name" data-testid="on-call-now">"Nobody"</p>
            <p class="gap-note">"No primary layer covers this moment."</p>
        }
    });
    let every_layer = lines.map(|lines| {
        view! {
            <section class="layers-now" aria-labelledby="layers-title">
                <h2 id="layers-title">"Every layer"</h2>
                <ul class="layer-list" data-testid="layers-now">
                    {move || lines.get().lines().map(|line| view! { <li>{line.to_string()}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let before_start = (current.is_none() && gap.is_none()).then(|| {
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
            {current}
            {gap}
            {before_start}
            {every_layer}
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
