//! The site's data — one team, or an organisation of teams — validated by the build script and
//! embedded as Rust constructors.
//!
//! Pages read the team they are about with [`use_team`]: the route provides it
//! ([`TeamIndex`]), and a single team's site has only team 0.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use rota::{Person, Schedule, ScheduleInputs, SiteData, TeamData};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
    include!(concat!(env!("OUT_DIR"), "/built_at.rs"));
}

/// When this site was built: its data embedded and its calendar feeds written.
pub use generated::BUILT_AT;
/// The text file with every pipeline's prose (see `rota::text_files`).
pub use generated::SEARCH_TEXT_FILE;

/// The text file with the prose of pipeline `slug` (its description and runbook).
pub fn text_file_of(slug: &str) -> Option<&'static str> {
    let files = generated::TEXT_FILES;
    files.binary_search_by(|(s, _)| (*s).cmp(slug)).ok().map(|i| files[i].1)
}

/// One team of the site, with its real schedule, shared by every page, so weeks resolved once
/// stay resolved.
pub struct SiteTeam {
    /// Empty for a single team's site; the `/teams/<slug>/` of an organisation's.
    pub slug: String,
    pub data: TeamData,
    pub schedule: Arc<Schedule>,
}

impl SiteTeam {
    pub fn inputs(&self) -> &ScheduleInputs {
        &self.data.inputs
    }

    pub fn name(&self) -> &str {
        &self.inputs().team.name
    }

    /// A page of this team as a site path: `page` itself for a single team (`/schedule`),
    /// under `/teams/<slug>` in an organisation (`/` is the team's Now view, `/teams/<slug>/`).
    pub fn path(&self, page: &str) -> String {
        if self.slug.is_empty() {
            page.to_string()
        } else if page == "/" {
            format!("/teams/{}/", self.slug)
        } else {
            format!("/teams/{}{page}", self.slug)
        }
    }
}

/// The organisation around the teams, when the site is one.
pub struct OrgInfo {
    pub name: String,
    pub people: Vec<Person>,
}

struct Site {
    #[cfg_attr(not(rota_org), allow(dead_code))]
    org: Option<OrgInfo>,
    teams: Vec<SiteTeam>,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let team = |slug: String, data: TeamData| {
            let schedule = Arc::new(Schedule::new(Arc::clone(&data.inputs)));
            SiteTeam { slug, data, schedule }
        };
        match generated::site_data() {
            SiteData::Team(data) => Site { org: None, teams: vec![team(String::new(), data)] },
            SiteData::Org(org) => Site {
                teams: org.teams.into_iter().map(|t| team(t.slug, t.data)).collect(),
                org: Some(OrgInfo { name: org.name, people: org.people }),
            },
        }
    })
}

/// Every team, in display order (one for a single team's site).
pub fn teams() -> &'static [SiteTeam] {
    &site().teams
}

/// The organisation, when the site is one.
#[cfg(rota_org)]
pub fn org() -> Option<&'static OrgInfo> {
    site().org.as_ref()
}

/// A single team's site has no organisation, known when it is compiled, so the organisation's
/// pages are left out of its code.
#[cfg(not(rota_org))]
pub fn org() -> Option<&'static OrgInfo> {
    None
}

pub fn team_by_slug(slug: &str) -> Option<(usize, &'static SiteTeam)> {
    teams().iter().enumerate().find(|(_, t)| t.slug == slug)
}

/// The team a pipeline (and its runbook) belongs to.
pub fn team_of_pipeline(slug: &str) -> Option<(usize, &'static SiteTeam)> {
    teams().iter().enumerate().find(|(_, t)| t.data.pipeline(slug).is_some())
}

/// The teams a person is in, in display order.
pub fn teams_of(person: &str) -> impl Iterator<Item = (usize, &'static SiteTeam)> + 'static {
    let person = person.to_string();
    teams().iter().enumerate().filter(move |(_, t)| t.data.engineer(&person).is_some())
}

/// A person's name anywhere on the site (the slug itself for someone not in the data).
pub fn name_of(slug: &str) -> &str {
    match org() {
        Some(org) => org.people.iter().find(|p| p.slug == slug).map_or(slug, |p| p.name.as_str()),
        None => teams()[0].data.name_of(slug),
    }
}

/// The teams a list page shows: the route's team, else every team.
pub fn listed_teams() -> Vec<&'static SiteTeam> {
    match use_context::<TeamIndex>() {
        Some(TeamIndex(i)) => teams().get(i).into_iter().collect(),
        None => teams().iter().collect(),
    }
}

/// Makes the team of pipeline `slug` the page's team (the first team for an unknown slug,
/// whose page says so), for the components below.
pub fn provide_team_of_pipeline(slug: &str) -> &'static SiteTeam {
    let (index, team) = team_of_pipeline(slug).unwrap_or((0, &teams()[0]));
    provide_context(TeamIndex(index));
    team
}

/// Each instant from `from` to `to` when someone of `team` is on call for it and for another
/// team at once, with `schedule` standing for `team`'s own (a what-if preview's, or the real
/// one), as (this team's week, the other team, its week, from, to).
pub fn clashes_with_other_teams(
    team: &'static SiteTeam,
    schedule: &Schedule,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Vec<rota::Clash> {
    if org().is_none() {
        return Vec::new();
    }
    let shares_someone =
        |other: &SiteTeam| other.inputs().engineers.iter().any(|e| team.data.engineer(&e.slug).is_some());
    let mut schedules: Vec<(&str, &Schedule)> = vec![(team.slug.as_str(), schedule)];
    schedules.extend(
        teams().iter().filter(|t| t.slug != team.slug && shares_someone(t)).map(|t| (t.slug.as_str(), &*t.schedule)),
    );
    if schedules.len() == 1 {
        return Vec::new();
    }
    rota::org::clashes(&schedules, from, to)
        .into_iter()
        .filter(|c| c.teams.iter().any(|s| s.team == team.slug))
        .collect()
}

/// Which team the page is about, provided by its route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamIndex(pub usize);

/// The team of the page being rendered (the only team of a single team's site).
pub fn use_team() -> &'static SiteTeam {
    let index = use_context::<TeamIndex>().map_or(0, |t| t.0);
    &teams()[index.min(teams().len() - 1)]
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Guards against drift between `data/` and what the site embeds (the generated code is
    /// rebuilt by the build script, but this proves the generator round-trips every field).
    /// `scripts/test` also runs it with `ROTA_DATA_DIR` set to the later-deploy data, whose
    /// contacts, covers and trades `data/` does not have, and to the example organisation.
    #[test]
    fn embedded_data_equals_the_data_folder() {
        // The folder the build script embedded: it reads the same variable at compile time.
        let dir = option_env!("ROTA_DATA_DIR")
            .filter(|dir| !dir.is_empty())
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), |dir| Path::new(dir).to_path_buf());
        let loaded = rota::load::load_any(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(super::generated::site_data(), loaded.without_text());
        // The prose is in the files `rota text` writes for the same data, under the names embedded.
        let files = rota::text_files::text_files_of(loaded.teams().into_iter().map(|(_, team)| team));
        assert_eq!(super::SEARCH_TEXT_FILE, files.search.name);
        for (slug, file) in &files.pipelines {
            assert_eq!(super::text_file_of(slug), Some(file.name.as_str()), "{slug}");
        }
        assert_eq!(super::generated::TEXT_FILES.len(), files.pipelines.len());
    }
}
