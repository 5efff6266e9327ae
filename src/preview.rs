//! The data a page shows: the team's, or a what-if preview from the link's `leave=`/`keep=`.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use rota::{Schedule, TeamData, WhatIf, WhatIfError};

use crate::data::{team_data, team_schedule};

/// A what-if preview (empty for the real schedule) with the data and schedule it gives.
#[derive(Clone)]
pub struct Preview {
    pub what_if: WhatIf,
    pub data: &'static TeamData,
    schedule: &'static Schedule<'static>,
}

/// The data and schedule follow from the what-if, so it alone decides equality.
impl PartialEq for Preview {
    fn eq(&self, other: &Preview) -> bool {
        self.what_if == other.what_if
    }
}

impl Preview {
    pub fn schedule(&self) -> &'static Schedule<'static> {
        self.schedule
    }

    pub fn is_preview(&self) -> bool {
        !self.what_if.is_empty()
    }
}

/// The preview the current URL asks for, or why its parameters cannot be used.
pub fn use_preview() -> Memo<Result<Preview, WhatIfError>> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        let leave = query.get_all("leave").unwrap_or_default();
        let keep = query.get_all("keep").unwrap_or_default();
        let what_if = WhatIf::parse(&leave, &keep, team_data())?;
        let (data, schedule) = previewed(&what_if);
        Ok(Preview { what_if, data, schedule })
    })
}

/// Previewed data and its schedule live as long as the page: the same link asked twice reuses
/// them (weeks already resolved included), so memory grows only with the distinct previews a
/// person opens.
fn previewed(what_if: &WhatIf) -> (&'static TeamData, &'static Schedule<'static>) {
    thread_local! {
        static CACHE: RefCell<HashMap<String, (&'static TeamData, &'static Schedule<'static>)>> =
            RefCell::new(HashMap::new());
    }
    if what_if.is_empty() {
        return (team_data(), team_schedule());
    }
    CACHE.with(|cache| {
        *cache.borrow_mut().entry(what_if.to_query()).or_insert_with(|| {
            let data: &'static TeamData = Box::leak(Box::new(what_if.apply(team_data())));
            (data, Box::leak(Box::new(Schedule::new(data))))
        })
    })
}
