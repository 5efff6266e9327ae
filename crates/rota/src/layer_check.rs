//! What the check reports about a team's layers together, with the instants:
//!
//! * a **gap**: an instant no primary layer covers (nobody is paged first);
//! * an **overlap**: an instant two primary layers cover (two people are paged first);
//! * a **double role**: one person primary and secondary at the same instant (nobody left
//!   to escalate to), by the layers' rotations or as holiday swaps resolve them.
//!
//! Shadows take part in none of these. Each finding is a maximal stretch of instants, so a
//! follow-the-sun team whose regions drift apart for the weeks between the US and UK
//! daylight-saving changes gets one finding a day, each naming its exact instants.

use chrono::{DateTime, Utc};

use crate::layer::{Layer, LayerRole, LayerStretch};

/// A stretch of instants the primary layers do not cover exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageFinding {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// The primary layers covering the stretch, by position in the team's layers: none
    /// for a gap, two or more for an overlap.
    pub layers: Vec<usize>,
}

impl CoverageFinding {
    pub fn is_gap(&self) -> bool {
        self.layers.is_empty()
    }
}

/// One person holding a primary and a secondary layer at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleRole<'a> {
    pub person: &'a str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub primary: usize,
    pub secondary: usize,
}

/// Gaps and overlaps of the primary layers in `[from, to)`, in order.
///
/// ```
/// # use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, WeekdaySet};
/// # use rota::layer::{Layer, LayerRole};
/// # let region = |slug: &str, zone, from| Layer {
/// #     slug: slug.into(), name: slug.into(), role: LayerRole::Primary,
/// #     pattern: rota::shift::ShiftPattern {
/// #         zone, epoch: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), days: 7,
/// #         time: NaiveTime::from_hms_opt(from, 0, 0).unwrap(),
/// #     },
/// #     rotation: vec![format!("{slug}-1")], changes: vec![],
/// #     coverage: Some(rota::coverage::Coverage {
/// #         days: WeekdaySet::ALL,
/// #         from: NaiveTime::from_hms_opt(from, 0, 0).unwrap(),
/// #         to: NaiveTime::from_hms_opt((from + 12) % 24, 0, 0).unwrap(),
/// #     }),
/// # };
/// // In January, London 08:00–20:00 is 08–20 UTC and New York 12:00–00:00 is 17–05 UTC:
/// // nobody covers 05–08 UTC, and both cover 17–20 UTC.
/// let layers = [region("london", chrono_tz::Europe::London, 8), region("new-york", chrono_tz::America::New_York, 12)];
/// let at = |d, h| Utc.with_ymd_and_hms(2026, 1, d, h, 0, 0).unwrap();
/// let findings = rota::layer_check::coverage_findings(&layers, at(13, 0), at(14, 0));
/// let found = |f: &rota::layer_check::CoverageFinding| (f.from, f.to, f.layers.clone());
/// assert_eq!(findings.iter().map(found).collect::<Vec<_>>(), [(at(13, 5), at(13, 8), vec![]), (at(13, 17), at(13, 20), vec![0, 1])]);
/// ```
pub fn coverage_findings(layers: &[Layer], from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<CoverageFinding> {
    let mut edges: Vec<(DateTime<Utc>, usize, bool)> = Vec::new();
    for (i, layer) in layers.iter().enumerate().filter(|(_, l)| l.role == LayerRole::Primary) {
        for s in layer.stretches(from, to) {
            edges.push((s.from, i, true));
            edges.push((s.to, i, false));
        }
    }
    edges.sort();
    let mut covering: Vec<usize> = Vec::new();
    let mut findings: Vec<CoverageFinding> = Vec::new();
    let mut at = from;
    let mut e = 0;
    while at < to {
        while e < edges.len() && edges[e].0 <= at {
            let (_, layer, opens) = edges[e];
            if opens {
                covering.push(layer);
            } else if let Some(p) = covering.iter().position(|&l| l == layer) {
                covering.remove(p);
            }
            e += 1;
        }
        let next = edges.get(e).map_or(to, |edge| edge.0.min(to));
        if covering.len() != 1 {
            let mut layers = covering.clone();
            layers.sort_unstable();
            match findings.last_mut() {
                Some(last) if last.to == at && last.layers == layers => last.to = next,
                _ => findings.push(CoverageFinding { from: at, to: next, layers }),
            }
        }
        at = next;
    }
    findings
}

/// Every stretch in `[from, to)` where one person holds a primary and a secondary layer, by
/// the layers' own rotations.
pub fn double_roles(layers: &[Layer], from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DoubleRole<'_>> {
    let stretches: Vec<_> = layers.iter().map(|l| (l.role, l.stretches(from, to))).collect();
    double_roles_in(&stretches)
}

/// Every stretch where one person holds a primary and a secondary layer, given each layer's
/// role and stretches (in order, not overlapping; e.g. resolved with holiday swaps).
pub fn double_roles_in<'a>(layers: &[(LayerRole, Vec<LayerStretch<'a>>)]) -> Vec<DoubleRole<'a>> {
    let of_role = |role| layers.iter().enumerate().filter(move |(_, (r, _))| *r == role);
    // Each layer's stretches are in order and never overlap, so each primary stretch looks
    // only at the secondary stretches from the first that ends after it starts.
    let secondaries: Vec<_> = of_role(LayerRole::Secondary).collect();
    let mut out = Vec::new();
    for (p, (_, primaries)) in of_role(LayerRole::Primary) {
        for primary in primaries {
            for (s, (_, stretches)) in &secondaries {
                let first = stretches.partition_point(|s| s.to <= primary.from);
                for secondary in stretches[first..].iter().take_while(|s| s.from < primary.to) {
                    let (a, b) = (primary.from.max(secondary.from), primary.to.min(secondary.to));
                    if secondary.person == primary.person && a < b {
                        out.push(DoubleRole { person: primary.person, from: a, to: b, primary: p, secondary: *s });
                    }
                }
            }
        }
    }
    out.sort_by_key(|d| (d.from, d.primary, d.secondary));
    out
}
