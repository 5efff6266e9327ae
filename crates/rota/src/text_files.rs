//! Runbook and description text, kept out of the site's first load.
//!
//! Most of a big team's data is prose: pipeline descriptions and runbooks. The Now view needs
//! none of it, so the site embeds [`TeamData::without_text`] and fetches the prose when a page
//! or the search box needs it, from files the build writes next to the site ([`text_files`]):
//!
//! * one file per pipeline, for its page and its runbook's page;
//! * one file with every pipeline's text, for full-text search.
//!
//! File names carry a hash of their content, so hosts and the service worker can keep them
//! forever, and a data edit changes only the files whose text changed. The format is a few
//! tagged lines, read without a JSON parser (which would cost the wasm more than the text):
//!
//! ```
//! use rota::text_files::{decode, encode};
//! let mut data = rota::what_if::doc_team();
//! data.pipelines.push(rota::Pipeline {
//!     slug: "aggregate-profit".into(),
//!     name: "Aggregate Profit".into(),
//!     area: "Finance".into(),
//!     audience: rota::Audience::Investor,
//!     primary: "alice".into(),
//!     secondary: "bob".into(),
//!     description: "Daily profit\nfor investors.".into(),
//! });
//! let text = encode(&data, "aggregate-profit").unwrap();
//! assert_eq!(text, "rota-text 1\npipeline aggregate-profit\ndescription Daily profit\\nfor investors.\n");
//! let decoded = decode(&text).unwrap();
//! assert_eq!(decoded[0].description, "Daily profit\nfor investors.");
//! assert_eq!(decoded[0].runbook, None);
//! assert_eq!(data.without_text().pipelines[0].description, "");
//! ```

use std::fmt::Write as _;

use crate::{FailurePoint, Runbook, TeamData};

/// The first line of every text file; a newer format changes the number.
const HEADER: &str = "rota-text 1";

/// A file the build writes next to the site: `name` is its path below the site's base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFile {
    pub name: String,
    pub body: String,
}

/// Every text file of `data`: each pipeline's, by slug, and then the search file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFiles {
    pub pipelines: Vec<(String, TextFile)>,
    pub search: TextFile,
}

/// The prose of one pipeline: its description and, when it has one, its whole runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineText {
    pub pipeline: String,
    pub description: String,
    pub runbook: Option<Runbook>,
}

/// A text file that cannot be read: the line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFileError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for TextFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for TextFileError {}

impl TeamData {
    /// The data without its prose (pipeline descriptions, runbook summaries, failure points'
    /// descriptions, signals and first checks), as the site embeds it; titles and symptoms stay
    /// (they are short), so lists, links and search by title or symptom work before any text is
    /// fetched.
    pub fn without_text(&self) -> TeamData {
        let mut data = self.clone();
        for pipeline in &mut data.pipelines {
            pipeline.description.clear();
        }
        for runbook in &mut data.runbooks {
            runbook.summary.clear();
            for point in &mut runbook.failure_points {
                point.description.clear();
                point.signals.clear();
                point.first_checks.clear();
            }
        }
        data
    }
}

impl TeamData {
    /// This data with the prose of `texts` put back (the site's search, once it has fetched
    /// the search file, indexes all of it).
    pub fn with_text(&self, texts: &[PipelineText]) -> TeamData {
        let mut data = self.clone();
        for text in texts {
            if let Some(pipeline) = data.pipelines.iter_mut().find(|p| p.slug == text.pipeline) {
                pipeline.description.clone_from(&text.description);
            }
            let runbook = text.runbook.as_ref();
            if let Some((slot, runbook)) =
                runbook.and_then(|r| Some((data.runbooks.iter_mut().find(|s| s.pipeline == r.pipeline)?, r)))
            {
                slot.clone_from(runbook);
            }
        }
        data
    }
}

/// The files to write for `data`, named by their content.
pub fn text_files(data: &TeamData) -> TextFiles {
    text_files_of([data])
}

/// The files to write for several teams (an organisation's): one per pipeline, as for one
/// team (slugs are unique across the organisation), and one search file with all of them.
pub fn text_files_of<'a>(teams: impl IntoIterator<Item = &'a TeamData>) -> TextFiles {
    let mut all = String::from(HEADER);
    all.push('\n');
    let mut pipelines = Vec::new();
    for data in teams {
        for p in &data.pipelines {
            let body = encode(data, &p.slug).unwrap_or_default();
            all.push_str(&body[HEADER.len() + 1..]);
            pipelines.push((
                p.slug.clone(),
                TextFile { name: hashed_name(&format!("text/pipelines/{}", p.slug), &body), body },
            ));
        }
    }
    TextFiles { pipelines, search: TextFile { name: hashed_name("text/search", &all), body: all } }
}

