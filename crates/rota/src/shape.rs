//! The shape check the data's dates and times pass before chrono parses them: chrono alone
//! would also accept e.g. "2025- 1-01" or " 9:00".

/// Whether `text` has an ASCII digit wherever `shape` has `0`, and `shape`'s other bytes elsewhere.
pub(crate) fn has_shape(text: &str, shape: &str) -> bool {
    text.len() == shape.len()
        && text.bytes().zip(shape.bytes()).all(|(t, s)| if s == b'0' { t.is_ascii_digit() } else { t == s })
}
