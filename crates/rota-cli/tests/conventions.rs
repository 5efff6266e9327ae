//! The command line's conventions, as clap gives them: errors and their exit code, suggestions
//! for mistyped commands and options, `--help` for every command, `--version`, completions.

use std::process::Command;

mod common;
use common::{rota, rota_ok, stderr, stdout, TempDir};

// ---- bad arguments ------------------------------------------------------------------------------

fn usage_error(args: &[&str], message: &str) {
    let output = rota(args);
    assert_eq!(output.status.code(), Some(2), "rota {args:?}");
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.starts_with(&format!("error: {message}\n")), "rota {args:?}: {err}");
    assert!(err.ends_with("For more information, try '--help'.\n"), "rota {args:?}: {err}");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    usage_error(&["frobnicate"], "unrecognized subcommand 'frobnicate'");
    usage_error(&["schedule"], "the following required arguments were not provided:\n  --from <WEEK>");
    usage_error(
        &["schedule", "--from", "2026-W48", "--weeks", "0"],
        "invalid value '0' for '--weeks <N>': must be a whole number from 1 to 1044",
    );
    usage_error(&["schedule", "--from", "2026-W48", "--format", "xml"], "invalid value 'xml' for '--format <FORMAT>'");
    usage_error(
        &["schedule", "--from", "2026-48"],
        "invalid value '2026-48' for '--from <WEEK>': \"2026-48\" is not an ISO week like 2026-W48: missing \"W\"",
    );
    usage_error(
        &["who", "--at", "yesterday"],
        "invalid value 'yesterday' for '--at <INSTANT>': not an RFC 3339 instant such as 2026-11-26T12:00:00-05:00",
    );
    usage_error(&["who", "--person", "alice"], "unexpected argument '--person' found");
    usage_error(&["who", "--at"], "a value is required for '--at <INSTANT>' but none was supplied");
    usage_error(&["who", "extra"], "unexpected argument 'extra' found");
    usage_error(&["ics"], "the following required arguments were not provided:\n  --out <DIR>");
    usage_error(
        &["ics", "--out", "x", "--around", "26/11/2026"],
        "invalid value '26/11/2026' for '--around <DATE>': not a date as YYYY-MM-DD",
    );
    usage_error(
        &["check", "--today", "2027-02-30"],
        "invalid value '2027-02-30' for '--today <DATE>': not a date as YYYY-MM-DD",
    );
    usage_error(
        &["--data", "x", "check", "--today", "2027-01-01"],
        "--today judges the embedded build; data given with --data is not built yet",
    );
    usage_error(&["completions", "tcsh"], "invalid value 'tcsh' for '<SHELL>'");
}

#[test]
fn mistyped_commands_and_options_get_a_suggestion() {
    let tip = |args: &[&str]| {
        let output = rota(args);
        assert_eq!(output.status.code(), Some(2), "rota {args:?}");
        let err = stderr(&output);
        err.lines().find_map(|l| l.trim().strip_prefix("tip: ").map(String::from)).unwrap_or_else(|| panic!("{err}"))
    };
    assert_eq!(tip(&["shedule"]), "a similar subcommand exists: 'schedule'");
    assert_eq!(tip(&["who", "--att", "2026-11-26T12:00:00Z"]), "a similar argument exists: '--at'");
    assert_eq!(tip(&["schedule", "--from", "2026-W48", "--fromat", "json"]), "a similar argument exists: '--format'");
    assert_eq!(tip(&["--dat", "x", "check"]), "a similar argument exists: '--data'");
}

const COMMANDS: [&str; 9] = ["who", "schedule", "ics", "api", "export", "check", "paths", "diff", "completions"];

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    for args in [&[][..], &["help"], &["--help"], &["-h"]] {
        let text = rota_ok(args);
        assert!(text.contains("\nUsage: rota [OPTIONS] [COMMAND]\n"), "{args:?}: {text}");
        for command in COMMANDS {
            assert!(text.contains(&format!("\n  {command} ")), "{args:?}: {command}: {text}");
        }
        assert!(text.contains("\nExit codes:\n  0  success\n  1  the data is not valid"), "{args:?}: {text}");
        assert!(text.contains("--data <DIR>"), "{args:?}: {text}");
    }
}

#[test]
fn every_command_has_its_own_help() {
    for command in COMMANDS {
        for args in [vec![command, "--help"], vec!["help", command]] {
            let text = rota_ok(&args);
            assert!(text.contains(&format!("\nUsage: rota {command} ")), "{args:?}: {text}");
            assert!(text.contains("\nExit codes:\n  0  "), "{args:?}: {text}");
        }
    }
    let diff = rota_ok(&["diff", "--help"]);
    assert!(
        diff.contains("\nExit codes:\n  0  no change to the schedule\n  1  the schedule changes\n  2  error"),
        "{diff}"
    );
    let schedule = rota_ok(&["schedule", "--help"]);
    for option in ["--from <WEEK>", "--weeks <N>", "[default: 12]", "--format <FORMAT>", "json"] {
        assert!(schedule.contains(option), "{option}: {schedule}");
    }
}

#[test]
fn version_names_the_program() {
    assert_eq!(rota_ok(&["--version"]), format!("rota {}\n", env!("CARGO_PKG_VERSION")));
}

/// What bash offers after `words` (the last one being completed), with the script
/// `rota completions bash` prints loaded, as a shell would.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let out = TempDir::new("completions");
    let script = out.0.join("rota.bash");
    std::fs::write(&script, rota_ok(&["completions", "bash"])).unwrap();
    let line = words.join(" ");
    let program = format!(
        "source '{}'; COMP_WORDS=({line}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
         _rota rota '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = Command::new("bash").args(["-c", &program]).output().expect("bash runs");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).lines().map(String::from).collect()
}

#[test]
fn completions_complete_commands_and_options_in_bash() {
    assert_eq!(bash_completes(&["rota", "sch"]), ["schedule"]);
    assert_eq!(bash_completes(&["rota", "co"]), ["completions"]);
    let options = bash_completes(&["rota", "schedule", "--f"]);
    assert_eq!(options, ["--from", "--format"]);
    assert_eq!(bash_completes(&["rota", "who", "--format", ""]), ["text", "json"]);
}

#[test]
fn completions_are_written_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _rota"),
        ("zsh", "#compdef rota"),
        ("fish", "complete -c rota"),
        ("elvish", "rota"),
        ("powershell", "rota"),
    ] {
        let text = rota_ok(&["completions", shell]);
        assert!(text.contains(marker), "{shell}: {text}");
        for command in COMMANDS {
            assert!(text.contains(command), "{shell}: {command}");
        }
    }
}
