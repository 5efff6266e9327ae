//! `examples/post-on-call-to-chat.mjs` against a static API that `rota api` built: the message
//! it would post (`--dry-run`), and a real post to a fake webhook on this machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output};

use serde_json::{json, Value};

mod common;
use common::{stderr, stdout, workspace, TempDir};

/// A built site folder holding only the API, as of 2026-11-29 00:00 UTC (2026-W48), with
/// Charlie covering part of Bob's 2026-W50.
fn site() -> (TempDir, TempDir) {
    let data = TempDir::with_default_data();
    data.write("covers.json", json!([{ "engineer": "charlie", "from": "2026-12-09T18:00", "to": "2026-12-11T09:00" }]));
    let site = TempDir::new("chat-site");
    let output = Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["--data", data.path(), "api", "--out", site.path()])
        .env("SOURCE_DATE_EPOCH", "1795910400")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    (data, site)
}

fn example(args: &[&str], webhook: Option<&str>) -> Output {
    let mut command = Command::new("node");
    command.arg(workspace().join("examples/post-on-call-to-chat.mjs")).args(args).env_remove("ROTA_CHAT_WEBHOOK");
    if let Some(url) = webhook {
        command.env("ROTA_CHAT_WEBHOOK", url);
    }
    command.output().expect("node runs")
}

fn dry_run(site: &TempDir, at: &str) -> Value {
    let output = example(&["--dry-run", "--at", at, site.path()], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn dry_run_prints_who_is_on_call_then_and_who_is_next() {
    let (_data, site) = site();
    // Thanksgiving 2026: Alice covers Diana's week (the holiday swap); Diana is next.
    assert_eq!(
        dry_run(&site, "2026-11-26T12:00:00-05:00"),
        json!({ "text": "Alice is on call for Data Engineering until 2026-11-30 09:00 (America/New_York); next: Diana." })
    );
    // During the cover, and the minute it ends.
    assert_eq!(
        dry_run(&site, "2026-12-10T12:00:00-05:00"),
        json!({ "text": "Charlie (covering for Bob) is on call for Data Engineering until 2026-12-11 09:00 (America/New_York); next: Bob." })
    );
    assert_eq!(
        dry_run(&site, "2026-12-11T14:00:00Z"),
        json!({ "text": "Bob is on call for Data Engineering until 2026-12-14 09:00 (America/New_York); next: Charlie." })
    );
}

#[test]
fn a_date_past_the_build_says_to_rebuild() {
    let (_data, site) = site();
    let output = example(&["--dry-run", "--at", "2030-01-01T00:00:00Z", site.path()], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "post-on-call-to-chat: the site's schedule covers 2026-09-28T09:00:00-04:00 to 2028-11-27T09:00:00-05:00, \
         not 2030-01-01T00:00:00.000Z: rebuild the site\n"
    );
    let output = example(&[site.path()], None);
    assert_eq!(output.status.code(), Some(2), "no webhook and no --dry-run");
    assert!(stderr(&output).contains("set ROTA_CHAT_WEBHOOK"), "{}", stderr(&output));
}

/// A webhook on 127.0.0.1 that answers one request with `status` and hands back the request
/// line, the content type and the body.
fn fake_webhook(status: &'static str) -> (String, std::thread::JoinHandle<(String, String, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks/on-call", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let (mut length, mut content_type) = (0, String::new());
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(": ").unwrap();
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.parse().unwrap(),
                "content-type" => content_type = value.to_string(),
                _ => {}
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let mut stream = stream;
        write!(stream, "HTTP/1.1 {status}\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok").unwrap();
        (request_line.trim_end().to_string(), content_type, String::from_utf8(body).unwrap())
    });
    (url, handle)
}

#[test]
fn posts_the_message_to_the_webhook() {
    let (_data, site) = site();
    let (url, webhook) = fake_webhook("200 OK");
    let output = example(&["--at", "2026-11-26T12:00:00-05:00", site.path()], Some(&url));
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(0), ""), "{}", stderr(&output));
    let (request, content_type, body) = webhook.join().unwrap();
    assert_eq!(request, "POST /hooks/on-call HTTP/1.1");
    assert_eq!(content_type, "application/json");
    let expected = dry_run(&site, "2026-11-26T12:00:00-05:00");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), expected);
}

#[test]
fn a_failing_webhook_fails_the_job() {
    let (_data, site) = site();
    let (url, webhook) = fake_webhook("500 Internal Server Error");
    let output = example(&["--at", "2026-11-26T12:00:00-05:00", site.path()], Some(&url));
    webhook.join().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "post-on-call-to-chat: the webhook answered HTTP 500: ok\n");
}
