//! Validation of engineers' contacts in `team.json`. Each becomes a link on the site, so a
//! value that would make a broken or unsafe link (a phone number with letters, an address
//! without `@`, a `javascript:` URL) is refused where it is written.

use serde::Deserialize;

use super::Validator;
use crate::contact::is_web_url;
use crate::{Contact, ContactKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContact {
    kind: String,
    value: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

impl Validator {
    /// The contacts at `at` (e.g. `/engineers/0/contacts`) in `file`; invalid ones are reported
    /// and left out.
    pub(super) fn contacts(&mut self, file: &str, at: &str, raw: &[RawContact]) -> Vec<Contact> {
        raw.iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let at = format!("{at}/{i}");
                let kind = self.check(file, &format!("{at}/kind"), parse_kind(&c.kind));
                if c.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
                    self.error(
                        file,
                        format!("{at}/label"),
                        "the label is empty: name the contact (e.g. \"PagerDuty\") or leave the label out",
                    );
                }
                if c.value.trim().is_empty() {
                    self.error(
                        file,
                        format!("{at}/value"),
                        "the value is empty: give the number, address, handle or web address",
                    );
                    return None;
                }
                let kind = kind?;
                let valid_value = self.check(file, &format!("{at}/value"), check_value(kind, &c.value)).is_some();
                let valid_url = match (&c.url, kind) {
                    (None, _) => true,
                    (Some(url), ContactKind::Chat) => {
                        self.check(file, &format!("{at}/url"), check_web_url(url)).is_some()
                    }
                    (Some(_), _) => {
                        self.error(
                            file,
                            format!("{at}/url"),
                            format!("\"url\" is only for chat contacts: a {} contact links by its value", kind.name()),
                        );
                        false
                    }
                };
                (valid_value && valid_url).then(|| Contact {
                    kind,
                    value: c.value.clone(),
                    label: c.label.clone(),
                    url: c.url.clone(),
                })
            })
            .collect()
    }
}

fn parse_kind(name: &str) -> Result<ContactKind, String> {
    ContactKind::ALL.into_iter().find(|k| k.name() == name).ok_or_else(|| {
        let known: Vec<&str> = ContactKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown contact kind \"{name}\" (known: {})", known.join(", "))
    })
}

fn check_value(kind: ContactKind, value: &str) -> Result<(), String> {
    match kind {
        ContactKind::Phone if !is_phone_number(value) => Err(format!(
            "\"{value}\" is not a phone number: use digits, spaces and + - ( ) . only (e.g. \"+1 555 0100\")"
        )),
        ContactKind::Email if !is_email_address(value) => Err(format!(
            "\"{value}\" is not an e-mail address: write it as name@domain, without spaces (e.g. \"alice@example.com\")"
        )),
        ContactKind::Url => check_web_url(value),
        _ => Ok(()),
    }
}

fn check_web_url(url: &str) -> Result<(), String> {
    if is_web_url(url) {
        Ok(())
    } else {
        Err(format!(
            "\"{url}\" is not a web address: use an http:// or https:// URL (e.g. \"https://example.com/alice\")"
        ))
    }
}

/// A phone number as people write it: an optional leading `+`, then digits, spaces and
/// `-` `.` `(` `)`, with at least one digit.
fn is_phone_number(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// A plain `name@domain` address: one `@`, no spaces, and none of the characters that would
/// change what a `mailto:` link does (`?` adds headers, `#` ends it).
fn is_email_address(text: &str) -> bool {
    const FORBIDDEN: &str = "?#<>\",;()[]\\:@";
    let Some((name, domain)) = text.split_once('@') else { return false };
    let name_ok = !name.is_empty() && name.chars().all(|c| !c.is_whitespace() && !FORBIDDEN.contains(c));
    let domain_ok = domain.starts_with(|c: char| c.is_ascii_alphanumeric())
        && domain.ends_with(|c: char| c.is_ascii_alphanumeric())
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    name_ok && domain_ok
}
