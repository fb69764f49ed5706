//! The results of a run: per-folder counts, the printed table, the most common failure
//! reasons, and the JSON file (`conformance/results/<mode>.json`). The JSON has no timings
//! and sorted keys, one test per line, so two runs diff line by line.

use crate::outcome::{Kind, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub total: usize,
    pub pass: usize,
    pub fail: usize,
    pub crash: usize,
    pub timeout: usize,
    pub skip: usize,
}

impl Counts {
    fn add(&mut self, kind: Kind) {
        self.total += 1;
        match kind {
            Kind::Pass => self.pass += 1,
            Kind::Fail => self.fail += 1,
            Kind::Crash => self.crash += 1,
            Kind::Timeout => self.timeout += 1,
            Kind::Skip => self.skip += 1,
        }
    }

    /// Passes among the tests that ran (skips excluded), in percent.
    pub fn pass_rate(&self) -> f64 {
        let ran = self.total - self.skip;
        if ran == 0 {
            0.0
        } else {
            100.0 * self.pass as f64 / ran as f64
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Report {
    /// The co19 commit that ran.
    pub co19: String,
    pub mode: String,
    /// Counts per folder of `areas.txt`, plus `"all"`.
    pub summary: BTreeMap<String, Counts>,
    /// `"pass"`, `"skip: reason"` or `"<fail|crash|timeout>: reason"` per test path.
    pub tests: BTreeMap<String, String>,
}

pub const ALL: &str = "all";

/// The folder of `areas` a test path belongs to (the first that is a prefix).
pub fn area_of<'a>(path: &str, areas: &'a [String]) -> Option<&'a str> {
    areas
        .iter()
        .find(|area| path.starts_with(area.as_str()) && path[area.len()..].starts_with('/'))
        .map(String::as_str)
}

pub fn build(
    co19: &str,
    mode: &str,
    areas: &[String],
    results: &BTreeMap<String, Outcome>,
) -> Report {
    let mut summary: BTreeMap<String, Counts> = BTreeMap::new();
    let mut tests = BTreeMap::new();
    for (path, outcome) in results {
        let area = area_of(path, areas).unwrap_or("other");
        summary
            .entry(area.to_string())
            .or_default()
            .add(outcome.kind);
        summary
            .entry(ALL.to_string())
            .or_default()
            .add(outcome.kind);
        let value = match outcome.kind {
            Kind::Pass => "pass".to_string(),
            kind => format!("{}: {}", kind.name(), outcome.reason),
        };
        tests.insert(path.clone(), value);
    }
    Report {
        co19: co19.to_string(),
        mode: mode.to_string(),
        summary,
        tests,
    }
}

/// The per-folder table, in `areas.txt` order, then the total.
pub fn table(report: &Report, areas: &[String]) -> String {
    let mut out = format!(
        "{:<44} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7}\n",
        "folder", "total", "pass", "fail", "crash", "timeout", "skip", "pass%"
    );
    let names = areas.iter().map(String::as_str).chain(["other", ALL]);
    for name in names {
        let Some(c) = report.summary.get(name) else {
            continue;
        };
        out.push_str(&format!(
            "{:<44} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6} {:>6.1}%\n",
            name,
            c.total,
            c.pass,
            c.fail,
            c.crash,
            c.timeout,
            c.skip,
            c.pass_rate()
        ));
    }
    out
}

/// The `limit` most frequent non-pass reasons, with counts (for triage).
pub fn top_reasons(results: &BTreeMap<String, Outcome>, limit: usize) -> Vec<(usize, String)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for outcome in results.values() {
        if matches!(outcome.kind, Kind::Pass | Kind::Skip) {
            continue;
        }
        let key = format!("{}: {}", outcome.kind.name(), outcome.reason);
        *counts.entry(key).or_default() += 1;
    }
    let mut sorted: Vec<(usize, String)> = counts.into_iter().map(|(k, n)| (n, k)).collect();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    sorted.truncate(limit);
    sorted
}

/// Tests whose result differs between an earlier report and this one.
pub fn diff(old: &Report, new: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    for (path, now) in &new.tests {
        match old.tests.get(path) {
            Some(before) if before == now => {}
            Some(before) => lines.push(format!("{path}: {before} -> {now}")),
            None => lines.push(format!("{path}: (new) {now}")),
        }
    }
    for path in old.tests.keys() {
        if !new.tests.contains_key(path) {
            lines.push(format!("{path}: (not run)"));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_area_and_json_round_trip() {
        let areas = vec![
            "Language/Expressions".to_string(),
            "LibTest/core/int".to_string(),
        ];
        let mut results = BTreeMap::new();
        results.insert(
            "Language/Expressions/a_t01.dart".to_string(),
            Outcome::new(Kind::Pass, ""),
        );
        results.insert(
            "Language/Expressions/b_t01.dart".to_string(),
            Outcome::new(Kind::Fail, "uncaught: x"),
        );
        results.insert(
            "LibTest/core/int/c_t01.dart".to_string(),
            Outcome::new(Kind::Skip, "multitest"),
        );
        results.insert(
            "LibTest/core/integer/d_t01.dart".to_string(),
            Outcome::new(Kind::Pass, ""),
        );
        let report = build("abc", "debug", &areas, &results);
        let expressions = report.summary["Language/Expressions"];
        assert_eq!(
            (expressions.total, expressions.pass, expressions.fail),
            (2, 1, 1)
        );
        assert_eq!(report.summary["other"].pass, 1);
        assert_eq!(report.summary[ALL].total, 4);
        assert_eq!(
            report.tests["Language/Expressions/b_t01.dart"],
            "fail: uncaught: x"
        );
        let json = serde_json::to_string_pretty(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert!(diff(&report, &back).is_empty());
        assert!(table(&report, &areas).contains("50.0%"));
        assert_eq!(
            top_reasons(&results, 5),
            vec![(1, "fail: uncaught: x".to_string())]
        );
    }
}
