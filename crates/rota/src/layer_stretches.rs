//! Every layer of a team at one instant: who holds it and who is next (as
//! [`layer_stretches`] resolves them), and who is paged first.
//!
//! Stretches are in their layer's time zone, so a page shows each at its region's wall
//! clock.

use chrono::{DateTime, Duration, Utc};

use crate::layer::{Layer, LayerRole};
use crate::layer_list::layer_stretches;
use crate::stretch_list::ListedStretch;
use crate::{Schedule, Stretch, StretchKind};

/// How far around an instant to look for the stretch holding it and the one after: longer
/// than the longest shift (8 weeks), so a layer that covers at all is found.
const REACH: Duration = Duration::days(60);

/// Layer `index`'s stretch holding `at` (none outside its hours, or before it starts), and
/// its next stretch after `at`.
pub fn layer_at(
    schedule: &Schedule,
    layers: &[Layer],
    index: usize,
    at: DateTime<Utc>,
) -> (Option<ListedStretch>, Option<ListedStretch>) {
    let Some(layer) = layers.get(index) else { return (None, None) };
    // A layer that starts later is looked at from its start.
    let start = layer.pattern.handoff_on(layer.pattern.epoch).to_utc().max(at);
    let stretches = layer_stretches(schedule, layers, index, at - REACH, start + REACH);
    let now = stretches.iter().find(|s| s.start.to_utc() <= at && at < s.end.to_utc()).cloned();
    let next = stretches.into_iter().find(|s| s.start.to_utc() > at);
    (now, next)
}

/// Every layer at one instant: who holds it and who is next, and who is paged first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayersNow {
    /// Per layer (in the team's order): its stretch holding the instant, and its next one.
    pub layers: Vec<(Option<ListedStretch>, Option<ListedStretch>)>,
    /// The primary layers' stretches holding the instant, with their layer, the earliest
    /// started first: one, unless the layers overlap; none in a gap.
    pub paged_first: Vec<(usize, ListedStretch)>,
    /// The primary stretch that starts next, with its layer.
    pub next_first: Option<(usize, ListedStretch)>,
}

impl LayersNow {
    /// Who is paged first now and who next, as the team's own stretches are given (`None` in
    /// a gap, or when nobody comes next within reach).
    pub fn paged(&self) -> Option<(Stretch, Stretch)> {
        let (_, now) = self.paged_first.first()?;
        let (_, next) = self.next_first.as_ref()?;
        Some((as_stretch(now), as_stretch(next)))
    }
}

fn as_stretch(s: &ListedStretch) -> Stretch {
    let kind = match &s.instead_of {
        Some(instead_of) => StretchKind::Cover { instead_of: instead_of.clone(), note: None },
        None => StretchKind::Week,
    };
    Stretch { start: s.start, end: s.end, engineer: s.engineer.clone(), kind }
}

/// Who is on call at `at` and until when, then who comes next: the schedule's answer for a
/// team of one layer, whoever is paged first for a team with layers.
pub fn on_call_at(schedule: &Schedule, at: DateTime<Utc>) -> Option<(Stretch, Stretch)> {
    let inputs = schedule.inputs();
    if inputs.team.layers == crate::Layers::default() {
        return schedule.stretch_at(at);
    }
    layers_now(schedule, &crate::layer::team_layers(inputs), at).paged()
}

/// Every layer of `layers` at `at` (see [`LayersNow`]).
pub fn layers_now(schedule: &Schedule, layers: &[Layer], at: DateTime<Utc>) -> LayersNow {
    let per_layer: Vec<_> = (0..layers.len()).map(|i| layer_at(schedule, layers, i, at)).collect();
    let primary = || per_layer.iter().enumerate().filter(|(i, _)| layers[*i].role == LayerRole::Primary);
    // Where hours overlap, the one that started first leads (as in the page's table). A few
    // layers at most: placed in order as they come (a sort would cost the site's wasm more).
    let mut paged_first: Vec<(usize, ListedStretch)> = Vec::new();
    for (i, (now, _)) in primary() {
        let Some(now) = now else { continue };
        let at =
            paged_first.iter().position(|(_, s)| s.start.to_utc() > now.start.to_utc()).unwrap_or(paged_first.len());
        paged_first.insert(at, (i, now.clone()));
    }
    let next_first =
        primary().filter_map(|(i, (_, next))| Some((i, next.clone()?))).min_by_key(|(i, s)| (s.start.to_utc(), *i));
    LayersNow { layers: per_layer, paged_first, next_first }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveTime, TimeZone, WeekdaySet};

    use super::*;
    use crate::layer::team_layers;
    use crate::Coverage;

    fn utc(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, d, h, 0, 0).unwrap()
    }

    /// The doc team (alice, bob alternating weekly from Monday 29 December 2025, 00:00 UTC),
    /// covering 09:00–17:00 UTC, with a second primary layer (carol) covering the rest.
    fn two_regions() -> (Schedule, Vec<Layer>) {
        let mut inputs = (*crate::what_if::doc_team().inputs).clone();
        let hours = |from, to| Coverage {
            days: WeekdaySet::ALL,
            from: NaiveTime::from_hms_opt(from, 0, 0).unwrap(),
            to: NaiveTime::from_hms_opt(to, 0, 0).unwrap(),
        };
        inputs.team.layers.primary.coverage = Some(hours(9, 17));
        let mut night = team_layers(&inputs)[0].clone();
        night.slug = "night".into();
        night.rotation = vec!["carol".into()];
        night.changes.clear();
        night.coverage = Some(hours(17, 9));
        inputs.team.layers.others.push(night);
        let layers = team_layers(&inputs);
        (Schedule::new(Arc::new(inputs)), layers)
    }

    #[test]
    fn the_team_rotation_is_cut_to_its_hours() {
        let (schedule, layers) = two_regions();
        let who = |s: &ListedStretch| (s.engineer.clone(), s.start.to_utc(), s.end.to_utc());
        let day = layer_stretches(&schedule, &layers, 0, utc(5, 0), utc(7, 0));
        assert_eq!(
            day.iter().map(who).collect::<Vec<_>>(),
            [("bob".to_string(), utc(5, 9), utc(5, 17)), ("bob".to_string(), utc(6, 9), utc(6, 17)),]
        );
    }

    #[test]
    fn the_first_to_page_hands_from_one_region_to_the_other() {
        let (schedule, layers) = two_regions();
        let who = |(i, s): &(usize, ListedStretch)| (*i, s.engineer.clone(), s.start.to_utc());
        let now = layers_now(&schedule, &layers, utc(5, 16));
        assert_eq!(now.paged_first.iter().map(who).collect::<Vec<_>>(), [(0, "bob".to_string(), utc(5, 9))]);
        assert_eq!(now.next_first.as_ref().map(who), Some((1, "carol".to_string(), utc(5, 17))));
        let now = layers_now(&schedule, &layers, utc(5, 17));
        assert_eq!(now.paged_first.iter().map(who).collect::<Vec<_>>(), [(1, "carol".to_string(), utc(5, 17))]);
        assert_eq!(now.next_first.as_ref().map(who), Some((0, "bob".to_string(), utc(6, 9))));
        // The night layer's own next stretch, and the team rotation's, are kept per layer.
        let starts: Vec<_> = now.layers.iter().map(|(_, next)| next.as_ref().map(|s| s.start.to_utc())).collect();
        assert_eq!(starts, [Some(utc(6, 9)), Some(utc(6, 17))]);
    }
}
