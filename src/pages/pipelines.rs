use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use rota::Audience;

use crate::components::person_link::PersonLink;
use crate::components::preview_ignored::PreviewIgnored;
use crate::data::{use_team, SiteTeam};
use crate::links;

pub fn audience_label(audience: Audience) -> &'static str {
    match audience {
        Audience::Investor => "investor",
        Audience::Experiments => "for experiments",
    }
}

/// Pipeline ownership (plan §1), grouped by business area: the page's team's (an
/// organisation's `/pipelines` asks which team's first).
#[component]
pub fn PipelinesPage() -> impl IntoView {
    view! {
        <Title text="Pipelines" />
        <h1>"Pipelines and owners"</h1>
        <PreviewIgnored />
        {ownership_table(use_team())}
    }
}

/// A team's pipelines by business area.
fn ownership_table(team: &'static SiteTeam) -> impl IntoView {
    let data = &team.data;
    let mut areas: Vec<&str> = Vec::new();
    for p in &data.pipelines {
        if !areas.contains(&p.area.as_str()) {
            areas.push(&p.area);
        }
    }
    let groups = areas
        .into_iter()
        .map(|area| {
            let rows = data
                .pipelines
                .iter()
                .filter(|p| p.area == area)
                .map(|p| {
                    view! {
                        <tr data-pipeline=p.slug.clone()>
                            <th scope="row">
                                <A href=links::href(links::pipeline(&p.slug))>{p.name.clone()}</A>
                                " " <span class="tag">{audience_label(p.audience)}</span>
                            </th>
                            <td data-label="Primary"><PersonLink slug=p.primary.clone() /></td>
                            <td data-label="Secondary"><PersonLink slug=p.secondary.clone() /></td>
                            <td>{data.runbook(&p.slug).map(|_| view! { <A href=links::href(links::runbook(&p.slug))>"Runbook"</A> })}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="area"><th scope="rowgroup" colspan="4">{area.to_string()}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let caption = format!("{}'s pipelines by business area with their owners", team.name());
    view! {
        <table class="ownership">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Pipeline"</th>
                    <th scope="col">"Primary owner"</th>
                    <th scope="col">"Secondary owner"</th>
                    <th scope="col">"Runbook"</th>
                </tr>
            </thead>
            {groups}
        </table>
    }
}
