//! "Download CSV": the file is made in the browser, when clicked, by the same function as
//! `rota export` (`rota::csv_export`), so it works offline and matches the CLI byte for byte.
//!
//! It is saved through the link itself: the click first points it at a `data:text/csv` URL
//! and names the file (`download`), then the browser's own activation saves it. A download is
//! not a fetch, so the site's Content-Security-Policy (`default-src 'self'`) needs no change,
//! and no script-made `blob:` URL has to be revoked later. The router leaves links with
//! `download` alone. A plain function rather than a component keeps the wasm small (a
//! component's props and node reference cost more than the link itself).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use rota::csv_export::CsvFile;

/// The link and what the file holds, for a page's view: `file` makes the file on each click
/// (so offline, and of whatever the page shows then). One function for both pages, so its
/// view code is built once.
pub fn download_csv(file: Box<dyn Fn() -> CsvFile + Send + Sync>, holds: &'static str) -> impl IntoView {
    view! {
        <p class="hint download">
            <a class="button" href="" download="" on:click=move |ev| save(&ev, &file())>
                "Download CSV"
            </a>
            <span>{holds}</span>
        </p>
    }
}

/// Points the clicked link at `file`, which its activation (after this handler) then saves.
fn save(event: &leptos::ev::MouseEvent, file: &CsvFile) {
    let Some(link) = event.current_target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok()) else {
        return;
    };
    let text = String::from(js_sys::encode_uri_component(&file.text));
    let _ = link.set_attribute("href", &format!("data:text/csv;charset=utf-8,{text}"));
    let _ = link.set_attribute("download", &file.name);
}
