//! The data a page shows: the team's, or a what-if preview from the link's `leave=`/`keep=`.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use rota::{Schedule, TeamData, WhatIf, WhatIfError};

use crate::data::team_data;

/// Team data with a preview applied (or not), and the preview itself.
#[derive(Clone, PartialEq)]
pub struct Preview {
    pub data: &'static TeamData,
    pub what_if: WhatIf,
}

impl Preview {
    pub fn schedule(&self) -> Schedule<'static> {
        Schedule::new(self.data)
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
        Ok(Preview { data: preview_data(&what_if), what_if })
    })
}

/// Previewed data lives as long as the page: schedules borrow it, and the same link asked
/// twice reuses it, so memory grows only with the distinct previews a person opens.
fn preview_data(what_if: &WhatIf) -> &'static TeamData {
    thread_local! {
        static CACHE: RefCell<HashMap<String, &'static TeamData>> = RefCell::new(HashMap::new());
    }
    if what_if.is_empty() {
        return team_data();
    }
    CACHE.with(|cache| {
        *cache.borrow_mut().entry(what_if.to_query()).or_insert_with(|| Box::leak(Box::new(what_if.apply(team_data()))))
    })
}
