//! Every page's HTML at build time, so what a page shows is there before the wasm arrives (and
//! without it). scripts/post-build.mjs runs the `prerender` binary with the build's page paths
//! on standard input; each is rendered by the app's own views, natively (Leptos' `ssr`), as of
//! the build instant, and printed as one JSON line: `{"path", "title", "main"}`, where `main`
//! is the page's `<main>` element. The app mounts in its place when the wasm has loaded.
//!
//! What the app would fetch before it mounts (an organisation's team files and directory, a
//! pipeline's text) is read from the staged site; a file missing there stops the build.
//!
//! What depends on the moment a page is read (who is on call now, this week's row, a person's
//! shifts ahead) is left out or drawn for every case; assets/now-first.js and the app settle it
//! at load.

use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

/// What a page rendered at build time takes from the build instead of the browser.
struct Build {
    /// `--public-url`, e.g. `/` or `/oncall/`.
    public_url: String,
    /// SOURCE_DATE_EPOCH, as scripts/build sets it for the whole build.
    now: DateTime<Utc>,
    /// The staged site, whose files stand in for what the browser would fetch.
    out: PathBuf,
}

thread_local! {
    static BUILD: RefCell<Option<Build>> = const { RefCell::new(None) };
    /// A staged file the page being rendered could not read: a fault of the build, which a
    /// page must not carry as "could not load" into every visit.
    static UNREADABLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The build instant, which prerendered pages take as "now".
pub fn build_instant() -> DateTime<Utc> {
    BUILD.with_borrow(|b| b.as_ref().map(|b| b.now)).unwrap_or_default()
}

/// The deployment's public URL (`<base href>` in the browser).
pub fn public_url() -> String {
    BUILD.with_borrow(|b| b.as_ref().map(|b| b.public_url.clone())).unwrap_or_else(|| "/".into())
}

/// The staged file at `url` (a URL below the public URL, as the app would fetch it).
pub fn read_staged(url: &str) -> Result<String, String> {
    BUILD.with_borrow(|b| {
        let b = b.as_ref().ok_or("not rendering at build time")?;
        let file = url.strip_prefix(b.public_url.as_str()).unwrap_or(url).trim_start_matches('/');
        let path = b.out.join(file);
        std::fs::read_to_string(&path).map_err(|e| {
            let message = format!("{}: {e}", path.display());
            UNREADABLE.with_borrow_mut(|u| *u = Some(message.clone()));
            message
        })
    })
}

/// `prerender --out DIR --public-url URL < paths`: see the module docs.
pub fn main() {
    if let Err(message) = run() {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut out, mut public_url) = (None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--public-url" => public_url = args.next(),
            other => return Err(format!("unknown argument {other:?} (expected --out DIR --public-url URL)")),
        }
    }
    let out = out.ok_or("--out DIR is missing: the staged site, whose text files the pages show")?;
    let public_url = public_url.unwrap_or_else(|| "/".into());
    let epoch =
        std::env::var("SOURCE_DATE_EPOCH").map_err(|_| "SOURCE_DATE_EPOCH is not set (scripts/build sets it)")?;
    let now = epoch
        .parse()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .ok_or_else(|| format!("SOURCE_DATE_EPOCH={epoch} is not a Unix time"))?;
    BUILD.with_borrow_mut(|b| *b = Some(Build { public_url, now, out: out.clone() }));
    any_spawner::Executor::init_futures_executor().map_err(|e| e.to_string())?;
    crate::prose::keep_build_files(&out)?;
    let mut stdout = std::io::stdout().lock();
    for path in std::io::stdin().lock().lines() {
        let path = path.map_err(|e| e.to_string())?;
        if path.is_empty() {
            continue;
        }
        let (title, main) = render(&path)?;
        let line = serde_json::json!({ "path": path, "title": title, "main": main });
        writeln!(stdout, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The title and the `<main>` of the page at `path` (a site path, without the public URL).
fn render(path: &str) -> Result<(String, String), String> {
    // What the app fetches before it mounts (an organisation's files, a pipeline's text), read
    // from the staged site; what fails to load is left to the page, as in the browser.
    futures::executor::block_on(async {
        #[cfg(rota_org)]
        crate::org_data::preload(path).await;
        crate::prose::preload(path).await;
    });
    if let Some(file) = UNREADABLE.take() {
        return Err(format!("{path}: cannot read what the page shows, {file}"));
    }
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let (html, meta) = owner.with(|| {
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let base = crate::links::base_path();
        provide_context(RequestUrl::new(&format!("{base}{path}")));
        (crate::App().to_html(), output)
    });
    let head = futures::executor::block_on(async {
        use futures::StreamExt;
        let stream = meta.inject_meta_context(futures::stream::iter(["<head></head>".to_string()])).await;
        stream.collect::<String>().await
    });
    owner.unset();
    let title = between(&head, "<title>", "</title>").unwrap_or_default().to_string();
    let start = html.find("<main").ok_or_else(|| format!("{path}: the page has no <main>"))?;
    let end = html.rfind("</main>").ok_or_else(|| format!("{path}: the page's <main> is not closed"))?;
    Ok((title, html[start..end + "</main>".len()].to_string()))
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}
