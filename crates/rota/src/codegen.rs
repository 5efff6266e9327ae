//! Emits validated [`TeamData`] as Rust source, so the site and the CLI embed the team's data
//! as plain constructors: no JSON parser in the wasm, and bad data never reaches a browser.
//!
//! Build scripts call [`embed_data_dir`] on [`data_dir`]; the generated file defines
//! `pub fn team_data() -> TeamData`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};
use chrono_tz::Tz;

use crate::load::{load_any, DATA_FILES, OPTIONAL_DATA_FILES};
use crate::model::*;
use crate::SiteData;
use crate::WeekId;

/// The environment variable that makes the build scripts embed another data folder.
pub const DATA_DIR_VAR: &str = "ROTA_DATA_DIR";

/// For build scripts: the data folder to embed, `default` unless `ROTA_DATA_DIR` names another
/// one (used to try a changed copy of the data, and by tests to check that bad data stops the
/// build). A relative `ROTA_DATA_DIR` is taken from the directory of the package being built,
/// so prefer an absolute path.
pub fn data_dir(default: &Path) -> PathBuf {
    println!("cargo:rerun-if-env-changed={DATA_DIR_VAR}");
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => default.to_path_buf(),
    }
}

/// Warnings a build prints before saying how many more there are.
const MAX_BUILD_WARNINGS: usize = 20;

/// Where a build puts the data's prose (pipeline descriptions and runbooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// In the generated code, with the rest (the CLI, which writes the text files).
    Embedded,
    /// In text files fetched on demand (the site; see [`crate::text_files`]): the generated
    /// code has the data [`without_text`](TeamData::without_text), and the files' names.
    Fetched,
}

/// For build scripts: validates `data_dir` and writes `out_file`, or stops the build listing
/// every problem (file, JSON pointer, reason). Warnings are printed and do not stop it.
pub fn embed_data_dir(data_dir: &Path, out_file: &Path, prose: Prose) {
    println!("cargo:rerun-if-changed={}", data_dir.display());
    for file in DATA_FILES.iter().chain(&OPTIONAL_DATA_FILES) {
        println!("cargo:rerun-if-changed={}", data_dir.join(file).display());
    }
    let data = match load_any(data_dir) {
        Ok(data) => data,
        Err(errors) => {
            eprintln!("\nThe team data is invalid; fix these and build again:\n{errors}\n");
            std::process::exit(1);
        }
    };
    let warnings = match &data {
        SiteData::Team(team) => crate::check_warnings::warnings(data_dir, team),
        SiteData::Org(org) => {
            let now = crate::build_time::from_env().unwrap_or_default();
            crate::check_warnings::org_warnings(data_dir, org, now)
        }
    };
    // An organisation may have thousands (every clash is one); the build log shows the first.
    for warning in warnings.iter().take(MAX_BUILD_WARNINGS) {
        println!("cargo:warning={warning}");
    }
    if warnings.len() > MAX_BUILD_WARNINGS {
        println!(
            "cargo:warning=… and {} more warnings: `rota check --data {}` lists them all",
            warnings.len() - MAX_BUILD_WARNINGS,
            data_dir.display()
        );
    }
    let built_at = crate::build_time::from_env().unwrap_or_else(|reason| {
        eprintln!("\n{reason}\n");
        std::process::exit(1);
    });
    if let Err(e) = std::fs::write(out_file, generated_source(&data, prose, built_at)) {
        eprintln!("cannot write {}: {e}", out_file.display());
        std::process::exit(1);
    }
}

/// Whether a team of the data folder (a single team's, or any of an organisation's) runs
/// layers beside its rotation (`layers` or `primary_layer` in its `team.json`). A site whose
/// teams have none compiles without their views (`cfg(rota_layers)`), so its first load does
/// not pay for them. Unreadable data counts as none: [`embed_data_dir`] reports it.
pub fn uses_layers(data_dir: &Path) -> bool {
    let read =
        |path: &Path| -> Option<serde_json::Value> { serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok() };
    let layered = |team_dir: &Path| {
        read(&team_dir.join("team.json")).is_some_and(|team| {
            team.get("primary_layer").is_some()
                || team.get("layers").and_then(|l| l.as_array()).is_some_and(|l| !l.is_empty())
        })
    };
    match read(&data_dir.join(crate::load::ORG_FILE)) {
        Some(org) => org["teams"].as_array().is_some_and(|teams| {
            teams.iter().filter_map(|t| t.as_str()).any(|t| layered(&data_dir.join("teams").join(t)))
        }),
        None => layered(data_dir),
    }
}