/// The text file of one pipeline; `None` for an unknown slug.
pub fn encode(data: &TeamData, slug: &str) -> Option<String> {
    let pipeline = data.pipeline(slug)?;
    let mut out = format!("{HEADER}\n");
    line(&mut out, "pipeline", &pipeline.slug);
    line(&mut out, "description", &pipeline.description);
    if let Some(runbook) = data.runbook(slug) {
        line(&mut out, "summary", &runbook.summary);
        for point in &runbook.failure_points {
            line(&mut out, "point", &point.slug);
            line(&mut out, "title", &point.title);
            line(&mut out, "text", &point.description);
            for symptom in &point.symptoms {
                line(&mut out, "symptom", symptom);
            }
            for signal in &point.signals {
                line(&mut out, "signal", signal);
            }
            for check in &point.first_checks {
                line(&mut out, "check", check);
            }
        }
    }
    Some(out)
}

/// Reads a pipeline's file or the search file: the pipelines' texts in file order.
pub fn decode(body: &str) -> Result<Vec<PipelineText>, TextFileError> {
    let mut lines = body.lines().enumerate().map(|(i, l)| (i + 1, l));
    match lines.next() {
        Some((_, HEADER)) => {}
        _ => return Err(TextFileError { line: 1, reason: format!("not a rota text file (expected \"{HEADER}\")") }),
    }
    let mut out: Vec<PipelineText> = Vec::new();
    for (number, raw) in lines {
        let fail = |reason: &str| TextFileError { line: number, reason: reason.to_string() };
        let (tag, value) = raw.split_once(' ').ok_or_else(|| fail("expected a tag and a value"))?;
        let value = unescape(value).ok_or_else(|| fail("bad escape"))?;
        if tag == "pipeline" {
            out.push(PipelineText { pipeline: value, description: String::new(), runbook: None });
            continue;
        }
        let text = out.last_mut().ok_or_else(|| fail("text before its pipeline"))?;
        match tag {
            "description" => text.description = value,
            "summary" => {
                text.runbook =
                    Some(Runbook { pipeline: text.pipeline.clone(), summary: value, failure_points: Vec::new() })
            }
            _ => {
                let points =
                    &mut text.runbook.as_mut().ok_or_else(|| fail("failure point outside a runbook"))?.failure_points;
                if tag == "point" {
                    points.push(FailurePoint {
                        slug: value,
                        title: String::new(),
                        description: String::new(),
                        symptoms: Vec::new(),
                        signals: Vec::new(),
                        first_checks: Vec::new(),
                    });
                    continue;
                }
                let point = points.last_mut().ok_or_else(|| fail("text before its failure point"))?;
                match tag {
                    "title" => point.title = value,
                    "text" => point.description = value,
                    "symptom" => point.symptoms.push(value),
                    "signal" => point.signals.push(value),
                    "check" => point.first_checks.push(value),
                    _ => return Err(fail(&format!("unknown tag \"{tag}\""))),
                }
            }
        }
    }
    Ok(out)
}

pub(crate) fn line(out: &mut String, tag: &str, value: &str) {
    out.push_str(tag);
    out.push(' ');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\n');
}

/// Undoes the escapes of [`line`] (and `\s`, a space inside a field of
/// [`crate::line_format`]); `None` for an unknown or unfinished escape.
pub(crate) fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            's' => ' ',
            _ => return None,
        });
    }
    Some(out)
}

/// `stem-<16 hex digits>.txt`, the digits a 64-bit FNV-1a hash of `body`: stable on every
/// machine and build, and cheap (it names files for caching; it is not a security measure).
pub(crate) fn hashed_name(stem: &str, body: &str) -> String {
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut name = format!("{stem}-");
    let _ = write!(name, "{hash:016x}.txt");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        // From the FNV reference test suite: "" and "a".
        assert_eq!(hashed_name("x", ""), "x-cbf29ce484222325.txt");
        assert_eq!(hashed_name("x", "a"), "x-af63dc4c8601ec8c.txt");
    }

    #[test]
    fn escapes_survive_a_round_trip() {
        let mut out = String::new();
        line(&mut out, "text", "a\\n is not\na newline\r\n");
        assert_eq!(out, "text a\\\\n is not\\na newline\\r\\n\n");
        assert_eq!(unescape("a\\\\n is not\\na newline\\r\\n").unwrap(), "a\\n is not\na newline\r\n");
        assert_eq!(unescape("bad \\t"), None);
    }
}
