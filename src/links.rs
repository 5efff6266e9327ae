//! Every shareable path of the site in one place. Paths are absolute within the site
//! (`/runbooks/x`); [`href`] adds the deployment's base path (e.g. `/oncall`) for links, while
//! `navigate` adds it itself.

use rota::{WeekId, WhatIf};

use crate::data::SiteTeam;

pub fn person(slug: &str) -> String {
    format!("/people/{slug}")
}

pub fn pipeline(slug: &str) -> String {
    format!("/pipelines/{slug}")
}

pub fn runbook(slug: &str) -> String {
    format!("/runbooks/{slug}")
}

pub fn failure_point(runbook_slug: &str, failure_slug: &str) -> String {
    format!("/runbooks/{runbook_slug}#{failure_slug}")
}

/// An engineer's calendar feed, which the build writes next to the pages.
pub fn person_feed(slug: &str) -> String {
    format!("/calendar/{slug}.ics")
}

/// A team's calendar feed: `team.ics` for a single team's site, one per team in an
/// organisation's.
pub fn team_feed(team: &SiteTeam) -> String {
    if team.slug.is_empty() {
        "/calendar/team.ics".to_string()
    } else {
        format!("/calendar/teams/{}.ics", team.slug)
    }
}

/// A team's schedule from `week`, `weeks` long, keeping a what-if preview.
pub fn schedule(team: &SiteTeam, week: WeekId, weeks: u32, what_if: &WhatIf) -> String {
    with_what_if(&team.path(&format!("/schedule?week={week}&weeks={weeks}")), what_if)
}

/// `path` with the preview's `leave=`/`keep=` parameters appended.
pub fn with_what_if(path: &str, what_if: &WhatIf) -> String {
    if what_if.is_empty() {
        return path.to_string();
    }
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}{}", what_if.to_query())
}

/// A site path as a link target under the deployment's base path (`<A>` does not add it).
pub fn href(path: impl AsRef<str>) -> String {
    thread_local! {
        static BASE: String = base_path();
    }
    BASE.with(|base| format!("{base}{}", path.as_ref()))
}

/// The deployment's base path without a trailing slash ("" at the root, "/oncall" under a
/// subpath), read from `<base href>`, which the build writes for `--public-url`.
pub fn base_path() -> String {
    #[cfg(feature = "ssr")]
    let base = crate::prerender::public_url();
    #[cfg(not(feature = "ssr"))]
    let base = leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default();
    rota::base_path(&base).to_string()
}

/// The full URL of a site path, for "copy link".
pub fn absolute(path: &str) -> String {
    // A page rendered at build time does not know its host: the app writes it in at load.
    #[cfg(feature = "ssr")]
    let origin = "";
    #[cfg(not(feature = "ssr"))]
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    format!("{origin}{}{path}", base_path())
}

/// The page being shown, as a site path with its query (`/schedule?week=…&leave=…`), to copy
/// or share it.
pub fn current() -> String {
    let location = leptos::prelude::window().location();
    let (path, query) = (location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let base = base_path();
    format!("{}{query}", path.strip_prefix(base.as_str()).unwrap_or(&path))
}
