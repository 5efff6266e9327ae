//! Which known names are close to a mistyped one: by edit distance, so "dianna" suggests
//! Diana and "eve", close to nobody, suggests no one rather than everyone.

/// The candidates (`(slug, name)`) whose slug or name is within a few edits of `typed`,
/// closest first (ties in the given order).
pub fn close_to<'a>(typed: &str, candidates: &'a [(String, String)]) -> Vec<&'a (String, String)> {
    let typed = typed.to_lowercase();
    let distances: Vec<Option<usize>> = candidates
        .iter()
        .map(|(slug, name)| {
            let distance = edits(&typed, slug).min(edits(&typed, &name.to_lowercase()));
            (distance <= allowed(typed.chars().count().min(slug.chars().count()))).then_some(distance)
        })
        .collect();
    // Closest first, by distance (at most two edits), without a sort of its own in the wasm.
    (0..=2)
        .flat_map(|d| candidates.iter().zip(&distances).filter(move |(_, at)| **at == Some(d)).map(|(c, _)| c))
        .collect()
}

/// Edits allowed for a word of `len` characters: one per three, at least one, so a short name
/// is not "close" to every other short name, and at most two, so long slugs sharing a prefix
/// ("aggregate-growht", "aggregate-profit") are not close either.
fn allowed(len: usize) -> usize {
    (len / 3).clamp(1, 2)
}

/// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring characters ("alcie" is one edit from "alice"), each counting one.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Vec<(String, String)> {
        ["Alice", "Bob", "Charlie", "Diana"].iter().map(|n| (n.to_lowercase(), n.to_string())).collect()
    }

    fn names(typed: &str) -> Vec<String> {
        close_to(typed, &team()).into_iter().map(|(_, name)| name.clone()).collect()
    }

    #[test]
    fn distances() {
        assert_eq!(edits("alcie", "alice"), 1);
        assert_eq!(edits("dianna", "diana"), 1);
        assert_eq!(edits("", "bob"), 3);
        assert_eq!(edits("kitten", "sitting"), 3);
    }

    #[test]
    fn only_close_names_are_suggested() {
        assert_eq!(names("dianna"), ["Diana"]);
        assert_eq!(names("alcie"), ["Alice"]);
        assert_eq!(names("Charly"), ["Charlie"]);
        assert_eq!(names("rob"), ["Bob"]);
        assert_eq!(names("eve"), Vec::<String>::new());
        assert_eq!(names("x"), Vec::<String>::new());
        let runbooks = [("aggregate-growth", "Aggregate Growth"), ("aggregate-profit", "Aggregate Profit")]
            .map(|(slug, name)| (slug.to_string(), name.to_string()));
        let close: Vec<&str> = close_to("aggregate-growht", &runbooks).iter().map(|(slug, _)| slug.as_str()).collect();
        assert_eq!(close, ["aggregate-growth"]);
    }
}
