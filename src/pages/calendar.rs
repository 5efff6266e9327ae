use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::not_yet_in_data::NotYetInData;
use crate::links;
use crate::pages::not_found::unknown;
use crate::pages::person::everyone;

/// `/calendar/<name>.ics` that the build did not write (the host answered with the app's 404
/// page): whose feed this would be, the people with close names, and how someone is added.
#[component]
pub fn CalendarFeedPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let file = params.read().get("feed").unwrap_or_default();
        let name = file.strip_suffix(".ics").unwrap_or(&file).to_ascii_lowercase();
        view! {
            {unknown("calendar feed", &name, &everyone(), links::person, ("/people", "Everyone on the team"))}
            <NotYetInData />
        }
    }
}
