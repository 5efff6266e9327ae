//! For someone the team's data does not have (yet): how people are added, and the team's
//! calendar to follow until then. Shown by an unknown person's page and feed.

use leptos::prelude::*;

use crate::components::calendar_subscribe::CalendarSubscribe;
use crate::links;

#[component]
pub fn NotYetInData() -> impl IntoView {
    view! {
        <section class="not-yet-in-data" aria-labelledby="not-yet-title" data-testid="not-yet-in-data">
            <h2 id="not-yet-title">"New to the team?"</h2>
            <p>
                "People are added in the team's data: an entry under " <code>"engineers"</code> " in "
                <code>"data/team.json"</code> " (and a place in the rotation), proposed as a pull or merge request. "
                "Its review shows how the schedule changes before anything is merged; the person's page and calendar "
                "feed appear with the next build."
            </p>
            <p>"Until then, the team's calendar has everyone's weeks:"</p>
        </section>
        <CalendarSubscribe feed=links::team_feed(crate::data::use_team()) title="the team's on-call calendar" />
    }
}
