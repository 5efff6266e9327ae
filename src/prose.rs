//! Pipeline descriptions and runbooks, fetched when a page needs them from the text files the
//! build writes (see `rota::text_files`), so they stay out of the first load. A file is fetched
//! once per visit (kept here) and kept for offline use by the service worker, which precaches
//! every file of the build.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use rota::text_files::{decode, PipelineText};

use crate::components::awaited::{could_not_load, loading};
use crate::data::text_file_of;
use crate::links;

/// The pipelines' texts of one file, or why they could not be had.
pub type Loaded = Result<Rc<Vec<PipelineText>>, String>;

thread_local! {
    static FILES: RefCell<HashMap<&'static str, Rc<Vec<PipelineText>>>> = RefCell::new(HashMap::new());
}

/// The texts in `file`, fetched unless this visit already has them.
pub async fn load(file: &'static str) -> Loaded {
    if let Some(texts) = kept(file) {
        return Ok(texts);
    }
    let body = fetch_text(&links::href(format!("/{file}"))).await?;
    let texts = Rc::new(decode(&body).map_err(|e| format!("its file {file} is damaged ({e})"))?);
    FILES.with(|f| f.borrow_mut().insert(file, Rc::clone(&texts)));
    Ok(texts)
}

/// The texts in `file` if this visit already has them.
fn kept(file: &str) -> Option<Rc<Vec<PipelineText>>> {
    FILES.with(|f| f.borrow().get(file).cloned())
}

/// The texts of pipeline `slug` if this visit already has them.
fn kept_for(slug: &str) -> Option<Loaded> {
    text_file_of(slug).and_then(kept).map(Ok)
}

/// Fetches the text the page at `path` (below the site's base) shows, if it shows one, so it
/// renders complete when the app mounts. A failure is left to the page, which says so.
pub async fn preload(path: &str) {
    let mut parts = path.trim_start_matches('/').split('/');
    if let ("pipelines" | "runbooks", Some(slug)) = (parts.next().unwrap_or(""), parts.next()) {
        if let Some(file) = text_file_of(&slug.to_ascii_lowercase()) {
            let _ = load(file).await;
        }
    }
}

/// Reads every text file the pages show from the staged site `dir`, so pages rendered at
/// build time have their text.
#[cfg(feature = "ssr")]
pub fn keep_build_files(dir: &std::path::Path) -> Result<(), String> {
    for file in crate::data::text_files() {
        let body = std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{}: {e}", dir.join(file).display()))?;
        let texts = decode(&body).map_err(|e| format!("{file}: {e}"))?;
        FILES.with(|f| f.borrow_mut().insert(file, Rc::new(texts)));
    }
    Ok(())
}

/// The text at `url`, or what kept it from this device, in words for the page.
#[cfg(feature = "ssr")]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    crate::prerender::read_staged(url)
}

/// The text at `url`, or what kept it from this device, in words for the page.
#[cfg(not(feature = "ssr"))]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let unreachable = || "you seem to be offline, and this device has not saved it yet".to_string();
    let response = JsFuture::from(window().fetch_with_str(url)).await.map_err(|_| unreachable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "the site answered {} for {url}; it may be mid-deploy, try again in a minute",
            response.status()
        ));
    }
    let text = response.text().map_err(|_| unreachable())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(unreachable)
}

/// The prose of one pipeline for a page: shown once fetched, with a line saying it is loading
/// until then, and what went wrong (with a way to try again) if it cannot be had.
#[derive(Clone, Copy)]
pub struct Prose {
    pipeline: Memo<String>,
    texts: RwSignal<Option<Loaded>, LocalStorage>,
    attempt: RwSignal<u32>,
}

impl Prose {
    /// The prose of the pipeline `pipeline` names (a slug; it may change, e.g. with the route).
    pub fn new(pipeline: impl Fn() -> String + Send + Sync + 'static) -> Prose {
        let pipeline = Memo::new(move |_| pipeline());
        // Shown at once when this visit (or the build, for a page rendered at build time) has it.
        let texts = RwSignal::new_local(kept_for(&pipeline.get_untracked()));
        let attempt = RwSignal::new(0);
        Effect::new(move |_| {
            attempt.track();
            let slug = pipeline.get();
            if let Some(Ok(kept)) = kept_for(&slug) {
                // Not set again when shown already: that would render the whole text again.
                if !texts.with_untracked(|t| matches!(t, Some(Ok(shown)) if Rc::ptr_eq(shown, &kept))) {
                    texts.set(Some(Ok(kept)));
                }
                return;
            }
            texts.set(None);
            leptos::task::spawn_local(async move {
                // An organisation's files are named in its directory.
                let loaded = match (crate::org_data::directory_ready().await, text_file_of(&slug)) {
                    (Err(reason), _) => Err(reason),
                    (Ok(()), Some(file)) => load(file).await,
                    (Ok(()), None) => Err("this build has no text for it".to_string()),
                };
                // Only for the pipeline still shown, and not after the page has gone.
                if pipeline.try_get_untracked().as_ref() == Some(&slug) {
                    texts.try_set(Some(loaded));
                }
            });
        });
        Prose { pipeline, texts, attempt }
    }

    /// Whether the fetch has ended (with the text or not); reactive.
    pub fn settled(&self) -> bool {
        self.texts.with(|t| t.is_some())
    }

    /// `render`'s view of the text once it is here; `what` names it in the loading and error
    /// lines ("runbook", "description"). Show one of these per page.
    pub fn view<V: IntoView + 'static>(
        self,
        what: &'static str,
        render: impl Fn(&PipelineText) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        let Prose { texts, attempt, .. } = self;
        move || match texts.get() {
            None => loading(&format!("the {what}")),
            Some(Err(reason)) => could_not_load(&format!("the {what}"), &reason, attempt),
            Some(Ok(_)) => match self.with_text(|text| render(text).into_any()) {
                Some(view) => view,
                None => {
                    view! { <p class="notice" role="alert">{format!("The {what} is missing from this build.")}</p> }
                        .into_any()
                }
            },
        }
    }

    /// `render`'s view of the text once it is here, and nothing before: for the other parts of
    /// a page whose [`view`](Prose::view) says it is loading or why it failed.
    pub fn view_when_loaded<V: IntoView + 'static>(
        self,
        render: impl Fn(&PipelineText) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        move || self.with_text(&render)
    }

    /// `f` of this pipeline's text, once fetched (read in place: a runbook's failure points
    /// each render from it).
    fn with_text<R>(&self, f: impl FnOnce(&PipelineText) -> R) -> Option<R> {
        let slug = self.pipeline.get();
        self.texts.with(|texts| texts.as_ref()?.as_ref().ok()?.iter().find(|t| t.pipeline == slug).map(f))
    }
}
