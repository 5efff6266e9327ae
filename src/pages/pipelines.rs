use leptos::prelude::*;
use leptos_meta::Title;
use rota::Audience;

use crate::data::team_data;

/// Pipeline ownership (plan §1), from the embedded data.
#[component]
pub fn Pipelines() -> impl IntoView {
    let data = team_data();
    let name = |slug: &str| data.engineer(slug).map_or_else(|| slug.to_string(), |e| e.name.clone());
    let rows = data
        .pipelines
        .iter()
        .map(|p| {
            let audience = match p.audience {
                Audience::Investor => "investor",
                Audience::Experiments => "experiments",
            };
            view! {
                <tr data-pipeline=p.slug.clone()>
                    <td>{p.area.clone()}</td>
                    <th scope="row">{p.name.clone()}" "<span class="tag">{audience}</span></th>
                    <td>{name(&p.primary)}</td>
                    <td>{name(&p.secondary)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text="Pipelines" />
        <section aria-labelledby="pipelines-title">
            <h1 id="pipelines-title">"Pipeline ownership"</h1>
            <table class="ownership">
                <thead>
                    <tr>
                        <th scope="col">"Business area"</th>
                        <th scope="col">"Pipeline"</th>
                        <th scope="col">"Primary owner"</th>
                        <th scope="col">"Secondary owner"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
