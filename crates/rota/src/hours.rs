//! Time on call written for people: the fairness page and the CSV files show the same text.

/// Minutes as hours: whole ("168"), else to a tenth ("15.5", and "0.3" for 20 minutes).
///
/// ```
/// assert_eq!(rota::hours::text(168 * 60), "168");
/// assert_eq!(rota::hours::text(15 * 60 + 30), "15.5");
/// assert_eq!(rota::hours::text(20), "0.3");
/// ```
pub fn text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{:.1}", f64::from(minutes) / 60.0)
    }
}
