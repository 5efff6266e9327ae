use leptos::prelude::*;
use leptos_router::components::A;
use rota::layer::team_layers;
use rota::{WeekAssignment, WeekId};

use crate::components::person_link::PersonLink;
use crate::data::{use_team, SiteTeam};
use crate::layer_words::{has_layers, week_lines};
use crate::links;
use crate::preview::Preview;
use crate::time_format::short_date;

/// One row of a week table: a week of the preview's schedule and, in a preview, the same week
/// without it (rows whose on-call engineers, covers included, or conflict differ are marked
/// as changed).
#[derive(Clone)]
pub struct WeekRow {
    week: WeekAssignment,
    real: Option<WeekAssignment>,
    preview: Preview,
}

impl WeekRow {
    pub fn new(week: WeekAssignment, preview: &Preview, team: &SiteTeam) -> WeekRow {
        let real = preview.is_preview().then(|| team.schedule.week(week.week.index));
        WeekRow { week, real, preview: preview.clone() }
    }

    /// A row keeps its elements while its week and preview stay: a week step adds and removes
    /// rows, and leaves the others alone.
    fn key(&self) -> (WeekId, WeekId, String) {
        (self.week.week.id, self.preview.horizon.last(), self.preview.what_if.to_query())
    }
}

/// Weeks of the schedule as a table (cards on phones), `current` (the week index of now)
/// highlighted.
#[component]
pub fn WeekTable(
    rows: impl Fn() -> Vec<WeekRow> + Send + Sync + 'static,
    current: Memo<Option<u32>>,
    caption: Memo<String>,
) -> impl IntoView {
    view! {
        <table class="weeks">
            <caption class="visually-hidden">{move || caption.get()}</caption>
            <thead>
                <tr>
                    <th scope="col">"Week"</th>
                    <th scope="col">"On call"</th>
                    <th scope="col">"Holidays, swaps, conflicts"</th>
                </tr>
            </thead>
            <tbody>
                <For each=rows key=WeekRow::key children=move |row| week_row(row, current) />
            </tbody>
        </table>
    }
}

fn week_row(row: WeekRow, current: Memo<Option<u32>>) -> impl IntoView {
    let WeekRow { week: w, real, preview } = row;
    let what_if = preview.what_if.clone();
    let team = use_team();
    let name = |slug: &str| preview.inputs().name_of(slug).to_string();
    let before =
        real.as_ref().filter(|r| r.on_call != w.on_call || r.conflict != w.conflict || r.stretches != w.stretches);
    let changed = before.map(|r| format!("Changed by the preview (really {})", name(&r.on_call)));
    let index = w.week.index;
    // A page rendered at build time does not know which week it is read in.
    let is_now = move || !crate::clock::AT_BUILD && current.get() == Some(index);
    let hours = w.week.hours();
    // Someone of this team on call for another team at the same time: never silent.
    let clashes =
        crate::data::clashes_with_other_teams(team, preview.schedule(), w.week.start.to_utc(), w.week.end.to_utc());
    let class = [
        (changed.is_some(), "changed"),
        (w.swap.is_some(), "swapped"),
        (w.conflict.is_some(), "conflict"),
        (w.has_covers(), "covered"),
        (w.trade.as_ref().is_some_and(|t| t.applied), "traded"),
        (w.roster_change.is_some(), "roster-change"),
        (!clashes.is_empty(), "clash"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| *c)
    .collect::<Vec<_>>()
    .join(" ");
    // Only the highlight follows the clock; the rest of the row is fixed by its key.
    let class = move || if is_now() { format!("now {class}").trim_end().to_string() } else { class.clone() };
    let week_href = links::schedule(team, w.week.id, 1, &what_if);
    // A swap the team could decline: a preview link keeping the week with its engineer.
    let decline = w
        .swap
        .as_ref()
        .filter(|s| s.is_holiday_side(w.week.index))
        .and_then(|_| what_if.adding("keep", &w.week.id.to_string(), team.inputs(), preview.horizon).ok())
        .map(|kept| links::schedule(team, w.week.id, 4, &kept));
    let dates = format!("{} – {}", short_date(w.week.start_date()), short_date(w.week.end.date_naive()));
    let mut notes = w.explain(preview.inputs());
    // A preview's leave of someone else this week changes nothing here; say so on the
    // row, so the reader sees where it fell.
    let (first, last) = (w.week.start_date(), w.week.start_date() + chrono::Duration::days(6));
    notes.extend(
        preview
            .what_if
            .leave
            .iter()
            .filter(|l| l.from <= last && first <= l.to && l.engineer != w.scheduled && l.engineer != w.on_call)
            .map(|l| {
                format!(
                    "{} on leave {} – {} (preview; not their week)",
                    name(&l.engineer),
                    short_date(l.from.max(first)),
                    short_date(l.to.min(last))
                )
            }),
    );
    let zone = w.week.start.timezone();
    for c in &clashes {
        let Some(other) = c.teams.iter().find(|s| s.team != team.slug) else { continue };
        let other_name = crate::data::team_by_slug(&other.team).map_or(other.team.as_str(), |t| t.name.as_str());
        notes.push(format!(
            "Clash: {} is also on call for {other_name} ({}) from {} to {}",
            name(&c.person),
            other.week,
            crate::time_format::team_time(c.from.with_timezone(&zone)),
            crate::time_format::team_time(c.to.with_timezone(&zone))
        ));
    }
    let instead = (w.on_call != w.scheduled).then(|| format!("instead of {}", name(&w.scheduled)));
    // A team with layers: its own layer's name, and a line for every other layer.
    let layers = if has_layers!(preview.inputs()) {
        let own = format!("{}: ", team_layers(preview.inputs())[0].name);
        Some((own, week_lines(preview.inputs(), w.week.start.to_utc(), w.week.end.to_utc())))
    } else {
        None
    };
    let week_name = w.week.id.to_string();
    let week_attr = week_name.clone();
    let on_call_attr = w.on_call.clone();
    view! {
        <tr class=class data-week=week_attr data-on-call=on_call_attr>
            <th scope="row" class="week">
                <A href=links::href(week_href)>{week_name}</A>
                {move || is_now().then(|| view! { <span class="badge now-badge">"now"</span> })}
                <span class="dates">{dates}</span>
                {(hours != 168).then(|| view! {
                    <span class="badge hours" title="Daylight saving time changes this week's length">
                        {format!("{hours} h")}
                    </span>
                })}
            </th>
            <td class="on-call">
                {layers.as_ref().map(|(own, _)| view! { <span class="layer-name">{own.clone()}</span> })}
                <PersonLink slug=w.on_call.clone() what_if=what_if.clone() />
                {instead.map(|text| view! { <span class="instead">{text}</span> })}
                {layers.map(|(_, lines)| view! {
                    <ul class="week-layers">{lines.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                })}
            </td>
            <td class="notes">
                {changed.map(|text| view! { <p class="badge changed-badge">{text}</p> })}
                {w.conflict.is_some().then(|| view! { <span class="badge conflict-badge">"conflict"</span> })}
                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                {decline.map(|href| view! {
                    <A href=links::href(href) attr:class="decline-swap">"Preview declining this swap"</A>
                })}
            </td>
        </tr>
    }
}
