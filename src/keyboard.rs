//! Keyboard shortcuts must not fire while someone types or chooses in a form field.

/// The tag of the form field a key event comes from (`INPUT`, `SELECT`, `TEXTAREA`), if any.
pub fn field_target(ev: &leptos::ev::KeyboardEvent) -> Option<String> {
    let element = ev.target().and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())?;
    let tag = element.tag_name();
    matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA").then_some(tag)
}
