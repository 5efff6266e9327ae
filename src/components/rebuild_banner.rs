use leptos::prelude::*;
use rota::freshness::Freshness;

use crate::clock::use_clock;
use crate::data::{teams, ListedTeam, BUILT_AT};

/// Tells every visitor when this build's calendar feeds are about to run dry, or have: the pages
/// compute any week live, but the feeds were written at build time, and nothing else says so.
#[component]
pub fn RebuildBanner() -> impl IntoView {
    // The feeds of every team were written by the same build: any team dates them (in an
    // organisation, the first whose data the page has fetched).
    let team = teams().iter().find_map(ListedTeam::loaded)?;
    let freshness = Freshness::of_build(&team.schedule, BUILT_AT);
    let zone = team.inputs().team.time_zone;
    let now = use_clock();
    // A memo, so the 15-second clock ticks re-render nothing until the day changes the notice.
    let due = Memo::new(move |_| {
        let today = now.get().with_timezone(&zone).date_naive();
        freshness.filter(|f| f.rebuild_due(today)).map(|f| (f, f.feeds_ended(today)))
    });
    Some(move || {
        due.get().map(|(f, ended)| {
            let date = |d: chrono::NaiveDate| view! { <time datetime=d.to_string()>{d.to_string()}</time> };
            view! {
                <aside class="rebuild-banner" role="status">
                    "This site was built on " {date(f.built_on)} "; its calendar feeds "
                    {if ended { "ended " } else { "end " }} {date(f.feeds_end)} " — ask for a rebuild."
                </aside>
            }
        })
    })
}
