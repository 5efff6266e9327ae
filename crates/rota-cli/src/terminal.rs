//! Text from the data folder on a terminal. Names and notes are free text: a control character
//! (an escape sequence can recolour, retitle or rewrite the terminal), a bidirectional control
//! (which reorders the rest of the line, so "Bob" can appear where the bytes say otherwise) or
//! an invisible character would make the output say something other than what it holds. They
//! are shown as `\uXXXX` instead, which is also how JSON escapes them, so JSON output stays
//! valid and reads back as the same text.

/// `text` with every control, bidirectional-control and invisible character written as
/// `\uXXXX` (all of them are below U+10000), so what the terminal shows is what the text holds.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Bidirectional marks, embeddings, overrides and isolates.
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            // Zero-width space, word joiner, byte-order mark. (Zero-width joiners stay: emoji
            // and several scripts need them.)
            | '\u{200B}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Prints one line made [`visible`]; a newline inside it is shown, not obeyed.
macro_rules! say {
    ($($arg:tt)*) => { println!("{}", $crate::terminal::visible(&format!($($arg)*))) };
}
pub(crate) use say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_what_would_hide_or_reorder_text() {
        assert_eq!(visible("Charlie \u{202E}gnp.exe"), "Charlie \\u202Egnp.exe");
        assert_eq!(visible("\u{1b}[31mred\u{1b}[0m"), "\\u001B[31mred\\u001B[0m");
        assert_eq!(visible("Di\u{200B}ana\nnext: Mallory"), "Di\\u200Bana\\u000Anext: Mallory");
        assert_eq!(visible("Zoë 👩\u{200D}💻 <b>"), "Zoë 👩\u{200D}💻 <b>");
    }
}
