//! The site's data — one team, or an organisation of teams — validated by the build script.
//!
//! A single team's data is embedded as Rust constructors. An organisation's site embeds only
//! its index (the teams' names and the names of their data files): each team's data is fetched
//! when one of its pages opens ([`crate::org_data`]), so the first load does not grow with the
//! number of teams.
//!
//! Pages read the team they are about with [`use_team`]: the route provides it
//! ([`TeamIndex`]) once its data is here, and a single team's site has only team 0.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use rota::{Schedule, ScheduleInputs, TeamData};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
    include!(concat!(env!("OUT_DIR"), "/built_at.rs"));
}

/// When this site was built: its data embedded and its calendar feeds written.
pub use generated::BUILT_AT;
/// The text file with every pipeline's prose (see `rota::text_files`).
pub use generated::SEARCH_TEXT_FILE;

/// The text file with the prose of pipeline `slug` (its description and runbook): embedded
/// for a single team, in the directory for an organisation.
pub fn text_file_of(slug: &str) -> Option<&'static str> {
    #[cfg(not(rota_org))]
    {
        let files = generated::TEXT_FILES;
        files.binary_search_by(|(s, _)| (*s).cmp(slug)).ok().map(|i| files[i].1)
    }
    #[cfg(rota_org)]
    {
        let directory = crate::org_data::directory()?;
        directory.pipelines.iter().find(|p| p.slug == slug).map(|p| p.text_file.as_str())
    }
}

/// Every text file the pages show (a page rendered at build time reads them all first).
#[cfg(feature = "ssr")]
pub fn text_files() -> Vec<&'static str> {
    #[cfg(not(rota_org))]
    let mut files: Vec<&'static str> = generated::TEXT_FILES.iter().map(|(_, file)| *file).collect();
    // An organisation's are named in its directory, which its pages fetch.
    #[cfg(rota_org)]
    let mut files: Vec<&'static str> = Vec::new();
    files.sort_unstable();
    files.dedup();
    files
}

/// One team of the site with its data, and its real schedule, shared by every page, so weeks
/// resolved once stay resolved.
pub struct SiteTeam {
    /// Its place in the organisation's order (0 for a single team).
    pub index: usize,
    /// Empty for a single team's site; the `/teams/<slug>/` of an organisation's.
    pub slug: String,
    pub data: TeamData,
    pub schedule: Arc<Schedule>,
}

impl SiteTeam {
    pub fn new(index: usize, slug: String, data: TeamData) -> SiteTeam {
        let schedule = Arc::new(Schedule::new(Arc::clone(&data.inputs)));
        SiteTeam { index, slug, data, schedule }
    }

    pub fn inputs(&self) -> &ScheduleInputs {
        &self.data.inputs
    }

    pub fn name(&self) -> &str {
        &self.inputs().team.name
    }

    pub fn path(&self, page: &str) -> String {
        team_path(&self.slug, page)
    }
}

/// A page of a team as a site path: `page` itself for a single team (`/schedule`), under
/// `/teams/<slug>` in an organisation (`/` is the team's Now view, `/teams/<slug>/`).
fn team_path(slug: &str, page: &str) -> String {
    if slug.is_empty() {
        page.to_string()
    } else if page == "/" {
        format!("/teams/{slug}/")
    } else {
        format!("/teams/{slug}{page}")
    }
}

/// A team as the site lists it: known from the start, its data once fetched.
pub struct ListedTeam {
    pub index: usize,
    pub slug: String,
    pub name: String,
    /// Its time zone, in which its pages give times.
    pub zone: chrono_tz::Tz,
    /// The file with its data, below the site's base (an organisation's team).
    pub file: String,
    loaded: OnceLock<SiteTeam>,
}

impl ListedTeam {
    pub fn path(&self, page: &str) -> String {
        team_path(&self.slug, page)
    }

    /// Its data, once here (always, for a single team).
    pub fn loaded(&self) -> Option<&SiteTeam> {
        self.loaded.get()
    }

    /// Keeps `data`, fetched for this team; the first of two fetches racing wins.
    pub fn keep(&self, data: TeamData) -> &SiteTeam {
        let team = self.loaded.get_or_init(|| SiteTeam::new(self.index, self.slug.clone(), data));
        TEAMS_LOADED.with(|loaded| loaded.update(|n| *n += 1));
        team
    }
}

thread_local! {
    /// How many teams' data have arrived: parts of the page that outlive a page (the menu)
    /// track it to show a team once its data is here.
    static TEAMS_LOADED: ArcRwSignal<usize> = ArcRwSignal::new(0);
}

/// Tracks the arrival of any team's data; returns how many have arrived.
pub fn track_teams_loaded() -> usize {
    TEAMS_LOADED.with(|loaded| loaded.get())
}

/// The organisation around the teams, when the site is one.
pub struct OrgInfo {
    pub name: String,
    /// The files of its directory (people and pipelines) and of its on-call table.
    pub directory: String,
    pub on_call: String,
}

