//! Instant, offline search over teams, pipelines, runbook failure points and people.

use rota::org_files::Directory;
use rota::text_files::PipelineText;
use rota::{Runbook, TeamData};

use crate::links;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchEntry {
    /// What the result is, e.g. "Pipeline", "Failure point · Aggregate Growth", "Person".
    pub kind: String,
    pub title: String,
    pub href: String,
    /// Lowercased text the query is matched against; the title first.
    haystack: String,
    title_lower: String,
}

impl SearchEntry {
    fn new(kind: String, title: &str, text: &[&str], href: String) -> SearchEntry {
        let mut haystack = title.to_lowercase();
        for part in text {
            haystack.push('\n');
            haystack.push_str(&part.to_lowercase());
        }
        SearchEntry { kind, title: title.to_string(), href, haystack, title_lower: title.to_lowercase() }
    }
}

/// One team's part of the index: its data and, in an organisation, its name and page.
pub struct IndexedTeam<'a> {
    pub data: &'a TeamData,
    pub team: Option<(&'a str, String)>,
}

/// Everything searchable, in the order results are shown on equal rank: teams (in an
/// organisation), pipelines, failure points, then people, each person once.
pub fn build_index(teams: &[IndexedTeam]) -> Vec<SearchEntry> {
    let mut entries = Vec::new();
    for t in teams {
        if let Some((name, path)) = &t.team {
            entries.push(SearchEntry::new("Team".into(), name, &[], path.clone()));
        }
    }
    for t in teams {
        add_content(&mut entries, t);
    }
    let mut people: Vec<&str> = Vec::new();
    for t in teams {
        for e in &t.data.inputs.engineers {
            if people.contains(&e.slug.as_str()) {
                continue;
            }
            people.push(&e.slug);
            // What they own in every team, so any of their pipelines finds them.
            let owns: Vec<&str> = teams
                .iter()
                .flat_map(|t| &t.data.pipelines)
                .filter(|p| p.primary == e.slug || p.secondary == e.slug)
                .map(|p| p.name.as_str())
                .collect();
            let owns = owns.join(", ");
            entries.push(SearchEntry::new("Person".into(), &e.name, &[&e.slug, &owns], links::person(&e.slug)));
        }
    }
    entries
}

/// A team's pipelines and failure points.
fn add_content(entries: &mut Vec<SearchEntry>, team: &IndexedTeam) {
    let data = team.data;
    let in_team = team.team.as_ref().map(|(name, _)| format!(" · {name}")).unwrap_or_default();
    for p in &data.pipelines {
        entries.push(SearchEntry::new(
            format!("Pipeline{in_team}"),
            &p.name,
            &[&p.slug, &p.area, &p.description],
            links::pipeline(&p.slug),
        ));
    }
    for r in &data.runbooks {
        let pipeline = data.pipeline(&r.pipeline).map_or(r.pipeline.as_str(), |p| p.name.as_str());
        add_failure_points(entries, pipeline, r);
    }
}

fn add_failure_points(entries: &mut Vec<SearchEntry>, pipeline: &str, runbook: &Runbook) {
    for f in &runbook.failure_points {
        // Symptoms are the words an alert uses ("numbers look doubled"), embedded with the
        // titles, so they are found before the prose arrives.
        let mut text = vec![f.slug.as_str()];
        text.extend(f.symptoms.iter().map(String::as_str));
        text.push(f.description.as_str());
        text.extend(f.signals.iter().map(String::as_str));
        text.extend(f.first_checks.iter().map(String::as_str));
        entries.push(SearchEntry::new(
            format!("Failure point · {pipeline}"),
            &f.title,
            &text,
            links::failure_point(&runbook.pipeline, &f.slug),
        ));
    }
}

/// An organisation's index without any team's data: its teams (`(name, page)`), then, once
/// fetched, every pipeline and person of its directory and the failure points of its search
/// file's runbooks.
pub fn build_org_index(
    teams: &[(&str, String)],
    directory: Option<&Directory>,
    texts: &[PipelineText],
) -> Vec<SearchEntry> {
    let mut entries: Vec<SearchEntry> =
        teams.iter().map(|(name, path)| SearchEntry::new("Team".into(), name, &[], path.clone())).collect();
    let Some(directory) = directory else { return entries };
    // The search file lists the pipelines in the directory's order, so each is looked for at
    // its own position first (at 5,000 pipelines, searching from the start every time made
    // tens of millions of comparisons before the first search).
    for (i, p) in directory.pipelines.iter().enumerate() {
        let team = teams.get(p.team).map_or("", |(name, _)| name);
        let description = at_or_find(texts, i, |t| t.pipeline == p.slug).map_or("", |t| t.description.as_str());
        entries.push(SearchEntry::new(
            format!("Pipeline · {team}"),
            &p.name,
            &[&p.slug, description],
            links::pipeline(&p.slug),
        ));
    }
    for (i, text) in texts.iter().enumerate() {
        if let Some(runbook) = &text.runbook {
            let pipeline = at_or_find(&directory.pipelines, i, |p| p.slug == text.pipeline);
            add_failure_points(&mut entries, pipeline.map_or(text.pipeline.as_str(), |p| p.name.as_str()), runbook);
        }
    }
    for p in &directory.people {
        let person = &p.person;
        entries.push(SearchEntry::new("Person".into(), &person.name, &[&person.slug], links::person(&person.slug)));
    }
    entries
}

