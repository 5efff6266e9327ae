//! The words about a team's layers, written once for every page that shows them: plain
//! text, so a team with layers costs the site little code.

use chrono::{DateTime, Utc};
use rota::layer::team_layers;
use rota::layer_stretches::LayersNow;
use rota::stretch_list::ListedStretch;
use rota::{Layer, LayerRole, ScheduleInputs};

use crate::time_format::team_time;

/// Whether the team (`&ScheduleInputs`) runs more than its own rotation (or gives it hours).
/// Always false when no team of the site does (`cfg(rota_layers)`, see build.rs). A macro, so
/// the `false` is written at each caller: the compiler then leaves out the layered branch and
/// everything only it uses, instead of compiling it to never run.
macro_rules! has_layers {
    ($inputs:expr) => {
        cfg!(rota_layers) && $inputs.team.layers != rota::Layers::default()
    };
}
pub(crate) use has_layers;

/// Who is on call at `at` and until when, then who comes next: whoever is paged first for a
/// team with layers ([`rota::layer_stretches::on_call_at`]), the schedule's answer otherwise.
pub fn on_call_at(schedule: &rota::Schedule, at: DateTime<Utc>) -> Option<(rota::Stretch, rota::Stretch)> {
    if has_layers!(schedule.inputs()) {
        rota::layer_stretches::on_call_at(schedule, at)
    } else {
        schedule.stretch_at(at)
    }
}

/// The name of the layer paged first now, and of the one paged next, where several primary
/// layers take turns (follow-the-sun); `None` otherwise.
pub fn paged_layers(layers: &[Layer], now: &LayersNow) -> Option<(String, String)> {
    let regions = layers.iter().filter(|l| l.role == LayerRole::Primary).count() > 1;
    let name = |paged: Option<&(usize, ListedStretch)>| paged.map_or(String::new(), |(i, _)| layers[*i].name.clone());
    regions.then(|| (name(now.paged_first.first()), name(now.next_first.as_ref())))
}

/// The instant at every primary region's clock, e.g. "Tue 8 Dec 2026, 08:00 GMT in
/// Europe/London · …", when the primary layers are in more than one zone.
pub fn region_times(layers: &[Layer], at: DateTime<Utc>) -> String {
    let mut zones: Vec<_> = layers.iter().filter(|l| l.role == LayerRole::Primary).map(|l| l.pattern.zone).collect();
    zones.dedup();
    if zones.len() < 2 {
        return String::new();
    }
    let times: Vec<String> =
        zones.iter().map(|z| format!("{} in {}", team_time(at.with_timezone(z)), z.name())).collect();
    times.join(" · ")
}

/// One line per layer: "EMEA (primary): Ola until Tue 8 Dec 2026, 16:00 GMT · next Tom from
/// …", or "…: not covering now · next …".
pub fn layer_lines(inputs: &ScheduleInputs, now: &LayersNow) -> Vec<String> {
    let layers = team_layers(inputs);
    let name = |s: &ListedStretch| inputs.name_of(&s.engineer).to_string();
    layers
        .iter()
        .zip(&now.layers)
        .map(|(layer, (holding, next))| {
            let holding = match holding {
                Some(s) => format!("{} until {}", name(s), team_time(s.end)),
                None => "not covering now".to_string(),
            };
            let next =
                next.as_ref().map_or(String::new(), |s| format!(" · next {} from {}", name(s), team_time(s.start)));
            format!("{} ({}): {holding}{next}", layer.name, layer.role.name())
        })
        .collect()
}

/// For a schedule row: a line per layer beside the team's own, with whoever holds it between
/// `from` and `to` ("EMEA (primary): Ola, Tom").
pub fn week_lines(inputs: &ScheduleInputs, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    team_layers(inputs)[1..]
        .iter()
        .map(|layer| {
            let people: Vec<&str> = layer.people_between(from, to).into_iter().map(|p| inputs.name_of(p)).collect();
            let who = if people.is_empty() { "nobody".to_string() } else { people.join(", ") };
            format!("{} ({}): {who}", layer.name, layer.role.name())
        })
        .collect()
}
