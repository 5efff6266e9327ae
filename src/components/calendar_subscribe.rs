//! Subscribing to a calendar feed: its address to paste into a calendar app (with a copy
//! button), a webcal link that opens the calendar app directly, the .ics file, and where the
//! common calendar apps take the address.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::components::copy_link::CopyLink;
use crate::links;

/// The feed at the site path `feed` (e.g. `/calendar/alice.ics`); `title` names it in the
/// subscribe link ("Alice's on-call calendar").
#[component]
pub fn CalendarSubscribe(#[prop(into)] feed: String, #[prop(into)] title: String) -> impl IntoView {
    let url = links::absolute(&feed);
    // webcal:// makes calendar apps subscribe (and keep refreshing) instead of importing once.
    let webcal = url.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    let file = feed.rsplit('/').next().unwrap_or_default().to_string();
    // Selecting the whole address on focus makes it easy to copy by hand where the copy
    // button cannot reach the clipboard.
    let select_all = |ev: leptos::ev::FocusEvent| {
        if let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            field.select();
        }
    };
    view! {
        <section class="calendar-subscribe" aria-labelledby="calendar-title">
            <h2 id="calendar-title">"Calendar"</h2>
            <p>
                <a href=webcal>{format!("Subscribe to {title}")}</a>
                " — every on-call week, swaps included, kept up to date by your calendar app. Or "
                <a href=links::href(&feed) download=file>"download the .ics file"</a> "."
            </p>
            <label for="feed-url">"Feed address, to paste into a calendar app"</label>
            <div class="feed-url">
                // A text area, so a long address wraps on a phone instead of being cut off.
                <textarea id="feed-url" readonly rows="2" spellcheck="false" on:focus=select_all data-testid="feed-url">{url}</textarea>
                <CopyLink path=feed to=title.to_string() />
            </div>
            <ul class="calendar-apps">
                <li><strong>"Google Calendar"</strong> ": Other calendars → + → From URL, paste the address; Google refreshes it about every 12–24 hours."</li>
                <li><strong>"Outlook"</strong> ": Add calendar → Subscribe from web, paste the address."</li>
                <li><strong>"Apple Calendar"</strong> ": File → New Calendar Subscription, paste the address (or open the subscribe link above)."</li>
            </ul>
        </section>
    }
}
