//! The Now view of a team that runs several layers: who is paged first now (in whichever
//! region covers this moment), until when, who takes over next — at that region's clock,
//! every other region's and the viewer's — and every layer's person now.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rota::layer::team_layers;
use rota::layer_stretches::LayersNow;
use rota::stretch_list::ListedStretch;
use rota::{Layer, LayerRole};

use crate::components::contact_links::ContactLinks;
use crate::components::instant::Instant;
use crate::components::person_link::PersonLink;
use crate::layer_words::role_word;
use crate::preview::Preview;
use crate::time_format::team_time;

/// Who is paged first now and next, then every layer.
pub fn layers_now_view(p: &Preview, now: LayersNow) -> impl IntoView {
    let layers = team_layers(p.inputs());
    let what_if = p.what_if.clone();
    // The layer is named where several primary layers take turns (follow-the-sun).
    let regions = layers.iter().filter(|l| l.role == LayerRole::Primary).count() > 1;
    let label = |i: usize| regions.then(|| layers[i].name.clone());
    let first = now.paged_first.first().cloned();
    let paged = match first {
        Some((i, s)) => {
            let also = now.paged_first.iter().skip(1).map(|(j, other)| {
                let name = layers[*j].name.clone();
                view! { <p class="also-paged">"Also primary now (hours overlap): " <PersonLink slug=other.engineer.clone() what_if=what_if.clone() /> " · " {name}</p> }
            }).collect_view();
            view! {
                <p class="on-call-name">
                    <PersonLink slug=s.engineer.clone() what_if=what_if.clone() attr:data-testid="on-call-now" />
                </p>
                {label(i).map(|name| view! { <p class="layer-name" data-testid="on-call-layer">{name}</p> })}
                <ContactLinks slug=s.engineer.clone() />
                <p class="week-span">
                    "since " <Instant at=s.start /> <br />
                    " until " <span data-testid="on-call-until"><Instant at=s.end /></span>
                </p>
                {also}
            }
            .into_any()
        }
        None => view! {
            <p class="on-call-name" data-testid="on-call-now">"Nobody"</p>
            <p class="gap-note">"No primary layer covers this moment."</p>
        }
        .into_any(),
    };
    let next = now.next_first.clone().map(|(i, s)| {
        let elsewhere = region_times(&layers, s.start.to_utc());
        view! {
            <p class="next">
                "Next: " <PersonLink slug=s.engineer.clone() what_if=what_if.clone() attr:data-testid="on-call-next" />
                {label(i).map(|name| format!(" ({name})"))}
                " from " <Instant at=s.start />
            </p>
            {(!elsewhere.is_empty()).then(|| view! { <p class="region-times" data-testid="next-region-times">{elsewhere}</p> })}
        }
    });
    let rows = layers
        .iter()
        .zip(now.layers)
        .map(|(layer, (holding, after))| layer_row(layer, holding, after, &what_if))
        .collect_view();
    view! {
        {paged}
        {next}
        <section class="layers-now" aria-labelledby="layers-title">
            <h2 id="layers-title">"Every layer"</h2>
            <ul class="layer-list" data-testid="layers-now">{rows}</ul>
        </section>
    }
}

/// The instant at every other primary region's clock, e.g. "16:00 GMT in Europe/London".
fn region_times(layers: &[Layer], at: DateTime<Utc>) -> String {
    let mut zones: Vec<_> = layers.iter().filter(|l| l.role == LayerRole::Primary).map(|l| l.pattern.zone).collect();
    zones.dedup();
    if zones.len() < 2 {
        return String::new();
    }
    let times: Vec<String> =
        zones.iter().map(|z| format!("{} in {}", team_time(at.with_timezone(z)), z.name())).collect();
    times.join(" · ")
}

fn layer_row(
    layer: &Layer,
    holding: Option<ListedStretch>,
    after: Option<ListedStretch>,
    what_if: &rota::WhatIf,
) -> impl IntoView {
    let now = holding.map(|s| {
        view! { <PersonLink slug=s.engineer.clone() what_if=what_if.clone() /> " until " <Instant at=s.end /> }
    });
    let idle = now.is_none().then_some("not covering now");
    let next = after.map(|s| {
        view! { " · next " <PersonLink slug=s.engineer.clone() what_if=what_if.clone() /> " from " <Instant at=s.start /> }
    });
    view! {
        <li data-layer=layer.slug.clone()>
            <span class="layer-name">{layer.name.clone()}</span>
            " (" {role_word(layer.role)} "): "
            {now}
            {idle}
            {next}
        </li>
    }
}
