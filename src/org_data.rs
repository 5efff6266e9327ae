//! An organisation's data, fetched when a page needs it, kept for the visit (and by the
//! service worker for offline use, which precaches every file of the build once the first page
//! is up):
//!
//! - each team's data file, for that team's pages;
//! - the directory (everyone, with their contacts and teams; every pipeline and its team), for
//!   pages that are not a team's: the front page, a person, a pipeline or runbook link, search;
//! - the on-call table (every team's stretches around the build), for the front page.
//!
//! Before the app mounts, [`preload`] fetches what the first page needs, so it renders with
//! its data and replaces the page painted from the HTML without a "Loading…" in between.

use std::sync::OnceLock;

use rota::org_files::{decode_directory, decode_on_call, Directory, DirectoryPerson, OnCallTable};

use crate::data::{org, team_by_slug, teams, ListedTeam, SiteTeam};
use crate::links;
use crate::prose::fetch_text;

static DIRECTORY: OnceLock<Directory> = OnceLock::new();
static ON_CALL: OnceLock<OnCallTable> = OnceLock::new();

/// The directory, once fetched.
pub fn directory() -> Option<&'static Directory> {
    DIRECTORY.get()
}

/// The on-call table, once fetched.
pub fn on_call() -> Option<&'static OnCallTable> {
    ON_CALL.get()
}

/// A person of the directory, once fetched.
pub fn person(slug: &str) -> Option<&'static DirectoryPerson> {
    directory()?.people.iter().find(|p| p.person.slug == slug)
}

async fn fetch(file: &str) -> Result<String, String> {
    fetch_text(&links::href(format!("/{file}"))).await
}

/// The data of `team`, fetched unless this visit has it.
pub async fn load_team(team: &'static ListedTeam) -> Result<&'static SiteTeam, String> {
    if let Some(loaded) = team.loaded() {
        return Ok(loaded);
    }
    let body = fetch(&team.file).await?;
    let data = rota::team_file::decode(&body)
        .map_err(|e| format!("{}'s data file {} is damaged ({e})", team.name, team.file))?;
    Ok(team.keep(data))
}

/// The directory, fetched unless this visit has it.
pub async fn load_directory() -> Result<&'static Directory, String> {
    if let Some(directory) = directory() {
        return Ok(directory);
    }
    let file = org().map(|o| o.directory.as_str()).unwrap_or_default();
    let body = fetch(file).await?;
    let decoded = decode_directory(&body).map_err(|e| format!("the directory {file} is damaged ({e})"))?;
    Ok(DIRECTORY.get_or_init(|| decoded))
}

/// Waits for an organisation's directory (pipelines' text files, search), fetched unless this
/// visit has it; at once for a single team's site, whose code then has no directory fetch.
pub async fn directory_ready() -> Result<(), String> {
    #[cfg(rota_org)]
    load_directory().await?;
    Ok(())
}

/// The on-call table, fetched unless this visit has it.
pub async fn load_on_call() -> Result<&'static OnCallTable, String> {
    if let Some(table) = on_call() {
        return Ok(table);
    }
    let file = org().map(|o| o.on_call.as_str()).unwrap_or_default();
    let body = fetch(file).await?;
    let decoded = decode_on_call(&body).map_err(|e| format!("the on-call table {file} is damaged ({e})"))?;
    Ok(ON_CALL.get_or_init(|| decoded))
}

/// The team of pipeline (or runbook) `slug` with its data; `None` for a slug no team has.
pub async fn load_team_of_pipeline(slug: &str) -> Result<Option<&'static SiteTeam>, String> {
    let directory = load_directory().await?;
    match directory.pipelines.iter().find(|p| p.slug == slug).and_then(|p| teams().get(p.team)) {
        Some(team) => load_team(team).await.map(Some),
        None => Ok(None),
    }
}

/// [`load_team_of_pipeline`]'s answer when it needs no fetch.
pub fn team_of_pipeline_now(slug: &str) -> Option<Option<&'static SiteTeam>> {
    let directory = directory()?;
    match directory.pipelines.iter().find(|p| p.slug == slug).and_then(|p| teams().get(p.team)) {
        Some(team) => team.loaded().map(Some),
        None => Some(None),
    }
}

/// The teams person `slug` is in, with their data, in display order; `None` for someone the
/// directory does not have.
pub async fn load_teams_of(slug: &str) -> Result<Option<Vec<&'static SiteTeam>>, String> {
    let directory = load_directory().await?;
    let Some(person) = directory.people.iter().find(|p| p.person.slug == slug) else { return Ok(None) };
    let mut out = Vec::new();
    for team in person.teams.iter().filter_map(|&i| teams().get(i)) {
        out.push(load_team(team).await?);
    }
    Ok(Some(out))
}

/// [`load_teams_of`]'s answer when it needs no fetch.
pub fn teams_of_now(slug: &str) -> Option<Option<Vec<&'static SiteTeam>>> {
    let directory = directory()?;
    let Some(person) = directory.people.iter().find(|p| p.person.slug == slug) else { return Some(None) };
    person.teams.iter().filter_map(|&i| teams().get(i)).map(ListedTeam::loaded).collect::<Option<Vec<_>>>().map(Some)
}

/// Fetches what the page at `path` (below the site's base) shows, so it renders complete when
/// the app mounts. Failures are left to the page, which says what is missing and offers to try
/// again. (A single team's site never calls it: see `mount`.)
#[cfg_attr(not(rota_org), allow(dead_code))]
pub async fn preload(path: &str) {
    if org().is_none() {
        return;
    }
    let mut parts = path.trim_start_matches('/').split('/');
    match (parts.next().unwrap_or(""), parts.next()) {
        ("" | "index.html", _) => {
            let _ = load_on_call().await;
            let _ = load_directory().await;
        }
        ("teams", Some(slug)) => {
            if let Some(team) = team_by_slug(slug).filter(|_| !slug.is_empty()) {
                let _ = load_team(team).await;
            }
        }
        ("pipelines" | "runbooks", Some(slug)) => {
            let _ = load_team_of_pipeline(&slug.to_ascii_lowercase()).await;
        }
        ("people", Some(slug)) => {
            let _ = load_teams_of(&slug.to_ascii_lowercase()).await;
        }
        _ => {
            let _ = load_directory().await;
        }
    }
}
