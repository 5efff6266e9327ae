//! How to reach an engineer: a phone number, an e-mail address, a chat handle or a web page
//! (a paging service, a profile), each turned into the link a phone or browser acts on.

/// What kind of contact a [`Contact`] is; it decides the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Phone,
    Email,
    Chat,
    Url,
}

impl ContactKind {
    pub const ALL: [ContactKind; 4] = [ContactKind::Phone, ContactKind::Email, ContactKind::Chat, ContactKind::Url];

    /// The name used in the data (`"kind": "phone"`).
    pub fn name(self) -> &'static str {
        match self {
            ContactKind::Phone => "phone",
            ContactKind::Email => "email",
            ContactKind::Chat => "chat",
            ContactKind::Url => "url",
        }
    }

    /// What a page calls it when the contact has no label of its own.
    pub fn label(self) -> &'static str {
        match self {
            ContactKind::Phone => "Phone",
            ContactKind::Email => "E-mail",
            ContactKind::Chat => "Chat",
            ContactKind::Url => "Link",
        }
    }
}

/// One way to reach an engineer, validated when the data is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub kind: ContactKind,
    /// What is shown: the number, the address, the handle, or the web address.
    pub value: String,
    /// What this contact is (e.g. "PagerDuty", "Mobile"), shown instead of the kind's name.
    pub label: Option<String>,
    /// Chat only: a web address that opens the handle (a handle alone is not a link).
    pub url: Option<String>,
}

impl Contact {
    /// The link target: `tel:`, `mailto:` or a web address; `None` for a chat handle without
    /// one. Only http(s) addresses ever become links, so no data can smuggle in `javascript:`.
    pub fn href(&self) -> Option<String> {
        match self.kind {
            // tel: wants the digits alone; spaces and brackets are for people.
            ContactKind::Phone => Some(format!(
                "tel:{}",
                self.value.chars().filter(|c| *c == '+' || c.is_ascii_digit()).collect::<String>()
            )),
            ContactKind::Email => Some(format!("mailto:{}", self.value)),
            ContactKind::Chat => self.url.clone().filter(|url| is_web_url(url)),
            ContactKind::Url => Some(self.value.clone()).filter(|url| is_web_url(url)),
        }
    }

    /// The label a page shows before the value: the contact's own, or its kind's.
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or(self.kind.label())
    }
}

/// An `http://` or `https://` address with a host and no spaces.
pub fn is_web_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &text[8..]
    } else if lower.starts_with("http://") {
        &text[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(kind: ContactKind, value: &str, url: Option<&str>) -> Contact {
        Contact { kind, value: value.into(), label: None, url: url.map(String::from) }
    }

    #[test]
    fn links_by_kind() {
        assert_eq!(contact(ContactKind::Phone, "+1 (555) 010-0", None).href().as_deref(), Some("tel:+15550100"));
        assert_eq!(contact(ContactKind::Email, "a@example.com", None).href().as_deref(), Some("mailto:a@example.com"));
        assert_eq!(contact(ContactKind::Chat, "@a", None).href(), None);
        let chat = contact(ContactKind::Chat, "@a", Some("https://chat.example.com/a"));
        assert_eq!(chat.href().as_deref(), Some("https://chat.example.com/a"));
        assert_eq!(contact(ContactKind::Url, "javascript:alert(1)", None).href(), None);
        assert_eq!(contact(ContactKind::Chat, "@a", Some("JavaScript:alert(1)")).href(), None);
    }

    #[test]
    fn web_urls() {
        for ok in ["https://x", "HTTPS://pd.example.com/a?b#c", "http://10.0.0.1:8080/"] {
            assert!(is_web_url(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", "https://", "https:///path", "ftp://x", "https://a b", "x", ""] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