struct Site {
    #[cfg_attr(not(rota_org), allow(dead_code))]
    org: Option<OrgInfo>,
    teams: Vec<ListedTeam>,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        #[cfg(not(rota_org))]
        {
            let data = match generated::site_data() {
                rota::SiteData::Team(data) => data,
                rota::SiteData::Org(_) => unreachable!("an organisation's site is compiled with cfg(rota_org)"),
            };
            let team = ListedTeam {
                index: 0,
                slug: String::new(),
                name: data.inputs.team.name.clone(),
                zone: data.inputs.team.time_zone,
                file: String::new(),
                loaded: OnceLock::new(),
            };
            team.keep(data);
            Site { org: None, teams: vec![team] }
        }
        #[cfg(rota_org)]
        {
            // Written by the same build from the same data (the test below reads it back).
            let index = rota::org_files::decode_index(generated::ORG_INDEX).expect("the build's own index");
            let teams = index
                .teams
                .into_iter()
                .enumerate()
                .map(|(i, t)| ListedTeam {
                    index: i,
                    slug: t.slug,
                    name: t.name,
                    zone: t.time_zone,
                    file: t.file,
                    loaded: OnceLock::new(),
                })
                .collect();
            Site { org: Some(OrgInfo { name: index.name, directory: index.directory, on_call: index.on_call }), teams }
        }
    })
}

/// Every team, in display order (one for a single team's site).
pub fn teams() -> &'static [ListedTeam] {
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

pub fn team_by_slug(slug: &str) -> Option<&'static ListedTeam> {
    teams().iter().find(|t| t.slug == slug)
}

/// The single team's data (a single team's site has it from the start).
fn only_team() -> &'static SiteTeam {
    teams()[0].loaded().expect("a single team's data is embedded")
}

/// A person's name anywhere on the site: from the page's team, else the organisation's
/// directory once fetched (the slug itself for someone not in the data).
pub fn name_of(slug: &str) -> String {
    if let Some(engineer) = try_use_team().and_then(|t| t.data.engineer(slug)) {
        return engineer.name.clone();
    }
    if org().is_none() {
        return only_team().data.name_of(slug).to_string();
    }
    crate::org_data::person(slug).map_or_else(|| slug.to_string(), |p| p.person.name.clone())
}

/// Everyone on the team (or in the organisation, once its directory is here) as
/// `(slug, name)`.
pub fn everyone() -> Vec<(String, String)> {
    match org() {
        Some(_) => crate::org_data::directory()
            .map(|d| d.people.iter().map(|p| (p.person.slug.clone(), p.person.name.clone())).collect())
            .unwrap_or_default(),
        None => only_team().inputs().engineers.iter().map(|e| (e.slug.clone(), e.name.clone())).collect(),
    }
}

/// Each instant from `from` to `to` when someone of `team` is on call for it and for another
/// team at once, with `schedule` standing for `team`'s own (a what-if preview's, or the real
/// one). The other teams' stretches come with the team's data (`ScheduleInputs::elsewhere`),
/// so no other team needs fetching.
pub fn clashes_with_other_teams(
    team: &SiteTeam,
    schedule: &Schedule,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Vec<rota::Clash> {
    if org().is_none() || schedule.inputs().elsewhere.is_empty() {
        return Vec::new();
    }
    rota::org::clashes_elsewhere(team.index, &team.slug, schedule, from, to)
}

/// Which team the page is about, provided by its route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamIndex(pub usize);

/// The team of the page being rendered, if its data is here (the only team of a single
/// team's site).
pub fn try_use_team() -> Option<&'static SiteTeam> {
    match use_context::<TeamIndex>() {
        Some(TeamIndex(i)) => teams().get(i)?.loaded(),
        None if org().is_none() => Some(only_team()),
        None => None,
    }
}

/// The team of the page being rendered. Pages of a team are rendered once its data is here
/// (see `pages::team_scope`); a page rendered without one shows the first team whose data is.
pub fn use_team() -> &'static SiteTeam {
    try_use_team().or_else(|| teams().iter().find_map(ListedTeam::loaded)).unwrap_or_else(only_team)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Guards against drift between the data folder and what the site embeds (the generated
    /// code is rebuilt by the build script, but this proves the generator round-trips every
    /// field). `scripts/test` also runs it with `ROTA_DATA_DIR` set to the later-deploy data,
    /// whose contacts, covers and trades `data/` does not have, and to the example organisation.
    #[test]
    fn embedded_data_equals_the_data_folder() {
        // The folder the build script embedded: it reads the same variable at compile time.
        let dir = option_env!("ROTA_DATA_DIR")
            .filter(|dir| !dir.is_empty())
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), |dir| Path::new(dir).to_path_buf());
        let loaded = rota::load::load_any(&dir).unwrap_or_else(|e| panic!("{e}"));
        let files = rota::text_files::text_files_of(loaded.teams().into_iter().map(|(_, team)| team));
        assert_eq!(super::SEARCH_TEXT_FILE, files.search.name);
        #[cfg(not(rota_org))]
        {
            assert_eq!(super::generated::site_data(), loaded.without_text());
            // The prose is in the files `rota text` writes for the same data, under the names embedded.
            for (slug, file) in &files.pipelines {
                assert_eq!(super::text_file_of(slug), Some(file.name.as_str()), "{slug}");
            }
            assert_eq!(super::generated::TEXT_FILES.len(), files.pipelines.len());
        }
        #[cfg(rota_org)]
        {
            // An organisation embeds the index of the files `rota text` writes for the same
            // data at the same build instant.
            let rota::SiteData::Org(org) = &loaded else { panic!("{} is not an organisation", dir.display()) };
            let built_at = rota::build_time::from_env().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                rota::org_files::decode_index(super::generated::ORG_INDEX).unwrap(),
                rota::org_files::org_files(org, built_at).index
            );
        }
    }
}
