//! The pages of the site, as paths below its base. The app's router serves exactly these
//! (plus query strings and fragments), and the static export writes an `index.html` for each,
//! so a refresh or a cold link works on a plain file server without rewrite rules.

use crate::{Organisation, TeamData};

/// Every page path, e.g. `/`, `/schedule`, `/pipelines/aggregate-profit`, `/runbooks/…`.
///
/// ```
/// let paths = rota::site_paths(&rota::what_if::doc_team());
/// assert!(paths.contains(&"/people/alice".to_string()));
/// ```
pub fn site_paths(data: &TeamData) -> Vec<String> {
    let mut paths: Vec<String> =
        ["/", "/schedule", "/pipelines", "/runbooks", "/people", "/fairness"].map(String::from).to_vec();
    paths.extend(data.pipelines.iter().map(|p| format!("/pipelines/{}", p.slug)));
    paths.extend(data.runbooks.iter().map(|r| format!("/runbooks/{}", r.pipeline)));
    paths.extend(data.inputs.engineers.iter().map(|e| format!("/people/{}", e.slug)));
    paths
}

/// Every page path of an organisation's site: its front page and lists, each team's pages
/// under `/teams/<team>/` (`/teams/<team>/` itself is the team's Now view), and the pipelines,
/// runbooks and people, whose slugs are unique across the organisation.
///
/// ```
/// let org = rota::Organisation {
///     name: "Example".into(),
///     teams: vec![rota::OrgTeam { slug: "data".into(), data: rota::what_if::doc_team() }],
///     people: vec![rota::Person { slug: "alice".into(), name: "Alice".into(), contacts: vec![], contact: None }],
/// };
/// let paths = rota::org_site_paths(&org);
/// assert_eq!(&paths[..4], ["/", "/pipelines", "/runbooks", "/people"]);
/// assert!(paths.contains(&"/teams/data/schedule".to_string()));
/// assert!(paths.contains(&"/people/alice".to_string()));
/// ```
pub fn org_site_paths(org: &Organisation) -> Vec<String> {
    let mut paths: Vec<String> = ["/", "/pipelines", "/runbooks", "/people"].map(String::from).to_vec();
    for team in &org.teams {
        let prefix = format!("/teams/{}", team.slug);
        paths.push(format!("{prefix}/"));
        paths
            .extend(["schedule", "pipelines", "runbooks", "people", "fairness"].map(|page| format!("{prefix}/{page}")));
    }
    for team in &org.teams {
        paths.extend(team.data.pipelines.iter().map(|p| format!("/pipelines/{}", p.slug)));
        paths.extend(team.data.runbooks.iter().map(|r| format!("/runbooks/{}", r.pipeline)));
    }
    paths.extend(org.people.iter().map(|p| format!("/people/{}", p.slug)));
    paths
}

/// The path of a deployment's base URL without its trailing slash: "" at a host's root,
/// "/oncall" under a subpath; `url` may be a path (`--public-url /oncall/`) or a full URL
/// (the page's `<base href>`). Links are this followed by a site path.
///
/// ```
/// assert_eq!(rota::base_path("/"), "");
/// assert_eq!(rota::base_path("/oncall/"), "/oncall");
/// assert_eq!(rota::base_path("/oncall"), "/oncall");
/// assert_eq!(rota::base_path("https://example.org/oncall/"), "/oncall");
/// assert_eq!(rota::base_path("https://example.org"), "");
/// ```
pub fn base_path(url: &str) -> &str {
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => url,
    };
    path.trim_end_matches('/')
}