/// The Rust source a build embeds for `data`:
///
/// * [`Prose::Embedded`]: [`site_source`] (the CLI).
/// * [`Prose::Fetched`], one team: [`site_source`] of the data without its prose, and the
///   text files' names ([`text_file_names`]).
/// * [`Prose::Fetched`], an organisation: only its index, `pub const ORG_INDEX: &str`, and
///   `pub const SEARCH_TEXT_FILE: &str`; the pages fetch the rest (see [`crate::org_files`]). `built_at` places the on-call table, so its name is
///   the one `rota text` writes in the same build.
pub fn generated_source(data: &SiteData, prose: Prose, built_at: chrono::DateTime<chrono::Utc>) -> String {
    let texts = || crate::text_files::text_files_of(data.teams().into_iter().map(|(_, team)| team));
    match (prose, data) {
        (Prose::Embedded, _) => site_source(data),
        (Prose::Fetched, SiteData::Team(_)) => site_source(&data.without_text()) + &text_file_names(&texts()),
        (Prose::Fetched, SiteData::Org(org)) => {
            let files = crate::org_files::org_files(org, built_at);
            org_index_source(&files.index, &texts().search.name)
        }
    }
}

/// Rust source defining `pub const ORG_INDEX: &str` (the [`OrgIndex`](crate::org_files::OrgIndex)
/// as text, see [`crate::org_files::encode_index`]) and `pub const SEARCH_TEXT_FILE: &str`.
pub fn org_index_source(index: &crate::org_files::OrgIndex, search_text_file: &str) -> String {
    format!(
        "// Generated by rota::codegen from the data folder. Do not edit.\n\
         /// The organisation's index (`rota::org_files::decode_index`).\n\
         pub const ORG_INDEX: &str = {:?};\n\
         /// Every pipeline's text, for search.\n\
         pub const SEARCH_TEXT_FILE: &str = {search_text_file:?};\n",
        crate::org_files::encode_index(index)
    )
}

/// Rust source defining `pub fn site_data() -> ::rota::SiteData`; for a single team also
/// `pub fn team_data() -> ::rota::TeamData`, for an organisation one function per team.
pub fn site_source(data: &SiteData) -> String {
    match data {
        SiteData::Team(team) => {
            rust_source(team)
                + "#[allow(dead_code)]\npub fn site_data() -> ::rota::SiteData {\n    ::rota::SiteData::Team(team_data())\n}\n"
        }
        SiteData::Org(org) => {
            let mut out = String::new();
            let mut teams = String::new();
            for (i, team) in org.teams.iter().enumerate() {
                out.push_str(&team_source(&format!("org_team_{i}"), &team.data));
                let _ = write!(teams, "OrgTeam {{ slug: {}, data: org_team_{i}() }}, ", s(&team.slug));
            }
            let _ = writeln!(
                out,
                "#[rustfmt::skip]\n#[allow(clippy::all, unused_imports, dead_code)]\npub fn site_data() -> ::rota::SiteData {{\n    use ::rota::*;\n    SiteData::Org(Organisation {{ name: {}, teams: vec![{teams}], people: {} }})\n}}",
                s(&org.name),
                list(&org.people, |p| format!(
                    "Person {{ slug: {}, name: {}, contacts: {}, contact: {} }}",
                    s(&p.slug),
                    s(&p.name),
                    list(&p.contacts, contact),
                    opt(&p.contact)
                ))
            );
            out
        }
    }
}

/// Rust source defining `pub fn team_data() -> ::rota::TeamData`.
pub fn rust_source(data: &TeamData) -> String {
    team_source("team_data", data)
}

