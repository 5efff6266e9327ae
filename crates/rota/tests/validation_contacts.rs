//! Engineers' contacts in `team.json`: the worked example loads into links, and every value
//! that would make a broken or unsafe link is reported with its file, JSON pointer and reason.

mod data_fixture;

use data_fixture::Fixture;
use rota::load::load_dir;
use rota::{Contact, ContactKind};
use serde_json::{json, Value};

const F: &str = "team.json";

/// The example contacts of `tests/fixtures/contacts/`, by engineer slug.
fn examples() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/contacts/team-contacts.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The default data with the example contacts merged into its engineers, as `scripts/test`
/// does for the later-deploy build.
fn with_examples() -> Fixture {
    let fx = Fixture::new();
    fx.edit(F, |team| {
        let Value::Object(by_slug) = examples() else { panic!("the examples are an object by slug") };
        for engineer in team["engineers"].as_array_mut().unwrap() {
            if let Some(Value::Object(fields)) = by_slug.get(engineer["slug"].as_str().unwrap()) {
                engineer.as_object_mut().unwrap().extend(fields.clone());
            }
        }
    });
    fx
}

/// The default data with Alice's contacts set to `contacts`.
fn alice_with(contacts: Value) -> Fixture {
    let fx = Fixture::new();
    fx.set(F, "/engineers/0/contacts", contacts);
    fx
}

fn contact(kind: ContactKind, value: &str, label: Option<&str>, url: Option<&str>) -> Contact {
    Contact { kind, value: value.into(), label: label.map(String::from), url: url.map(String::from) }
}

#[test]
fn the_example_contacts_load_in_order_with_their_links() {
    let data = load_dir(&with_examples().dir).unwrap_or_else(|e| panic!("{e}"));
    let alice = data.engineer("alice").unwrap();
    assert_eq!(
        alice.contacts,
        [
            contact(ContactKind::Phone, "+1 555 0100", None, None),
            contact(ContactKind::Email, "alice@example.com", None, None),
            contact(ContactKind::Chat, "@alice", None, Some("https://chat.example.com/alice")),
            contact(ContactKind::Url, "https://pagerduty.example.com/users/alice", Some("PagerDuty"), None),
        ]
    );
    let links: Vec<Option<String>> = alice.contacts.iter().map(Contact::href).collect();
    assert_eq!(
        links,
        [
            Some("tel:+15550100".into()),
            Some("mailto:alice@example.com".into()),
            Some("https://chat.example.com/alice".into()),
            Some("https://pagerduty.example.com/users/alice".into()),
        ]
    );
    let labels: Vec<&str> = alice.contacts.iter().map(Contact::label).collect();
    assert_eq!(labels, ["Phone", "E-mail", "Chat", "PagerDuty"]);
}

#[test]
fn the_older_free_text_contact_is_still_accepted_as_a_note() {
    let data = load_dir(&with_examples().dir).unwrap_or_else(|e| panic!("{e}"));
    let charlie = data.engineer("charlie").unwrap();
    assert_eq!(charlie.contact.as_deref(), Some("Desk phone 4417, mornings"));
    assert_eq!(charlie.contacts, []);
    assert_eq!(data.engineer("bob").unwrap().contacts, []);
}

#[test]
fn a_chat_handle_without_a_url_is_valid_and_not_a_link() {
    let fx = alice_with(json!([{ "kind": "chat", "value": "@alice", "label": null, "url": null }]));
    let data = load_dir(&fx.dir).unwrap_or_else(|e| panic!("{e}"));
    let chat = &data.engineer("alice").unwrap().contacts[0];
    assert_eq!(chat.href(), None);
}

#[test]
fn a_phone_number_with_letters_is_rejected() {
    alice_with(json!([{ "kind": "phone", "value": "+1 555 CALL-NOW" }])).expect_one(
        F,
        "/engineers/0/contacts/0/value",
        "\"+1 555 CALL-NOW\" is not a phone number: use digits, spaces and + - ( ) . only (e.g. \"+1 555 0100\")",
    );
    // A + inside the number is a typo too.
    alice_with(json!([{ "kind": "phone", "value": "1 555+0100" }])).expect_one(
        F,
        "/engineers/0/contacts/0/value",
        "\"1 555+0100\" is not a phone number: use digits, spaces and + - ( ) . only (e.g. \"+1 555 0100\")",
    );
}

#[test]
fn an_email_address_without_at_is_rejected() {
    let reason = |v: &str| {
        format!(
            "\"{v}\" is not an e-mail address: write it as name@domain, without spaces (e.g. \"alice@example.com\")"
        )
    };
    for bad in ["alice.example.com", "alice@", "alice smith@example.com", "alice@example.com?cc=eve@example.com"] {
        alice_with(json!([{ "kind": "email", "value": bad }])).expect_one(
            F,
            "/engineers/0/contacts/0/value",
            &reason(bad),
        );
    }
}

