//! The pieces shared by the site's data files ([`crate::team_file`], [`crate::org_files`]):
//! a line is a tag and space-separated fields, read without a parser library.
//!
//! A field is escaped as in [`crate::text_files`] (`\\`, `\n`, `\r`), and a space inside it is
//! `\s`, so fields split on spaces; the last field of a line (its *rest*) keeps its spaces. An
//! optional field is `-` when absent and `+` then the value when present. A line that ends
//! after its tag has no fields; `tag ` (a space, nothing after) has one empty field.

use std::str::FromStr;

use crate::text_files::{unescape, TextFileError};
use crate::{Contact, ContactKind};

/// Appends ` value`, escaped, spaces included (`\s`).
pub(crate) fn word(out: &mut String, value: &str) {
    out.push(' ');
    escape(out, value, true);
}

/// Appends ` -` for `None`, ` +value` for a value.
pub(crate) fn opt(out: &mut String, value: Option<&str>) {
    match value {
        None => out.push_str(" -"),
        Some(value) => {
            out.push_str(" +");
            escape(out, value, true);
        }
    }
}

/// Appends ` value` as the last field of a line (its spaces stay) and ends the line.
pub(crate) fn rest(out: &mut String, value: &str) {
    out.push(' ');
    escape(out, value, false);
    out.push('\n');
}

/// Appends ` value` for anything printed plainly (numbers, dates, weeks).
pub(crate) fn num(out: &mut String, value: impl std::fmt::Display) {
    use std::fmt::Write as _;
    let _ = write!(out, " {value}");
}

fn escape(out: &mut String, value: &str, spaces: bool) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' ' if spaces => out.push_str("\\s"),
            c => out.push(c),
        }
    }
}

/// A [`Contact`] as a line: `tag kind label url value` (label and url optional).
pub(crate) fn contact(out: &mut String, tag: &str, c: &Contact) {
    out.push_str(tag);
    word(out, c.kind.name());
    opt(out, c.label.as_deref());
    opt(out, c.url.as_deref());
    rest(out, &c.value);
}

pub(crate) fn read_contact(f: &mut Fields) -> Result<Contact, TextFileError> {
    let kind = f.word("contact kind")?;
    let kind = ContactKind::ALL.into_iter().find(|k| k.name() == kind).ok_or_else(|| f.fail("bad contact kind"))?;
    Ok(Contact { kind, label: f.opt("label")?, url: f.opt("url")?, value: f.rest("value")? })
}

/// The lines after `header` (which must be the first), each as its number, tag and fields.
pub(crate) fn lines<'a>(
    body: &'a str,
    header: &'static str,
    what: &'static str,
) -> Result<impl Iterator<Item = (&'a str, Fields<'a>)>, TextFileError> {
    let mut lines = body.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first == header => {}
        _ => return Err(TextFileError { line: 1, reason: format!("not a {what} (expected \"{header}\")") }),
    }
    Ok(lines.map(|(i, raw)| match raw.split_once(' ') {
        Some((tag, rest)) => (tag, Fields { rest: Some(rest), line: i + 1 }),
        None => (raw, Fields { rest: None, line: i + 1 }),
    }))
}

/// The fields of one line, read in order.
pub(crate) struct Fields<'a> {
    rest: Option<&'a str>,
    pub(crate) line: usize,
}

impl<'a> Fields<'a> {
    /// An error on this line.
    pub(crate) fn fail(&self, reason: impl Into<String>) -> TextFileError {
        TextFileError { line: self.line, reason: reason.into() }
    }

    fn raw(&mut self, what: &str) -> Result<&'a str, TextFileError> {
        let rest = self.rest.ok_or_else(|| self.fail(format!("missing {what}")))?;
        Ok(match rest.split_once(' ') {
            Some((field, rest)) => {
                self.rest = Some(rest);
                field
            }
            None => {
                self.rest = None;
                rest
            }
        })
    }

    fn text(&self, raw: &str, what: &str) -> Result<String, TextFileError> {
        unescape(raw).ok_or_else(|| self.fail(format!("bad escape in {what}")))
    }

    pub(crate) fn word(&mut self, what: &str) -> Result<String, TextFileError> {
        let raw = self.raw(what)?;
        self.text(raw, what)
    }

    pub(crate) fn opt(&mut self, what: &str) -> Result<Option<String>, TextFileError> {
        let raw = self.raw(what)?;
        match (raw, raw.strip_prefix('+')) {
            ("-", _) => Ok(None),
            (_, Some(value)) => self.text(value, what).map(Some),
            _ => Err(self.fail(format!("{what} must be \"-\" or start with \"+\""))),
        }
    }

    /// Everything left on the line, spaces included.
    pub(crate) fn rest(&mut self, what: &str) -> Result<String, TextFileError> {
        let raw = self.rest.take().ok_or_else(|| self.fail(format!("missing {what}")))?;
        self.text(raw, what)
    }

    pub(crate) fn parse<T: FromStr>(&mut self, what: &str) -> Result<T, TextFileError> {
        let raw = self.raw(what)?;
        raw.parse().map_err(|_| self.fail(format!("bad {what} \"{raw}\"")))
    }

    /// Whether any field is left.
    pub(crate) fn more(&self) -> bool {
        self.rest.is_some()
    }

    /// Fails if fields are left over.
    pub(crate) fn end(&self) -> Result<(), TextFileError> {
        match self.rest {
            Some(_) => Err(self.fail("too many fields")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_spaces_and_tell_absent_from_empty() {
        let mut out = String::from("h\nx");
        word(&mut out, "a b\\");
        opt(&mut out, None);
        opt(&mut out, Some(""));
        word(&mut out, "");
        rest(&mut out, "c d\n");
        assert_eq!(out, "h\nx a\\sb\\\\ - +  c d\\n\n");
        let (tag, mut f) = lines(&out, "h", "file").unwrap().next().unwrap();
        assert_eq!(tag, "x");
        assert_eq!(f.word("a").unwrap(), "a b\\");
        assert_eq!(f.opt("b").unwrap(), None);
        assert_eq!(f.opt("c").unwrap(), Some(String::new()));
        assert_eq!(f.word("d").unwrap(), "");
        assert_eq!(f.rest("e").unwrap(), "c d\n");
        assert!(!f.more());
        assert!(f.word("f").is_err());
    }
}
