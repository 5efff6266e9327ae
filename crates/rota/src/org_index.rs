//! What an organisation's site embeds: its teams' names and time zones, and where each of the
//! files the pages fetch is ([`crate::org_files`]).
//!
//! It is embedded as text, read when the site starts: as Rust code building each entry, it
//! cost the wasm of a 200-team organisation 8.8 kB brotli over a 3-team one; as text, 4.4 kB.
//!
//! ```
//! use rota::org_files::{decode_index, encode_index, OrgIndex, TeamEntry};
//! let index = OrgIndex {
//!     name: "Acme data".into(),
//!     teams: vec![TeamEntry {
//!         slug: "payments".into(),
//!         name: "Payments".into(),
//!         time_zone: chrono_tz::Europe::London,
//!         file: "data/teams/payments-0123456789abcdef.txt".into(),
//!     }],
//!     directory: "data/directory-0123456789abcdef.txt".into(),
//!     on_call: "data/on-call-0123456789abcdef.txt".into(),
//! };
//! let body = encode_index(&index);
//! assert_eq!(
//!     body,
//!     "rota-index 1\norg data/directory-0123456789abcdef.txt data/on-call-0123456789abcdef.txt Acme data\n\
//!      team payments Europe/London data/teams/payments-0123456789abcdef.txt Payments\n"
//! );
//! assert_eq!(decode_index(&body).unwrap(), index);
//! ```

use crate::line_format::{lines, rest, word};
use crate::text_files::TextFileError;

/// The first line of every index; a newer format changes the number.
const HEADER: &str = "rota-index 1";

/// What an organisation's site embeds: enough to list the teams and find every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgIndex {
    pub name: String,
    /// In the organisation's order.
    pub teams: Vec<TeamEntry>,
    /// The [`Directory`](crate::org_files::Directory)'s file, below the site's base.
    pub directory: String,
    /// The [`OnCallTable`](crate::org_files::OnCallTable)'s file, below the site's base.
    pub on_call: String,
}

/// One team of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamEntry {
    pub slug: String,
    pub name: String,
    /// Its time zone, in which its pages give times (the front page too, before its file is
    /// fetched).
    pub time_zone: chrono_tz::Tz,
    /// Its [`crate::team_file`], below the site's base.
    pub file: String,
}

/// The index as text: a line for the organisation, then one per team in its order.
pub fn encode_index(index: &OrgIndex) -> String {
    let mut out = format!("{HEADER}\norg");
    word(&mut out, &index.directory);
    word(&mut out, &index.on_call);
    rest(&mut out, &index.name);
    for team in &index.teams {
        out.push_str("team");
        word(&mut out, &team.slug);
        word(&mut out, team.time_zone.name());
        word(&mut out, &team.file);
        rest(&mut out, &team.name);
    }
    out
}

/// Reads an index; a line that cannot be read is an error naming it.
pub fn decode_index(body: &str) -> Result<OrgIndex, TextFileError> {
    let mut index =
        OrgIndex { name: String::new(), teams: Vec::new(), directory: String::new(), on_call: String::new() };
    let mut last_line = 1;
    let mut org_line = false;
    for (tag, mut f) in lines(body, HEADER, "rota index")? {
        let f = &mut f;
        last_line = f.line;
        match tag {
            "org" => {
                org_line = true;
                index.directory = f.word("directory")?;
                index.on_call = f.word("on-call table")?;
                index.name = f.rest("name")?;
            }
            "team" => index.teams.push(TeamEntry {
                slug: f.word("slug")?,
                time_zone: f.parse("time zone")?,
                file: f.word("file")?,
                name: f.rest("name")?,
            }),
            _ => return Err(f.fail(format!("unknown tag \"{tag}\""))),
        }
        f.end()?;
    }
    if !org_line {
        return Err(TextFileError { line: last_line + 1, reason: "no org line".into() });
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_without_its_org_line_or_with_a_bad_zone_is_an_error_naming_the_line() {
        let no_org = decode_index("rota-index 1\nteam a UTC data/teams/a.txt A\n").unwrap_err();
        assert_eq!((no_org.line, no_org.reason.as_str()), (3, "no org line"));
        let bad_zone = decode_index("rota-index 1\norg d o O\nteam a Mars/Base data/teams/a.txt A\n").unwrap_err();
        assert_eq!(bad_zone.line, 3);
        assert!(bad_zone.reason.contains("Mars/Base"), "{}", bad_zone.reason);
    }
}
