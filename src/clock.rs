//! The current instant as a signal: it moves on exactly at each handoff and at each cover's
//! start and end, so the Now view changes hands without a reload, every 15 s, and the moment
//! the page is seen again (a phone that wakes up or a tab restored from the back/forward
//! cache), when timers may not have run.

#[cfg(not(feature = "ssr"))]
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use rota::Stretch;

use crate::data::use_team;
#[cfg(not(feature = "ssr"))]
use crate::data::{teams, ListedTeam};

/// Whether the page is being rendered at build time (`prerender`): what depends on the moment
/// the page is read is left for the app, or assets/now-first.js, to fill in at load.
pub const AT_BUILD: bool = cfg!(feature = "ssr");

/// The browser's clock (tests fix it with Playwright's clock); the build's instant for a page
/// rendered at build time.
pub fn now_instant() -> DateTime<Utc> {
    #[cfg(feature = "ssr")]
    return crate::prerender::build_instant();
    #[cfg(not(feature = "ssr"))]
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Longest single wait for the next handoff (browsers cap timers at 2^31 ms).
#[cfg(not(feature = "ssr"))]
const MAX_TIMER: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<DateTime<Utc>>);

pub fn use_clock() -> ReadSignal<DateTime<Utc>> {
    use_context::<Clock>().map(|c| c.0).unwrap_or_else(|| signal(now_instant()).0)
}

/// The rotation week now (`None` before the rotation starts); changes only at handoffs, so
/// views that depend on it re-render once a week, not on every clock tick.
pub fn use_current_week() -> Memo<Option<u32>> {
    let (now, team) = (use_clock(), use_team());
    Memo::new(move |_| team.schedule.rotation().index_at(now.get()))
}

/// Who is on call now in the real schedule (for a team with layers, who is paged first) and
/// until when, and who comes next (`None` before the rotation starts, or in a gap of the
/// layers' hours); changes only when a stretch (a week or a cover) ends.
pub fn use_on_call_now() -> Memo<Option<(Stretch, Stretch)>> {
    let (now, team) = (use_clock(), use_team());
    Memo::new(move |_| crate::layer_words::on_call_at(&team.schedule, now.get()))
}

/// Who holds each secondary layer now in the real schedule, as slugs separated by spaces;
/// changes only at their handoffs. `None` for a team without layers.
pub fn use_secondary_now() -> Option<Memo<String>> {
    let (now, team) = (use_clock(), use_team());
    if !crate::layer_words::has_layers!(team.inputs()) {
        return None;
    }
    Some(Memo::new(move |_| {
        let layers = rota::layer::team_layers(team.inputs());
        let at = rota::layer_stretches::layers_now(&team.schedule, &layers, now.get());
        let holders = layers.iter().zip(&at.layers).filter(|(l, _)| l.role == rota::LayerRole::Secondary);
        holders.filter_map(|(_, (holding, _))| Some(holding.as_ref()?.engineer.clone())).collect::<Vec<_>>().join(" ")
    }))
}

/// The weeks the site answers for now; changes once a year.
pub fn use_horizon() -> Memo<rota::Horizon> {
    let (now, team) = (use_clock(), use_team());
    Memo::new(move |_| rota::Horizon::at(&team.schedule.rotation(), now.get()))
}

pub fn provide_clock() {
    // A page rendered at build time stays at the build instant.
    #[cfg(feature = "ssr")]
    let now = signal(now_instant()).0;
    #[cfg(not(feature = "ssr"))]
    let now = keep_time();
    provide_context(Clock(now));
}

/// The instant, moved on every 15 s, at the next handoff of any team, and when the page is
/// seen again.
#[cfg(not(feature = "ssr"))]
fn keep_time() -> ReadSignal<DateTime<Utc>> {
    let (now, set_now) = signal(now_instant());
    let tick = move || set_now.set(now_instant());
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(15)) {
        on_cleanup(move || handle.clear());
    }
    // A sleeping phone freezes timers, so the handoff timer and the interval may be far behind
    // when the page is shown again; without this the first glance shows last week's engineer.
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            tick();
        }
    });
    let restored = window_event_listener(leptos::ev::pageshow, move |_| tick());
    on_cleanup(move || {
        shown.remove();
        restored.remove();
    });
    // A timer for the next handoff of any team, re-armed whenever the clock moves.
    Effect::new(move |_| {
        let current = now.get();
        let next_of = |team: &crate::data::SiteTeam| match team.schedule.stretch_at(current) {
            Some((now, _)) => now.end.with_timezone(&Utc),
            None => team.schedule.rotation().week(0).start.with_timezone(&Utc),
        };
        // Every team whose data is here, and an organisation's table of every team's stretches.
        let table = crate::data::org().and_then(|_| crate::org_data::on_call()?.next_change_after(current));
        let Some(next) = teams().iter().filter_map(ListedTeam::loaded).map(next_of).chain(table).min() else { return };
        // A few milliseconds late rather than early: the new stretch starts at the handoff. Timers
        // cannot wait longer than ~24 days; a handoff further away is reached by re-arming.
        let delay =
            (next.with_timezone(&Utc) - current).to_std().unwrap_or_default().min(MAX_TIMER) + Duration::from_millis(5);
        if let Ok(handle) = set_timeout_with_handle(tick, delay) {
            on_cleanup(move || handle.clear());
        }
    });
    now
}