/// The item of `items` that `is`, looked for at position `at` first.
fn at_or_find<T>(items: &[T], at: usize, is: impl Fn(&T) -> bool) -> Option<&T> {
    items.get(at).filter(|item| is(item)).or_else(|| items.iter().find(|item| is(item)))
}

/// Entries containing every word of `query` (case-insensitive), title matches first.
pub fn search<'a>(index: &'a [SearchEntry], query: &str, limit: usize) -> Vec<&'a SearchEntry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &SearchEntry)> = index
        .iter()
        .filter(|e| words.iter().all(|w| e.haystack.contains(w.as_str())))
        .map(|e| {
            let rank = if e.title_lower.starts_with(words[0].as_str()) {
                0
            } else if words.iter().all(|w| e.title_lower.contains(w.as_str())) {
                1
            } else {
                2
            };
            (rank, e)
        })
        .collect();
    hits.sort_by_key(|(rank, _)| *rank);
    hits.into_iter().take(limit).map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_team(data: &TeamData) -> Vec<SearchEntry> {
        build_index(&[IndexedTeam { data, team: None }])
    }

    fn data_folder() -> TeamData {
        rota::load::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
    }

    /// The index once the search file has been fetched: the data folder with all its prose.
    fn full_index() -> Vec<SearchEntry> {
        one_team(&data_folder())
    }

    fn titles(query: &str) -> Vec<String> {
        search(&full_index(), query, 10).into_iter().map(|e| e.title.clone()).collect()
    }

    #[test]
    fn before_the_prose_arrives_titles_and_names_are_found_and_prose_is_not() {
        let index = one_team(&data_folder().without_text());
        let first = |q| search(&index, q, 10).into_iter().map(|e| e.title.clone()).collect::<Vec<_>>();
        assert_eq!(first("schema"), ["Schema Drift"]);
        assert_eq!(first("diana"), ["Diana"]);
        assert!(first("utc local").is_empty(), "words of a description only");
        assert_eq!(first("doubled"), ["Duplicate User IDs"], "symptoms are embedded");
    }

    #[test]
    fn finds_failure_points_by_title_and_text() {
        assert_eq!(titles("schema"), ["Schema Drift"]);
        // "bot" is in the title of one failure point and nowhere else.
        assert_eq!(titles("BOT"), ["Bot or Spam Traffic"]);
        // Words anywhere in the description, all of them required.
        assert_eq!(titles("utc local"), ["Incorrect Time Windows"]);
    }

    #[test]
    fn finds_people_and_pipelines_and_links_to_them() {
        let index = full_index();
        let diana = search(&index, "diana", 10);
        assert_eq!(diana[0].href, "/people/diana");
        let growth: Vec<&str> = search(&index, "growth", 10).iter().map(|e| e.href.as_str()).collect();
        assert_eq!(&growth[..2], ["/pipelines/aggregate-growth", "/pipelines/daily-growth"]);
        let drift = search(&index, "schema drift", 1);
        assert_eq!(drift[0].href, "/runbooks/aggregate-profit#schema-drift");
    }

    #[test]
    fn an_alert_s_words_find_failure_points_by_their_symptoms() {
        assert_eq!(titles("doubled"), ["Duplicate User IDs"]);
        assert_eq!(titles("growth too high"), ["Duplicate User IDs", "Bot or Spam Traffic"]);
        assert_eq!(titles("stale"), ["Data Latency", "Infrastructure Outage"]);
    }

    /// An organisation's index: its teams, every team's pipelines (saying whose), and each
    /// person once, whichever teams they are in.
    #[test]
    fn an_organisation_s_teams_pipelines_and_people_are_found_each_person_once() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/org");
        let org = match rota::load::load_any(&dir).unwrap() {
            rota::SiteData::Org(org) => org,
            rota::SiteData::Team(_) => unreachable!("examples/org is an organisation"),
        };
        let teams: Vec<(&str, String)> =
            org.teams.iter().map(|t| (t.data.inputs.team.name.as_str(), format!("/teams/{}/", t.slug))).collect();
        // What the site fetches: the directory, and the search file's texts.
        let search_file = rota::text_files::text_files_of(org.teams.iter().map(|t| &t.data)).search;
        let texts = rota::text_files::decode(&search_file.body).unwrap();
        let directory = rota::org_files::directory(&org);
        assert_eq!(build_org_index(&teams, None, &texts).len(), 3, "the teams alone, before the directory arrives");
        let index = build_org_index(&teams, Some(&directory), &texts);
        let found = |q| search(&index, q, 10).into_iter().map(|e| (e.kind.clone(), e.href.clone())).collect::<Vec<_>>();
        assert_eq!(found("platform")[0], ("Team".to_string(), "/teams/platform/".to_string()));
        assert_eq!(
            found("warehouse")[0],
            ("Pipeline · Platform".to_string(), "/pipelines/warehouse-loader".to_string())
        );
        assert_eq!(found("bob"), [("Person".to_string(), "/people/bob".to_string())]);
        assert_eq!(found("partition")[0].1, "/runbooks/warehouse-loader#late-partition");
    }

    #[test]
    fn empty_or_unknown_queries_find_nothing() {
        assert!(titles("   ").is_empty());
        assert!(titles("kubernetes").is_empty());
    }
}
