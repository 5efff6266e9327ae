//! How to reach an engineer, as links a phone or browser acts on (`tel:`, `mailto:`, web
//! addresses), or a plain "No contact on file" with the team's fallback contacts, if it set
//! any. Where the data lacks contacts is for `rota check` and the build log to say: the person
//! reading this may be on call at 3 a.m., not editing the data.

use leptos::prelude::*;
use rota::{Contact, ContactKind};

use crate::data::try_use_team;

/// The contacts of the engineer `slug` from `data/team.json`, in their order, and the older
/// free-text `contact` as a note.
#[component]
pub fn ContactLinks(#[prop(into)] slug: String) -> impl IntoView {
    // The page's team's engineer; else (an organisation's front page) the directory's person.
    let team = try_use_team();
    let (contacts, contact, fallback) = match team.and_then(|t| t.inputs().engineer(&slug)) {
        Some(engineer) => (&engineer.contacts, &engineer.contact, team.map(|t| &t.inputs().team.fallback_contacts)),
        None => match crate::org_data::person(&slug) {
            Some(person) => (&person.person.contacts, &person.person.contact, None),
            None => return ().into_any(),
        },
    };
    if contacts.is_empty() && contact.is_none() {
        let fallback = fallback.map(Vec::as_slice).unwrap_or_default();
        let fallback = (!fallback.is_empty()).then(|| {
            view! {
                <p class="fallback-intro">"Reach the team instead:"</p>
                <ul class="contacts" data-testid="fallback-contacts">{fallback.iter().map(contact_item).collect_view()}</ul>
            }
        });
        return view! {
            <p class="no-contacts" data-testid="no-contacts">"No contact on file"</p>
            {fallback}
        }
        .into_any();
    }
    let items = contacts.iter().map(contact_item).collect_view();
    let note = contact.clone().map(|note| view! { <li class="contact-note">"Note: " {note}</li> });
    view! { <ul class="contacts" data-testid="contacts">{items}{note}</ul> }.into_any()
}

fn contact_item(contact: &Contact) -> impl IntoView + use<> {
    let value = contact.value.clone();
    // A new tab for web pages, so the page with the escalation line stays open; noopener
    // keeps the opened page from reaching back into this one.
    let web_page = matches!(contact.kind, ContactKind::Chat | ContactKind::Url);
    let shown = match contact.href() {
        Some(href) if web_page => view! { <a href=href target="_blank" rel="noopener">{value}</a> }.into_any(),
        Some(href) => view! { <a href=href rel="noopener">{value}</a> }.into_any(),
        None => view! { <span>{value}</span> }.into_any(),
    };
    view! {
        <li data-kind=contact.kind.name()>
            <span class="contact-label">{contact.label().to_string()}</span> " " {shown}
        </li>
    }
}
