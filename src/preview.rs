//! The schedule a page shows: the team's, or a what-if preview from the link's
//! `leave=`/`keep=`/`cover=`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use rota::{Horizon, Schedule, ScheduleInputs, WhatIf, WhatIfError};

use crate::clock::use_horizon;
use crate::data::{use_team, SiteTeam};

/// A what-if preview (empty for the real schedule) with the schedule it gives.
#[derive(Clone)]
pub struct Preview {
    pub what_if: WhatIf,
    /// The weeks the what-if was checked against, and the page may show.
    pub horizon: Horizon,
    schedule: Arc<Schedule>,
}

/// The schedule follows from the what-if, so it and the horizon decide equality.
impl PartialEq for Preview {
    fn eq(&self, other: &Preview) -> bool {
        self.what_if == other.what_if && self.horizon == other.horizon
    }
}

impl Preview {
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    pub fn inputs(&self) -> &ScheduleInputs {
        self.schedule.inputs()
    }

    pub fn is_preview(&self) -> bool {
        !self.what_if.is_empty()
    }
}

/// The preview the current URL asks for, or why its parameters cannot be used.
pub fn use_preview() -> Memo<Result<Preview, WhatIfError>> {
    let what_if = use_what_if();
    let horizon = use_horizon();
    let team = use_team();
    Memo::new(move |_| {
        let what_if = what_if.get()?;
        let schedule = previewed(team, &what_if);
        Ok(Preview { what_if, horizon: horizon.get(), schedule })
    })
}

/// The what-if of the current URL (empty without one), without computing its schedule: for
/// links that carry it, such as the menu.
pub fn use_what_if() -> Memo<Result<WhatIf, WhatIfError>> {
    let query = use_query_map();
    let horizon = use_horizon();
    let team = use_team();
    Memo::new(move |_| {
        let query = query.read();
        let values = |name: &str| query.get_all(name).unwrap_or_default();
        WhatIf::parse(&values("leave"), &values("keep"), &values("cover"), team.inputs(), horizon.get())
    })
}

/// Previews kept for reuse: going back and forth between a few links reuses their resolved
/// weeks, while opening hundreds of links in one page keeps memory flat.
const CACHED_PREVIEWS: usize = 8;

/// The schedule of a preview of `team`, from a small cache of recently used ones (most recent
/// last).
fn previewed(team: &'static SiteTeam, what_if: &WhatIf) -> Arc<Schedule> {
    thread_local! {
        static CACHE: RefCell<VecDeque<(String, WhatIf, Arc<Schedule>)>> = const { RefCell::new(VecDeque::new()) };
    }
    if what_if.is_empty() {
        return Arc::clone(&team.schedule);
    }
    CACHE.with_borrow_mut(|cache| {
        let schedule = match cache.iter().position(|(t, w, _)| *t == team.slug && w == what_if) {
            Some(i) => cache.remove(i).map(|(_, _, s)| s),
            None => None,
        }
        .unwrap_or_else(|| Arc::new(Schedule::new(Arc::new(what_if.apply(team.inputs())))));
        if cache.len() == CACHED_PREVIEWS {
            cache.pop_front();
        }
        cache.push_back((team.slug.clone(), what_if.clone(), Arc::clone(&schedule)));
        schedule
    })
}