/// Rust source defining `pub fn <name>() -> ::rota::TeamData`.
fn team_source(name: &str, data: &TeamData) -> String {
    let mut out = String::from("// Generated by rota::codegen from the data folder. Do not edit.\n");
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\n#[allow(clippy::all, unused_imports)]\npub fn {name}() -> ::rota::TeamData {{"
    );
    out.push_str("    use ::rota::*;\n    use ::rota::embedded::{date, minute, time};\n");
    out.push_str("    TeamData {\n        inputs: ::std::sync::Arc::new(ScheduleInputs {\n");
    let inputs = &data.inputs;
    let t = &inputs.team;
    let _ = writeln!(
        out,
        "        team: Team {{ name: {}, time_zone: {}, handoff: Handoff {{ weekday: {}, time: {} }}, epoch: {}, rotation: {}, calendar: {}, reminders: {}, fallback_contacts: {}, layers: {} }},",
        s(&t.name),
        zone(t.time_zone),
        weekday(t.handoff.weekday),
        time(t.handoff.time),
        date(t.epoch),
        list(&t.rotation, |x| s(x)),
        opt(&t.calendar),
        list(&t.reminders, |r| format!("Reminder::minutes_before({})", r.minutes())),
        list(&t.fallback_contacts, contact),
        layers(&t.layers),
    );
    let _ = writeln!(
        out,
        "        engineers: {},",
        list(&inputs.engineers, |e| format!(
            "Engineer {{ slug: {}, name: {}, contacts: {}, contact: {}, calendar: {}, backup: {} }}",
            s(&e.slug),
            s(&e.name),
            list(&e.contacts, contact),
            opt(&e.contact),
            opt(&e.calendar),
            s(&e.backup)
        ))
    );
    let _ = writeln!(
        out,
        "        calendars: {},",
        list(&inputs.calendars, |c| format!(
            "HolidayCalendar {{ slug: {}, name: {}, rules: {}, one_off: {} }}",
            s(&c.slug),
            s(&c.name),
            list(&c.rules, |r| format!(
                "HolidayRule {{ name: {}, date: {}, observed: {} }}",
                s(&r.name),
                holiday_date(r.date),
                r.observed
            )),
            list(&c.one_off, |o| format!("OneOffHoliday {{ date: {}, name: {} }}", date(o.date), s(&o.name)))
        ))
    );
    let _ = writeln!(
        out,
        "        leave: {},",
        list(&inputs.leave, |l| format!(
            "Leave {{ engineer: {}, from: {}, to: {}, note: {} }}",
            s(&l.engineer),
            date(l.from),
            date(l.to),
            opt(&l.note)
        ))
    );
    let _ = writeln!(
        out,
        "        decisions: {},",
        list(&inputs.decisions, |d| format!("Decision {{ week: {}, note: {} }}", week(d.week), opt(&d.note)))
    );
    let _ = writeln!(
        out,
        "        roster_changes: {},",
        list(&inputs.roster_changes, |c| format!(
            "RosterChange {{ from: {}, rotation: {}, note: {} }}",
            week(c.from),
            list(&c.rotation, |x| s(x)),
            opt(&c.note)
        ))
    );
    let _ = writeln!(
        out,
        "        covers: {},",
        list(&inputs.covers, |c| format!(
            "Cover {{ engineer: {}, from: {}, to: {}, note: {} }}",
            s(&c.engineer),
            minute(c.from),
            minute(c.to),
            opt(&c.note)
        ))
    );
    let _ = writeln!(
        out,
        "        trades: {},",
        list(&inputs.trades, |t| format!(
            "Trade {{ weeks: [{}, {}], engineers: [{}, {}], note: {} }}",
            week(t.weeks[0]),
            week(t.weeks[1]),
            s(&t.engineers[0]),
            s(&t.engineers[1]),
            opt(&t.note)
        ))
    );
    let _ = writeln!(
        out,
        "        elsewhere: {},",
        list(&inputs.elsewhere, |e| {
            format!(
            "OnCallElsewhere {{ engineer: {}, team: {}, team_slug: {}, team_index: {}, week: {}, from: const {{ ::rota::embedded::instant({}) }}, to: const {{ ::rota::embedded::instant({}) }}, counts: Counts::{:?} }}",
            s(&e.engineer),
            s(&e.team),
            s(&e.team_slug),
            e.team_index,
            week(e.week),
            e.from.timestamp(),
            e.to.timestamp(),
            e.counts
        )
        })
    );
    out.push_str("        }),\n");
    let _ = writeln!(
        out,
        "        pipelines: {},",
        list(&data.pipelines, |p| {
            format!(
            "Pipeline {{ slug: {}, name: {}, area: {}, audience: Audience::{:?}, primary: {}, secondary: {}, description: {} }}",
            s(&p.slug),
            s(&p.name),
            s(&p.area),
            p.audience,
            s(&p.primary),
            s(&p.secondary),
            s(&p.description)
        )
        })
    );
    let _ = writeln!(
        out,
        "        runbooks: {},",
        list(&data.runbooks, |r| format!(
            "Runbook {{ pipeline: {}, summary: {}, failure_points: {} }}",
            s(&r.pipeline),
            s(&r.summary),
            list(&r.failure_points, |f| format!(
                "FailurePoint {{ slug: {}, title: {}, description: {}, symptoms: {}, signals: {}, first_checks: {} }}",
                s(&f.slug),
                s(&f.title),
                s(&f.description),
                list(&f.symptoms, |x| s(x)),
                list(&f.signals, |x| s(x)),
                list(&f.first_checks, |x| s(x))
            ))
        ))
    );
    out.push_str("    }\n}\n");
    out
}

/// Rust source naming the text files of [`Prose::Fetched`]: `TEXT_FILES` (pipeline slug →
/// file, sorted by slug for binary search) and `SEARCH_TEXT_FILE`.
pub fn text_file_names(files: &crate::text_files::TextFiles) -> String {
    let mut names: Vec<(&str, &str)> =
        files.pipelines.iter().map(|(slug, f)| (slug.as_str(), f.name.as_str())).collect();
    names.sort_unstable();
    let mut out =
        String::from("/// Each pipeline's text file, by slug (sorted).\npub const TEXT_FILES: &[(&str, &str)] = &[\n");
    for (slug, name) in names {
        let _ = writeln!(out, "    ({slug:?}, {name:?}),");
    }
    let _ = writeln!(
        out,
        "];\n/// Every pipeline's text, for search.\npub const SEARCH_TEXT_FILE: &str = {:?};",
        files.search.name
    );
    out
}

