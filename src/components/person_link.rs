use leptos::prelude::*;
use leptos_router::components::A;
use rota::WhatIf;

use crate::data::name_of;
use crate::links;

/// An engineer's name linking to their page (keeping a what-if preview when given).
#[component]
pub fn PersonLink(#[prop(into)] slug: String, #[prop(optional)] what_if: WhatIf) -> impl IntoView {
    let name = name_of(&slug);
    view! { <A href=links::href(links::with_what_if(&links::person(&slug), &what_if))>{name}</A> }
}
