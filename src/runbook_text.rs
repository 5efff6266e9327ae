//! The small markup runbook text may use, so a team can write steps people act on at 3 a.m.:
//!
//! - a fenced block (a line of three backticks, optionally naming the language, up to a line
//!   of three backticks) is kept verbatim: a query or a command to copy;
//! - `backticks` mark inline code;
//! - `https://` and `http://` addresses become links (nothing else does: no `javascript:`);
//! - a blank line starts a new paragraph.
//!
//! Everything else is plain text, shown as text (never as HTML).

/// A paragraph or a verbatim block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Code { language: Option<String>, text: String },
}

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Link(String),
}

const FENCE: &str = "```";

/// Splits runbook text into paragraphs and verbatim blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut code: Option<(Option<String>, Vec<&str>)> = None;
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(inlines(&paragraph.join("\n"))));
            paragraph.clear();
        }
    };
    for line in text.lines() {
        match &mut code {
            Some((language, lines)) => {
                if line.trim() == FENCE {
                    out.push(Block::Code { language: language.take(), text: lines.join("\n") });
                    code = None;
                } else {
                    lines.push(line);
                }
            }
            None if line.trim_start().starts_with(FENCE) => {
                flush(&mut paragraph, &mut out);
                let language = line.trim_start()[FENCE.len()..].trim();
                code = Some(((!language.is_empty()).then(|| language.to_string()), Vec::new()));
            }
            None if line.trim().is_empty() => flush(&mut paragraph, &mut out),
            None => paragraph.push(line),
        }
    }
    // An unclosed fence still shows its lines verbatim rather than losing them.
    if let Some((language, lines)) = code {
        out.push(Block::Code { language, text: lines.join("\n") });
    }
    flush(&mut paragraph, &mut out);
    out
}

/// Inline code and links in a paragraph's text.
fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    // Odd parts lie between backticks; a last, unpaired backtick leaves its text as text.
    let paired_parts = text.matches('`').count() / 2 * 2;
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 && i < paired_parts {
            out.push(Inline::Code(part.to_string()));
        } else {
            let text = if i % 2 == 1 { format!("`{part}") } else { part.to_string() };
            links(&text, &mut out);
        }
    }
    out.retain(|x| !matches!(x, Inline::Text(t) if t.is_empty()));
    out
}

fn links(text: &str, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(start) = ["https://", "http://"].iter().filter_map(|p| rest.find(p)).min() {
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        // Sentence punctuation after an address is not part of it.
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        out.push(Inline::Text(rest[..start].to_string()));
        out.push(Inline::Link(url.to_string()));
        rest = &tail[url.len()..];
    }
    out.push(Inline::Text(rest.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn plain_text_is_one_paragraph() {
        assert_eq!(blocks("Check the dashboard."), vec![Block::Paragraph(vec![text("Check the dashboard.")])]);
    }

    #[test]
    fn fenced_blocks_are_kept_verbatim() {
        let step = "Count yesterday's rows:\n```sql\nSELECT count(*)\n  FROM events  -- <b>not html</b>\n```\nCompare with the day before.";
        assert_eq!(
            blocks(step),
            vec![
                Block::Paragraph(vec![text("Count yesterday's rows:")]),
                Block::Code {
                    language: Some("sql".into()),
                    text: "SELECT count(*)\n  FROM events  -- <b>not html</b>".into()
                },
                Block::Paragraph(vec![text("Compare with the day before.")]),
            ]
        );
    }

    #[test]
    fn inline_code_and_links() {
        assert_eq!(
            blocks("Run `dbt test -s growth` and see https://ci.example.com/growth."),
            vec![Block::Paragraph(vec![
                text("Run "),
                Inline::Code("dbt test -s growth".into()),
                text(" and see "),
                Inline::Link("https://ci.example.com/growth".into()),
                text("."),
            ])]
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(blocks("javascript:alert(1)"), vec![Block::Paragraph(vec![text("javascript:alert(1)")])]);
    }

    #[test]
    fn an_unpaired_backtick_stays_text_and_an_unclosed_fence_keeps_its_lines() {
        assert_eq!(blocks("it's a ` tick"), vec![Block::Paragraph(vec![text("it's a "), text("` tick")])]);
        assert_eq!(blocks("```\nls -l"), vec![Block::Code { language: None, text: "ls -l".into() }]);
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(blocks("One.\n\nTwo.").len(), 2);
    }
}
