//! The checked-in list of known failures (`conformance/expectations.txt`) and the comparison
//! of a run against it: a run is good when every listed test still fails and every other
//! test passes (or is skipped). Lines are `<path> <fail|crash|timeout>  # <reason>`.

use crate::outcome::{Kind, Outcome};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub kind: Kind,
    pub reason: String,
}

pub type Expectations = BTreeMap<String, Known>;

pub fn parse(text: &str) -> Result<Expectations, String> {
    let mut map = Expectations::new();
    for (number, line) in text.lines().enumerate() {
        let (entry, reason) = match line.split_once('#') {
            Some((entry, reason)) => (entry.trim(), reason.trim()),
            None => (line.trim(), ""),
        };
        if entry.is_empty() {
            continue;
        }
        let mut words = entry.split_whitespace();
        let (Some(path), Some(kind), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!(
                "line {}: expected `<path> <fail|crash|timeout>  # reason`",
                number + 1
            ));
        };
        let kind = match Kind::parse(kind) {
            Some(kind @ (Kind::Fail | Kind::Crash | Kind::Timeout)) => kind,
            _ => return Err(format!("line {}: unknown outcome `{kind}`", number + 1)),
        };
        let known = Known {
            kind,
            reason: reason.to_string(),
        };
        if map.insert(path.to_string(), known).is_some() {
            return Err(format!("line {}: `{path}` is listed twice", number + 1));
        }
    }
    Ok(map)
}

/// The expectations file a run would produce: every non-passing, non-skipped test.
pub fn render(results: &BTreeMap<String, Outcome>, header: &str) -> String {
    let mut text = String::from(header);
    for (path, outcome) in results {
        if matches!(outcome.kind, Kind::Pass | Kind::Skip) {
            continue;
        }
        let reason = outcome.reason.replace('\n', " ");
        text.push_str(&format!("{path} {}  # {reason}\n", outcome.kind.name()));
    }
    text
}

/// Differences between a run and the expectations, over the tests that ran.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Not listed, and did not pass.
    pub regressions: Vec<(String, Outcome)>,
    /// Listed as failing, and passed.
    pub unexpected_passes: Vec<String>,
    /// Listed and still failing, but differently (say fail -> crash): informational.
    pub changed: Vec<(String, Kind, Kind)>,
}

impl Comparison {
    pub fn is_clean(&self) -> bool {
        self.regressions.is_empty() && self.unexpected_passes.is_empty()
    }
}

pub fn compare(results: &BTreeMap<String, Outcome>, expected: &Expectations) -> Comparison {
    let mut comparison = Comparison::default();
    for (path, outcome) in results {
        match (outcome.kind, expected.get(path)) {
            (Kind::Skip, _) | (Kind::Pass, None) => {}
            (Kind::Pass, Some(_)) => comparison.unexpected_passes.push(path.clone()),
            (kind, None) => comparison
                .regressions
                .push((path.clone(), Outcome::new(kind, outcome.reason.clone()))),
            (kind, Some(known)) if kind != known.kind => {
                comparison.changed.push((path.clone(), known.kind, kind))
            }
            _ => {}
        }
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(entries: &[(&str, Kind)]) -> BTreeMap<String, Outcome> {
        entries
            .iter()
            .map(|(p, k)| (p.to_string(), Outcome::new(*k, "why")))
            .collect()
    }

    #[test]
    fn parse_and_render_round_trip() {
        let run = results(&[
            ("a_t01.dart", Kind::Pass),
            ("b_t01.dart", Kind::Fail),
            ("c_t01.dart", Kind::Skip),
            ("d_t01.dart", Kind::Crash),
        ]);
        let text = render(&run, "# header\n");
        assert_eq!(
            text,
            "# header\nb_t01.dart fail  # why\nd_t01.dart crash  # why\n"
        );
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed["d_t01.dart"].kind, Kind::Crash);
        assert!(compare(&run, &parsed).is_clean());
    }

    #[test]
    fn parse_rejects_bad_lines() {
        assert!(parse("a_t01.dart\n").is_err());
        assert!(parse("a_t01.dart pass # no\n").is_err());
        assert!(parse("a_t01.dart fail\na_t01.dart fail\n").is_err());
    }

    #[test]
    fn regressions_and_unexpected_passes() {
        let expected = parse("a_t01.dart fail # x\nb_t01.dart fail # y\n").unwrap();
        let run = results(&[
            ("a_t01.dart", Kind::Pass),
            ("b_t01.dart", Kind::Timeout),
            ("c_t01.dart", Kind::Fail),
            ("d_t01.dart", Kind::Pass),
        ]);
        let comparison = compare(&run, &expected);
        assert_eq!(comparison.unexpected_passes, vec!["a_t01.dart".to_string()]);
        assert_eq!(comparison.regressions.len(), 1);
        assert_eq!(comparison.regressions[0].0, "c_t01.dart");
        assert_eq!(
            comparison.changed,
            vec![("b_t01.dart".to_string(), Kind::Fail, Kind::Timeout)]
        );
        assert!(!comparison.is_clean());
    }
}
