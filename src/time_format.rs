//! Instants for people: in the team's zone (computed by chrono-tz, so it is right on any
//! device) and in the viewer's own zone (as the browser knows it).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use js_sys::{Intl, Object, Reflect};
use leptos::wasm_bindgen::JsValue;

/// E.g. `Mon 30 Nov 2026, 09:00 EST`.
pub fn team_time(at: DateTime<Tz>) -> String {
    at.format("%a %-d %b %Y, %H:%M %Z").to_string()
}

/// A date without time, e.g. `Mon 30 Nov`.
pub fn short_date(date: chrono::NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// The viewer's IANA zone, e.g. `Europe/Berlin`, if the browser says.
pub fn viewer_zone() -> Option<String> {
    let options = Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new()).resolved_options();
    Reflect::get(&options, &JsValue::from_str("timeZone")).ok()?.as_string()
}

/// The instant in the viewer's zone, e.g. `Mon 30 Nov 2026, 15:00 CET`.
pub fn viewer_time(at: DateTime<Utc>) -> String {
    let options = Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "short"),
    ] {
        // Setting a string on a fresh plain object cannot fail.
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    String::from(date.to_locale_string("en-GB", &options))
}
