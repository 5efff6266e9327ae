use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;

/// After moving to another page, puts focus on its heading, so a screen reader announces the
/// new page and the keyboard starts from there (as after a full page load). Not on the first
/// load, and not when the link names a fragment: that page focuses its own target.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| {
            if !location.hash.get_untracked().is_empty() {
                return;
            }
            request_animation_frame(|| {
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                    // Focusable by script only: it does not join the tab order.
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                }
            });
        },
        false,
    );
}
