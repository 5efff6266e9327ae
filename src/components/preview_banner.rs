//! The banner of a what-if preview: what it assumes, what it changes, and the ways out of it
//! and on with it.

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::copy_link::CopyLink;
use crate::data::use_team;
use crate::preview::Preview;

/// Says plainly that the page shows a what-if preview, what it assumes, what it changes (or
/// that it changes nothing), and how to leave it.
#[component]
pub fn PreviewBanner(preview: Preview) -> impl IntoView {
    let what_if = &preview.what_if;
    if what_if.is_empty() {
        return None;
    }
    let team = use_team();
    let effects = what_if.effects(&team.schedule, preview.schedule(), preview.horizon);
    // Read once: the page re-renders the banner when the URL changes, and a reactive href here
    // would subscribe every banner ever shown to the router's location.
    let without = use_location().pathname.get_untracked();
    let name = |slug: &str| team.data.name_of(slug).to_string();
    let mut assumptions: Vec<String> =
        what_if.leave.iter().map(|l| format!("{} on leave {} to {}", name(&l.engineer), l.from, l.to)).collect();
    assumptions.extend(what_if.keep.iter().map(|w| format!("the swap of {w} declined")));
    let minute = |t: chrono::NaiveDateTime| t.format("%a %-d %b %Y %H:%M").to_string();
    assumptions.extend(
        what_if
            .covers
            .iter()
            .map(|c| format!("{} on call from {} to {}", name(&c.engineer), minute(c.from), minute(c.to))),
    );
    // The fairness of the year the preview starts in, with the preview (the fairness page
    // itself has its year links for that).
    let first_year = what_if
        .leave
        .iter()
        .map(|l| l.from)
        .chain(what_if.covers.iter().map(|c| c.from.date()))
        .chain(what_if.keep.iter().map(|w| w.monday()))
        .min()
        .map(|day| day.year());
    let fairness = first_year.filter(|_| !without.ends_with("/fairness")).map(|year| {
        let href =
            crate::links::href(crate::links::with_what_if(&team.path(&format!("/fairness?year={year}")), what_if));
        view! { " · " <A href=href>"Fairness with this preview"</A> }
    });
    Some(view! {
        <aside class="preview-banner" role="note" aria-label="What-if preview">
            <strong>"Preview — not the real schedule. "</strong>
            {format!("Assuming {}. ", assumptions.join("; "))}
            <A href=without.clone()>"Show the real schedule"</A>
            {fairness}
            " · "
            <CopyLink path=crate::links::current() to="this preview" />
            <ul class="preview-effects" data-testid="preview-effects">
                {effects.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        </aside>
    })
}