fn layers(l: &crate::Layers) -> String {
    if *l == crate::Layers::default() {
        return "Layers::default()".into();
    }
    format!(
        "Layers {{ primary: LayerLabel {{ slug: {}, name: {}, role: LayerRole::{:?}, coverage: {} }}, others: {}, gaps: GapPolicy::{:?} }}",
        s(&l.primary.slug),
        s(&l.primary.name),
        l.primary.role,
        coverage(l.primary.coverage),
        list(&l.others, |layer| {
            format!(
            "Layer {{ slug: {}, name: {}, role: LayerRole::{:?}, pattern: ShiftPattern {{ zone: {}, epoch: {}, days: {}, time: {} }}, rotation: {}, changes: {}, coverage: {} }}",
            s(&layer.slug),
            s(&layer.name),
            layer.role,
            zone(layer.pattern.zone),
            date(layer.pattern.epoch),
            layer.pattern.days,
            time(layer.pattern.time),
            list(&layer.rotation, |x| s(x)),
            list(&layer.changes, |c| format!(
                "LayerChange {{ from: {}, rotation: {}, note: {} }}",
                date(c.from),
                list(&c.rotation, |x| s(x)),
                opt(&c.note)
            )),
            coverage(layer.coverage),
        )
        }),
        l.gaps,
    )
}

fn coverage(c: Option<crate::Coverage>) -> String {
    match c {
        None => "None".into(),
        Some(c) => format!(
            "Some(Coverage {{ days: ::rota::chrono::WeekdaySet::from_array([{}]), from: {}, to: {} }})",
            c.days.iter(Weekday::Mon).map(weekday).collect::<Vec<_>>().join(", "),
            time(c.from),
            time(c.to)
        ),
    }
}

fn time(t: chrono::NaiveTime) -> String {
    format!("const {{ time({}, {}) }}", t.hour(), t.minute())
}

fn contact(c: &crate::Contact) -> String {
    format!(
        "Contact {{ kind: ContactKind::{:?}, value: {}, label: {}, url: {} }}",
        c.kind,
        s(&c.value),
        opt(&c.label),
        opt(&c.url)
    )
}

/// A string literal as an owned `String` (Debug output is a valid Rust literal).
fn s(text: &str) -> String {
    format!("String::from({text:?})")
}

fn opt(value: &Option<String>) -> String {
    match value {
        Some(text) => format!("Some({})", s(text)),
        None => "None".into(),
    }
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    let items: Vec<String> = items.iter().map(item).collect();
    format!("vec![{}]", items.join(", "))
}

fn date(d: NaiveDate) -> String {
    format!("const {{ date({}, {}, {}) }}", d.year(), d.month(), d.day())
}

fn minute(t: NaiveDateTime) -> String {
    format!("const {{ minute({}, {}, {}, {}, {}) }}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

/// The week was parsed from the data, so it exists; `WeekId::new` re-checks at run time.
fn week(w: WeekId) -> String {
    format!("WeekId::new({}, {}).expect(\"validated at build time\")", w.year(), w.week())
}

fn weekday(w: Weekday) -> String {
    format!("::rota::chrono::Weekday::{w:?}")
}

fn holiday_date(d: HolidayDate) -> String {
    match d {
        HolidayDate::Fixed { month, day } => format!("HolidayDate::Fixed {{ month: {month}, day: {day} }}"),
        HolidayDate::NthWeekday { month, weekday: w, n } => {
            format!("HolidayDate::NthWeekday {{ month: {month}, weekday: {}, n: {n} }}", weekday(w))
        }
        HolidayDate::LastWeekday { month, weekday: w } => {
            format!("HolidayDate::LastWeekday {{ month: {month}, weekday: {} }}", weekday(w))
        }
    }
}

/// The `chrono_tz::Tz` variant for a zone, named the way chrono-tz names it
/// (`America/Port-au-Prince` → `America__PortauPrince`, `Etc/GMT-1` → `Etc__GMTMinus1`).
/// A wrong name fails compilation of the generated code, never silently.
fn zone(tz: Tz) -> String {
    let name = tz.name();
    let mut variant = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' => variant.push_str("__"),
            '+' => variant.push_str("Plus"),
            '-' if chars.peek().is_some_and(|n| n.is_ascii_digit()) => variant.push_str("Minus"),
            '-' => {}
            c => variant.push(c),
        }
    }
    format!("::rota::chrono_tz::Tz::{variant}")
}
