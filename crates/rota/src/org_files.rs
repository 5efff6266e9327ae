//! The files of an organisation's site: a small index embedded in the wasm, and what the
//! pages fetch when they open.
//!
//! At 200 teams, embedding every team's data made an 11 MB wasm. Instead the build embeds
//! an [`OrgIndex`] (the teams' names and where their files are) and writes next to the site:
//!
//! * one file per team, its [`TeamData`] without its prose ([`crate::team_file`]);
//! * the [`Directory`]: every person and the teams they are in, every pipeline and its team,
//!   for the people and pipelines pages and search;
//! * the [`OnCallTable`]: who is on call for every team, for the organisation's Now page.
//!
//! Names carry a hash of the content, like the text files ([`crate::text_files`]).
//!
//! ```
//! use rota::org_files::{decode_directory, Directory, DirectoryPerson, DirectoryPipeline};
//! let person = rota::Person { slug: "bob".into(), name: "Bob B.".into(), contacts: vec![], contact: None };
//! let directory = Directory {
//!     people: vec![DirectoryPerson { person, teams: vec![0, 2] }],
//!     pipelines: vec![DirectoryPipeline {
//!         slug: "loader".into(),
//!         name: "Warehouse loader".into(),
//!         team: 2,
//!         text_file: "text/pipelines/loader-0123456789abcdef.txt".into(),
//!     }],
//! };
//! let body = rota::org_files::encode_directory(&directory);
//! assert_eq!(
//!     body,
//!     "rota-directory 1\nperson bob - 0,2 Bob B.\npipeline loader 2 text/pipelines/loader-0123456789abcdef.txt Warehouse loader\n"
//! );
//! assert_eq!(decode_directory(&body).unwrap(), directory);
//! ```

use chrono::{DateTime, Duration, Utc};

use crate::line_format::{contact, lines, num, opt, read_contact, rest, word};
use crate::text_files::{hashed_name, TextFile, TextFileError};
use crate::{Organisation, Person, TeamData};

pub use crate::on_call_table::{decode_on_call, OnCallTable, TableStretch};
pub use crate::org_index::{decode_index, encode_index, OrgIndex, TeamEntry};

/// The first line of every directory; a newer format changes the number.
const HEADER: &str = "rota-directory 1";

/// How far the on-call table reaches before and after the build, like the API's stretches.
pub const TABLE_WEEKS_BEFORE: i64 = 8;
pub const TABLE_WEEKS_AFTER: i64 = 104;

/// Everyone and every pipeline of the organisation, and whose they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub people: Vec<DirectoryPerson>,
    pub pipelines: Vec<DirectoryPipeline>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryPerson {
    pub person: Person,
    /// The teams they are an engineer of, by position in the organisation's order.
    pub teams: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryPipeline {
    pub slug: String,
    pub name: String,
    /// Its team's position in the organisation's order.
    pub team: usize,
    /// Its [`crate::text_files`] file, below the site's base.
    pub text_file: String,
}

/// Every file of an organisation's site besides the text files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFiles {
    pub index: OrgIndex,
    /// In the organisation's order.
    pub teams: Vec<TextFile>,
    pub directory: TextFile,
    pub on_call: TextFile,
}

/// The files of `org`'s site built at `built_at` (which places the on-call table).
pub fn org_files(org: &Organisation, built_at: DateTime<Utc>) -> OrgFiles {
    let teams: Vec<TextFile> = org
        .teams
        .iter()
        .map(|t| {
            let body = crate::team_file::encode(&t.data.without_text());
            TextFile { name: hashed_name(&format!("data/teams/{}", t.slug), &body), body }
        })
        .collect();
    let body = encode_directory(&directory(org));
    let directory = TextFile { name: hashed_name("data/directory", &body), body };
    let data: Vec<&TeamData> = org.teams.iter().map(|t| &t.data).collect();
    let from = built_at - Duration::weeks(TABLE_WEEKS_BEFORE);
    let table = OnCallTable::new(&data, from, built_at + Duration::weeks(TABLE_WEEKS_AFTER));
    let body = crate::on_call_table::encode(&table);
    let on_call = TextFile { name: hashed_name("data/on-call", &body), body };
    let index = OrgIndex {
        name: org.name.clone(),
        teams: org
            .teams
            .iter()
            .zip(&teams)
            .map(|(t, file)| TeamEntry {
                slug: t.slug.clone(),
                name: t.data.inputs.team.name.clone(),
                time_zone: t.data.inputs.team.time_zone,
                file: file.name.clone(),
            })
            .collect(),
        directory: directory.name.clone(),
        on_call: on_call.name.clone(),
    };
    OrgFiles { index, teams, directory, on_call }
}

