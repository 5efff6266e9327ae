//! Every layer's stretches as one flat list, for the API and the CSV of a team with layers:
//! the team's own rotation as [`stretches`] lists it (swaps, trades, covers), cut to its
//! hours; each other weekly layer with its own holiday swaps; a layer of other shifts from its
//! rotation. Each stretch keeps the position of its layer in
//! [`team_layers`](crate::layer::team_layers).

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::layer::Layer;
use crate::stretch_list::{stretches, ListedStretch, Why};
use crate::{Schedule, WeekId};

/// Every layer's stretches from `from` to `to`, layer by layer, each in time order.
pub fn layer_stretch_list(
    schedule: &Schedule,
    layers: &[Layer],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(usize, ListedStretch)> {
    let per_layer = (0..layers.len()).map(|i| layer_stretches(schedule, layers, i, from, to));
    per_layer.enumerate().flat_map(|(i, list)| list.into_iter().map(move |s| (i, s))).collect()
}

/// The stretches of layer `index` of `layers` (the team's, see
/// [`team_layers`](crate::layer::team_layers)) from `from` to `to`, in time order, clipped to
/// that span and to the layer's hours; `schedule` is the team's.
pub fn layer_stretches(
    schedule: &Schedule,
    layers: &[Layer],
    index: usize,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<ListedStretch> {
    let Some(layer) = layers.get(index) else { return Vec::new() };
    let own;
    let resolved = match layer.schedule_inputs(schedule.inputs()) {
        _ if index == 0 => Some(schedule),
        Some(inputs) => {
            own = Schedule::new(Arc::new(inputs));
            Some(&own)
        }
        None => None,
    };
    let list = match resolved {
        Some(s) => listed_between(s, from, to),
        None => layer
            .shifts(from, to)
            .into_iter()
            .map(|s| {
                let start = s.from.with_timezone(&layer.pattern.zone);
                ListedStretch {
                    week: WeekId::of(start.date_naive()),
                    start,
                    end: s.to.with_timezone(&layer.pattern.zone),
                    engineer: s.person.to_string(),
                    why: Why::Rotation,
                    instead_of: None,
                }
            })
            .collect(),
    };
    within_hours(layer, list, from, to)
}

/// A schedule's stretches overlapping `[from, to)`, clipped to it.
fn listed_between(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<ListedStretch> {
    let rotation = schedule.rotation();
    let Some(last) = rotation.index_at(to - chrono::Duration::seconds(1)) else { return Vec::new() };
    let first = rotation.index_at(from).unwrap_or(0);
    let zone = rotation.pattern().zone;
    stretches(&schedule.weeks(first, last - first + 1))
        .into_iter()
        .filter_map(|s| {
            let (start, end) = (s.start.to_utc().max(from), s.end.to_utc().min(to));
            (start < end).then(|| ListedStretch {
                start: start.with_timezone(&zone),
                end: end.with_timezone(&zone),
                ..s
            })
        })
        .collect()
}

/// The stretches cut to the layer's hours of coverage (unchanged around the clock).
fn within_hours(layer: &Layer, list: Vec<ListedStretch>, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<ListedStretch> {
    let Some(coverage) = layer.coverage else { return list };
    let zone = layer.pattern.zone;
    let windows = coverage.windows(zone, from, to);
    let mut out = Vec::new();
    for s in list {
        for &(open, close) in &windows {
            let (start, end) = (s.start.to_utc().max(open), s.end.to_utc().min(close));
            if start < end {
                out.push(ListedStretch {
                    start: start.with_timezone(&zone),
                    end: end.with_timezone(&zone),
                    ..s.clone()
                });
            }
        }
    }
    out
}
