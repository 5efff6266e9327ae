//! Time on call written for people: the fairness page and the CSV files show the same text.

/// Minutes as hours: whole ("168"), else to a tenth, a half tenth (3 minutes) rounded up
/// ("15.5", "0.3" for 20 minutes, "0.2" for 9). In whole numbers: floating-point formatting
/// would add about 10 kB to the site's wasm, and rounds halves unevenly (0.15 h → "0.1").
///
/// ```
/// assert_eq!(rota::hours::text(168 * 60), "168");
/// assert_eq!(rota::hours::text(15 * 60 + 30), "15.5");
/// assert_eq!(rota::hours::text(20), "0.3");
/// assert_eq!(rota::hours::text(9), "0.2");
/// assert_eq!(rota::hours::text(59), "1.0");
/// ```
pub fn text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        let tenths = (u64::from(minutes) + 3) / 6;
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}