/// The directory of `org`: its people in its order, its pipelines team by team, each
/// naming its text file.
pub fn directory(org: &Organisation) -> Directory {
    let texts = crate::text_files::text_files_of(org.teams.iter().map(|t| &t.data));
    let people = org
        .people
        .iter()
        .map(|p| DirectoryPerson {
            person: p.clone(),
            teams: (0..org.teams.len()).filter(|&i| org.teams[i].data.engineer(&p.slug).is_some()).collect(),
        })
        .collect();
    let mut pipelines = Vec::new();
    for (team, t) in org.teams.iter().enumerate() {
        for p in &t.data.pipelines {
            let text_file = texts.pipelines.iter().find(|(slug, _)| *slug == p.slug).map(|(_, f)| f.name.clone());
            pipelines.push(DirectoryPipeline {
                slug: p.slug.clone(),
                name: p.name.clone(),
                team,
                text_file: text_file.unwrap_or_default(),
            });
        }
    }
    Directory { people, pipelines }
}

/// The directory as a file: a line per person (then their contacts) and per pipeline.
pub fn encode_directory(directory: &Directory) -> String {
    let mut out = format!("{HEADER}\n");
    for p in &directory.people {
        out.push_str("person");
        word(&mut out, &p.person.slug);
        opt(&mut out, p.person.contact.as_deref());
        let teams: Vec<String> = p.teams.iter().map(usize::to_string).collect();
        word(&mut out, &teams.join(","));
        rest(&mut out, &p.person.name);
        for c in &p.person.contacts {
            contact(&mut out, "contact", c);
        }
    }
    for p in &directory.pipelines {
        out.push_str("pipeline");
        word(&mut out, &p.slug);
        num(&mut out, p.team);
        word(&mut out, &p.text_file);
        rest(&mut out, &p.name);
    }
    out
}

/// Reads a directory; a line that cannot be read is an error naming it.
pub fn decode_directory(body: &str) -> Result<Directory, TextFileError> {
    let mut directory = Directory { people: Vec::new(), pipelines: Vec::new() };
    for (tag, mut f) in lines(body, HEADER, "rota directory")? {
        let f = &mut f;
        match tag {
            "person" => {
                let slug = f.word("slug")?;
                let contact = f.opt("contact note")?;
                let teams = f.word("teams")?;
                let teams = match teams.as_str() {
                    "" => Vec::new(),
                    list => {
                        list.split(',').map(str::parse).collect::<Result<_, _>>().map_err(|_| f.fail("bad teams"))?
                    }
                };
                let name = f.rest("name")?;
                directory
                    .people
                    .push(DirectoryPerson { person: Person { slug, name, contacts: Vec::new(), contact }, teams });
            }
            "contact" => {
                let c = read_contact(f)?;
                let person = directory.people.last_mut().ok_or_else(|| f.fail("a contact before its person"))?;
                person.person.contacts.push(c);
            }
            "pipeline" => directory.pipelines.push(DirectoryPipeline {
                slug: f.word("slug")?,
                team: f.parse("team")?,
                text_file: f.word("text file")?,
                name: f.rest("name")?,
            }),
            _ => return Err(f.fail(format!("unknown tag \"{tag}\""))),
        }
        f.end()?;
    }
    Ok(directory)
}