#[test]
fn a_url_that_is_not_http_is_rejected_and_javascript_never_passes() {
    let reason = |v: &str| {
        format!("\"{v}\" is not a web address: use an http:// or https:// URL (e.g. \"https://example.com/alice\")")
    };
    for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "ftp://files.example.com", "https://", "example.com"] {
        alice_with(json!([{ "kind": "url", "label": "PagerDuty", "value": bad }])).expect_one(
            F,
            "/engineers/0/contacts/0/value",
            &reason(bad),
        );
        alice_with(json!([{ "kind": "chat", "value": "@alice", "url": bad }])).expect_one(
            F,
            "/engineers/0/contacts/0/url",
            &reason(bad),
        );
    }
}

#[test]
fn an_empty_value_or_label_is_rejected() {
    alice_with(json!([{ "kind": "email", "value": " " }])).expect_one(
        F,
        "/engineers/0/contacts/0/value",
        "the value is empty: give the number, address, handle or web address",
    );
    alice_with(json!([{ "kind": "url", "label": "", "value": "https://pagerduty.example.com" }])).expect_one(
        F,
        "/engineers/0/contacts/0/label",
        "the label is empty: name the contact (e.g. \"PagerDuty\") or leave the label out",
    );
}

#[test]
fn an_unknown_kind_and_a_url_on_another_kind_are_rejected() {
    alice_with(json!([{ "kind": "fax", "value": "+1 555 0100" }])).expect_one(
        F,
        "/engineers/0/contacts/0/kind",
        "unknown contact kind \"fax\" (known: phone, email, chat, url)",
    );
    alice_with(json!([{ "kind": "phone", "value": "+1 555 0100", "url": "https://example.com" }])).expect_one(
        F,
        "/engineers/0/contacts/0/url",
        "\"url\" is only for chat contacts: a phone contact links by its value",
    );
}

#[test]
fn a_missing_value_or_an_unknown_field_is_reported_with_its_path() {
    alice_with(json!([{ "kind": "phone" }])).expect_one(F, "/engineers/0/contacts/0", "missing field `value`");
    alice_with(json!([{ "kind": "phone", "value": "+1 555 0100", "note": "x" }])).expect_one(
        F,
        "/engineers/0/contacts/0/note",
        "unknown field `note`, expected one of `kind`, `value`, `label`, `url`",
    );
}

#[test]
fn every_bad_contact_is_reported_not_just_the_first() {
    let fx = alice_with(json!([
        { "kind": "phone", "value": "+1 555 0100" },
        { "kind": "email", "value": "alice" },
        { "kind": "url", "value": "javascript:alert(1)" }
    ]));
    fx.set(F, "/engineers/2/contacts", json!([{ "kind": "phone", "value": "call me" }]));
    let errors = fx.errors();
    let pointers: Vec<&str> = errors.iter().map(|e| e.split(": ").nth(1).unwrap()).collect();
    assert_eq!(
        pointers,
        ["/engineers/0/contacts/1/value", "/engineers/0/contacts/2/value", "/engineers/2/contacts/0/value"]
    );
}

#[test]
fn team_fallback_contacts_load_and_are_checked_like_an_engineers() {
    let fx = Fixture::new();
    fx.set(
        F,
        "/fallback_contacts",
        json!([{ "kind": "chat", "value": "#data-oncall", "url": "https://chat.example.com/data-oncall" }]),
    );
    let data = load_dir(&fx.dir).unwrap();
    assert_eq!(
        data.inputs.team.fallback_contacts,
        [contact(ContactKind::Chat, "#data-oncall", None, Some("https://chat.example.com/data-oncall"))]
    );
    fx.set(F, "/fallback_contacts", json!([{ "kind": "phone", "value": "bridge" }]));
    fx.expect_one(
        F,
        "/fallback_contacts/0/value",
        "\"bridge\" is not a phone number: use digits, spaces and + - ( ) . only (e.g. \"+1 555 0100\")",
    );
}

#[test]
fn someone_without_contacts_is_a_warning_that_says_where_to_add_them() {
    let fx = with_examples();
    // Alice has contacts and Charlie a note; Bob and Diana have nothing.
    let none = |i: usize, slug: &str| {
        format!("{slug} has no contacts: pages say \"No contact on file\"; add them under /engineers/{i}/contacts (or give the team /fallback_contacts)")
    };
    fx.expect_warnings(&[(F, "/engineers/1", &none(1, "bob")), (F, "/engineers/3", &none(3, "diana"))]);
    fx.set(F, "/fallback_contacts", json!([{ "kind": "chat", "value": "#data-oncall" }]));
    let instead = |i: usize, slug: &str| {
        format!("{slug} has no contacts: pages offer the team's /fallback_contacts instead; add theirs under /engineers/{i}/contacts")
    };
    fx.expect_warnings(&[(F, "/engineers/1", &instead(1, "bob")), (F, "/engineers/3", &instead(3, "diana"))]);
}
