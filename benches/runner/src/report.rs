//! Results: the JSON schema, the text tables, and `--compare`.

use crate::measure::Outcome;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The program measured for start-up time, and left out of the geometric means.
pub const STARTUP_PROGRAM: &str = "hello";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every run exited 0 with the reference checksum.
    Ok,
    /// dartrs exited with code 70: this mode is not built yet.
    Unavailable,
    /// Non-zero exit, signal, or the program could not be started or compiled.
    Failed,
    /// Wrong checksum (or one that changed between runs).
    Wrong,
    Timeout,
    /// No source file for this language, or the tool is not installed.
    Missing,
    /// dartrs itself could not be built.
    NotBuilt,
}

impl Status {
    fn cell(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Unavailable => "unavail",
            Status::Failed => "FAILED",
            Status::Wrong => "WRONG",
            Status::Timeout => "TIMEOUT",
            Status::Missing => "-",
            Status::NotBuilt => "no build",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImplResult {
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Wall seconds of each timed run (spawn to exit).
    pub times_s: Vec<f64>,
    pub median_s: Option<f64>,
    /// Median seconds from spawn to the first byte on stdout.
    pub first_output_median_s: Option<f64>,
    /// Largest peak RSS over the timed runs, KiB (from wait4's rusage of the child).
    pub peak_rss_kib: Option<u64>,
    /// The checksum text (stdout without harness lines).
    pub output: Option<String>,
    /// dartrs debug mode only: JIT compile figures from one extra `--trace-compiler` run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jit: Option<JitStats>,
    /// dartrs release mode only: one extra `dartrs compile aot-snapshot` of the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aot: Option<AotStats>,
}

/// The AOT snapshot of a program: how long `dartrs compile aot-snapshot` took and how big
/// the ELF file is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AotStats {
    pub compile_s: f64,
    pub snapshot_bytes: u64,
}

/// What the debug mode's JIT compiled in one run, from `--trace-compiler` lines
/// (`[compiler] <name>: <bytes> bytes in <micros> us`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JitStats {
    /// Functions (and stubs) compiled.
    pub functions: usize,
    /// Sum and median of the per-function compile times, microseconds.
    pub total_us: u64,
    pub median_us: f64,
    /// Machine code bytes emitted, all functions together.
    pub code_bytes: u64,
}

impl JitStats {
    /// Sums up the trace lines in `stderr`; `None` when there are none.
    pub fn from_trace(stderr: &str) -> Option<JitStats> {
        let mut micros = Vec::new();
        let mut code_bytes = 0u64;
        for line in stderr.lines() {
            let Some(rest) = line.trim_end().strip_prefix("[compiler] ") else {
                continue;
            };
            // The name may contain anything; the figures are at the end.
            let Some((_, figures)) = rest.rsplit_once(": ") else {
                continue;
            };
            let Some((bytes, us)) = figures
                .strip_suffix(" us")
                .and_then(|f| f.split_once(" bytes in "))
            else {
                continue;
            };
            let (Ok(bytes), Ok(us)) = (bytes.parse::<u64>(), us.parse::<u64>()) else {
                continue;
            };
            code_bytes += bytes;
            micros.push(us);
        }
        if micros.is_empty() {
            return None;
        }
        let as_f64: Vec<f64> = micros.iter().map(|&m| m as f64).collect();
        Some(JitStats {
            functions: micros.len(),
            total_us: micros.iter().sum(),
            median_us: median(&as_f64).unwrap_or(0.0),
            code_bytes,
        })
    }
}

impl ImplResult {
    pub fn from_outcomes(outcomes: &[Outcome]) -> ImplResult {
        let times: Vec<f64> = outcomes.iter().map(|o| o.wall.as_secs_f64()).collect();
        let firsts: Vec<f64> = outcomes
            .iter()
            .filter_map(|o| o.first_output.map(|d| d.as_secs_f64()))
            .collect();
        ImplResult {
            status: Status::Ok,
            detail: None,
            median_s: median(&times),
            times_s: times,
            first_output_median_s: median(&firsts),
            peak_rss_kib: outcomes.iter().filter_map(|o| o.max_rss_kib).max(),
            output: None,
            jit: None,
            aot: None,
        }
    }

    /// The median, only when the implementation ran correctly.
    pub fn ok_median(&self) -> Option<f64> {
        (self.status == Status::Ok)
            .then_some(self.median_s)
            .flatten()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProgramResult {
    pub name: String,
    /// The size argument given with --size, if any (otherwise the program's default).
    pub size: Option<String>,
    /// False when the peers disagree with each other or with `<name>.expected`.
    pub valid: bool,
    pub problems: Vec<String>,
    pub reference: Option<String>,
    pub impls: BTreeMap<String, ImplResult>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Geomean {
    pub value: f64,
    pub programs: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    pub timestamp: String,
    pub git_sha: Option<String>,
    pub git_dirty: bool,
    pub host: BTreeMap<String, String>,
    pub runs: usize,
    pub timeout_s: f64,
    pub rss_source: String,
    pub tools: BTreeMap<String, Option<String>>,
    pub dartrs_binary: Option<String>,
    pub dartrs_error: Option<String>,
    /// Implementation keys in column order.
    pub columns: Vec<String>,
    pub programs: Vec<ProgramResult>,
    /// Median seconds to first output of the start-up program, per implementation.
    pub startup_s: BTreeMap<String, f64>,
    /// Geometric means of median seconds (per implementation) and of ratios
    /// (`best/node`, `best/luajit`, `best/c`, `debug/release`).
    pub geomean: BTreeMap<String, Geomean>,
}

/// The dartrs column keys, fastest-mode candidates.
const DARTRS_MODES: &[&str] = &["dartrs-debug", "dartrs-profile", "dartrs-release"];
const PEERS: &[&str] = &["node", "luajit", "c"];

impl ProgramResult {
    /// The fastest dartrs mode that ran correctly: (mode, median seconds).
    pub fn best_dartrs(&self) -> Option<(&'static str, f64)> {
        DARTRS_MODES
            .iter()
            .filter_map(|m| {
                self.impls
                    .get(*m)
                    .and_then(|r| r.ok_median())
                    .map(|t| (*m, t))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn median_of(&self, key: &str) -> Option<f64> {
        self.impls.get(key).and_then(|r| r.ok_median())
    }

    /// Ratio columns: `best/node`, `best/luajit`, `best/c`, `debug/release`.
    pub fn ratios(&self) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        if let Some((_, best)) = self.best_dartrs() {
            for p in PEERS {
                if let Some(t) = self.median_of(p) {
                    if t > 0.0 {
                        out.insert(format!("best/{p}"), best / t);
                    }
                }
            }
        }
        if let (Some(d), Some(r)) = (
            self.median_of("dartrs-debug"),
            self.median_of("dartrs-release"),
        ) {
            if r > 0.0 {
                out.insert("debug/release".to_string(), d / r);
            }
        }
        out
    }
}

const RATIO_COLUMNS: &[&str] = &["best/node", "best/luajit", "best/c", "debug/release"];

impl Report {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        programs: Vec<ProgramResult>,
        columns: Vec<String>,
        runs: usize,
        timeout_s: f64,
        git_sha: Option<String>,
        git_dirty: bool,
        tools: BTreeMap<String, Option<String>>,
        dartrs_binary: Option<String>,
        dartrs_error: Option<String>,
    ) -> Report {
        let mut startup_s = BTreeMap::new();
        if let Some(hello) = programs.iter().find(|p| p.name == STARTUP_PROGRAM) {
            for (k, r) in &hello.impls {
                if r.status == Status::Ok {
                    if let Some(t) = r.first_output_median_s {
                        startup_s.insert(k.clone(), t);
                    }
                }
            }
        }
        let counted: Vec<&ProgramResult> = programs
            .iter()
            .filter(|p| p.valid && p.name != STARTUP_PROGRAM)
            .collect();
        let mut geomean = BTreeMap::new();
        for c in &columns {
            let xs: Vec<f64> = counted.iter().filter_map(|p| p.median_of(c)).collect();
            if let Some(g) = geometric_mean(&xs) {
                geomean.insert(
                    c.clone(),
                    Geomean {
                        value: g,
                        programs: xs.len(),
                    },
                );
            }
        }
        for c in RATIO_COLUMNS {
            let xs: Vec<f64> = counted
                .iter()
                .filter_map(|p| p.ratios().get(*c).copied())
                .collect();
            if let Some(g) = geometric_mean(&xs) {
                geomean.insert(
                    c.to_string(),
                    Geomean {
                        value: g,
                        programs: xs.len(),
                    },
                );
            }
        }
        let mut host = BTreeMap::new();
        if let Ok(n) = std::thread::available_parallelism() {
            host.insert("cpus".to_string(), n.to_string());
        }
        if let Some(u) = crate::measure::tool_version("uname", &["-srm"]) {
            host.insert("uname".to_string(), u);
        }
        Report {
            schema: 1,
            timestamp: utc_timestamp(SystemTime::now()),
            git_sha,
            git_dirty,
            host,
            runs,
            timeout_s,
            rss_source: "wait4 rusage of the child (ru_maxrss)".to_string(),
            tools,
            dartrs_binary,
            dartrs_error,
            columns,
            programs,
            startup_s,
            geomean,
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, json + "\n")
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "\ndartrs benchmarks, {} at {}{}: median wall seconds of {} run(s)",
            self.timestamp,
            self.git_sha.as_deref().unwrap_or("?"),
            if self.git_dirty { " (dirty)" } else { "" },
            self.runs
        );
        if let Some(e) = &self.dartrs_error {
            let _ = writeln!(s, "dartrs: not run ({e})");
        }

        // Times and ratios.
        let ratio_cols: Vec<&str> = RATIO_COLUMNS
            .iter()
            .copied()
            .filter(|c| self.programs.iter().any(|p| p.ratios().contains_key(*c)))
            .collect();
        let mut header = vec!["program".to_string()];
        header.extend(self.columns.iter().cloned());
        header.extend(ratio_cols.iter().map(|c| c.to_string()));
        let mut rows = vec![header];
        for p in &self.programs {
            let mut row = vec![if p.valid {
                p.name.clone()
            } else {
                format!("{} (INVALID)", p.name)
            }];
            for c in &self.columns {
                row.push(match p.impls.get(c) {
                    Some(r) if r.status == Status::Ok => r.median_s.map(secs).unwrap_or_default(),
                    Some(r) => r.status.cell().to_string(),
                    None => "-".to_string(),
                });
            }
            let ratios = p.ratios();
            for c in &ratio_cols {
                row.push(
                    ratios
                        .get(*c)
                        .map(|x| ratio(*x))
                        .unwrap_or_else(|| "-".into()),
                );
            }
            rows.push(row);
        }
        let mut g = vec![format!("geomean (excl. {STARTUP_PROGRAM})")];
        for c in self
            .columns
            .iter()
            .map(String::as_str)
            .chain(ratio_cols.iter().copied())
        {
            g.push(match self.geomean.get(c) {
                Some(x) if c.contains('/') => ratio(x.value),
                Some(x) => secs(x.value),
                None => "-".to_string(),
            });
        }
        rows.push(g);
        s.push_str(&table(&rows));
        let _ = writeln!(
            s,
            "best = fastest dartrs mode that ran correctly; a geomean covers the programs where \
             that column succeeded."
        );

        // Start-up.
        if !self.startup_s.is_empty() {
            let _ = writeln!(
                s,
                "\nstart-up to first output ({STARTUP_PROGRAM}), median seconds:"
            );
            let mut rows = vec![vec!["implementation".to_string(), "seconds".to_string()]];
            for c in &self.columns {
                let cell = match self.startup_s.get(c) {
                    Some(t) => secs(*t),
                    None => self
                        .programs
                        .iter()
                        .find(|p| p.name == STARTUP_PROGRAM)
                        .and_then(|p| p.impls.get(c))
                        .map(|r| r.status.cell().to_string())
                        .unwrap_or_else(|| "-".into()),
                };
                rows.push(vec![c.clone(), cell]);
            }
            s.push_str(&table(&rows));
        }

        // Peak RSS.
        let _ = writeln!(s, "\npeak RSS, MiB (largest over the timed runs):");
        let mut header = vec!["program".to_string()];
        header.extend(self.columns.iter().cloned());
        let mut rows = vec![header];
        for p in &self.programs {
            let mut row = vec![p.name.clone()];
            for c in &self.columns {
                row.push(match p.impls.get(c) {
                    Some(r) if r.status == Status::Ok => r
                        .peak_rss_kib
                        .map(|k| format!("{:.1}", k as f64 / 1024.0))
                        .unwrap_or_else(|| "?".into()),
                    Some(r) => r.status.cell().to_string(),
                    None => "-".into(),
                });
            }
            rows.push(row);
        }
        s.push_str(&table(&rows));

        // JIT compile figures of the debug mode.
        let jit: Vec<(&str, &JitStats)> = self
            .programs
            .iter()
            .filter_map(|p| {
                p.impls
                    .get("dartrs-debug")
                    .and_then(|r| r.jit.as_ref())
                    .map(|j| (p.name.as_str(), j))
            })
            .collect();
        if !jit.is_empty() {
            let _ = writeln!(
                s,
                "\nJIT compilation, dartrs debug (one extra run with --trace-compiler):"
            );
            let mut rows = vec![vec![
                "program".to_string(),
                "functions".to_string(),
                "total ms".to_string(),
                "median us".to_string(),
                "code KiB".to_string(),
            ]];
            for (name, j) in &jit {
                rows.push(vec![
                    name.to_string(),
                    j.functions.to_string(),
                    format!("{:.2}", j.total_us as f64 / 1000.0),
                    format!("{:.1}", j.median_us),
                    format!("{:.1}", j.code_bytes as f64 / 1024.0),
                ]);
            }
            s.push_str(&table(&rows));
        }

        // AOT snapshots of the release mode.
        let aot: Vec<(&str, &AotStats)> = self
            .programs
            .iter()
            .filter_map(|p| {
                p.impls
                    .get("dartrs-release")
                    .and_then(|r| r.aot.as_ref())
                    .map(|a| (p.name.as_str(), a))
            })
            .collect();
        if !aot.is_empty() {
            let _ = writeln!(
                s,
                "\nAOT snapshots (one extra `dartrs compile aot-snapshot` per program):"
            );
            let mut rows = vec![vec![
                "program".to_string(),
                "compile s".to_string(),
                "snapshot KiB".to_string(),
            ]];
            for (name, a) in &aot {
                rows.push(vec![
                    name.to_string(),
                    format!("{:.3}", a.compile_s),
                    format!("{:.1}", a.snapshot_bytes as f64 / 1024.0),
                ]);
            }
            s.push_str(&table(&rows));
        }

        // What went wrong, once per kind.
        let mut notes = Vec::new();
        for p in &self.programs {
            for q in &p.problems {
                notes.push(format!("INVALID {}: {q}", p.name));
            }
        }
        for c in &self.columns {
            let unavailable: Vec<&str> = self
                .programs
                .iter()
                .filter(|p| {
                    p.impls
                        .get(c)
                        .is_some_and(|r| r.status == Status::Unavailable)
                })
                .map(|p| p.name.as_str())
                .collect();
            if !unavailable.is_empty() {
                let first_detail = self
                    .programs
                    .iter()
                    .filter_map(|p| p.impls.get(c))
                    .find(|r| r.status == Status::Unavailable)
                    .and_then(|r| r.detail.clone())
                    .unwrap_or_default();
                let which = if unavailable.len() == self.programs.len() {
                    "all programs".to_string()
                } else {
                    unavailable.join(", ")
                };
                notes.push(format!(
                    "{c}: unavailable (exit 70) for {which}: {}",
                    first_detail.lines().next().unwrap_or("")
                ));
            }
            for p in &self.programs {
                if let Some(r) = p.impls.get(c) {
                    if matches!(r.status, Status::Failed | Status::Wrong | Status::Timeout) {
                        let detail = r.detail.clone().unwrap_or_default();
                        notes.push(format!(
                            "{c} on {}: {}: {}",
                            p.name,
                            r.status.cell(),
                            indent(&detail)
                        ));
                    }
                }
            }
            let missing = self
                .programs
                .iter()
                .filter_map(|p| p.impls.get(c))
                .find(|r| {
                    r.status == Status::Missing
                        && r.detail.as_deref().is_some_and(|d| d.contains("not found"))
                });
            if let Some(r) = missing {
                notes.push(format!("{c}: {}", r.detail.clone().unwrap_or_default()));
            }
        }
        if !notes.is_empty() {
            let _ = writeln!(s, "\nnotes:");
            for n in notes {
                let _ = writeln!(s, "  {n}");
            }
        }
        s
    }
}

/// One line per program on stderr while the run goes on.
pub fn print_program_line(p: &ProgramResult) {
    let mut parts = Vec::new();
    for (k, r) in &p.impls {
        parts.push(match r.ok_median() {
            Some(t) => format!("{k} {}", secs(t)),
            None => format!("{k} {}", r.status.cell()),
        });
    }
    eprintln!(
        "    {}{}",
        parts.join("  "),
        if p.valid { "" } else { "  [INVALID]" }
    );
}

fn indent(s: &str) -> String {
    s.trim().replace('\n', "\n      ")
}

fn secs(t: f64) -> String {
    if t >= 100.0 {
        format!("{t:.1}")
    } else if t >= 0.1 {
        format!("{t:.3}")
    } else {
        format!("{t:.4}")
    }
}

fn ratio(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}x")
    } else {
        format!("{x:.2}x")
    }
}

/// A text table: first column left-aligned, the others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|x| x.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                let _ = write!(line, "{cell:<w$}", w = widths[c]);
            } else {
                let _ = write!(line, "  {cell:>w$}", w = widths[c]);
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
        if i == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
            s.push_str(&"-".repeat(total));
            s.push('\n');
        }
    }
    s
}

pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

pub fn geometric_mean(xs: &[f64]) -> Option<f64> {
    let xs: Vec<f64> = xs.iter().copied().filter(|x| *x > 0.0).collect();
    if xs.is_empty() {
        return None;
    }
    Some((xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

/// `YYYYMMDDTHHMMSSZ` in UTC.
pub fn utc_timestamp(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `--compare OLD NEW`: per program and implementation, the change of the median in
/// percent (negative is faster), plus the geometric mean of the new/old ratios.
pub fn compare(old: &Path, new: &Path) -> Result<String, String> {
    let read = |p: &Path| -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))
    };
    let (a, b) = (read(old)?, read(new)?);
    let medians = |v: &serde_json::Value| -> BTreeMap<(String, String), (String, Option<f64>)> {
        let mut m = BTreeMap::new();
        for p in v["programs"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or("?").to_string();
            if let Some(impls) = p["impls"].as_object() {
                for (k, r) in impls {
                    let status = r["status"].as_str().unwrap_or("?").to_string();
                    let t = if status == "ok" {
                        r["median_s"].as_f64()
                    } else {
                        None
                    };
                    m.insert((name.clone(), k.clone()), (status, t));
                }
            }
        }
        m
    };
    let (ma, mb) = (medians(&a), medians(&b));
    let mut programs: Vec<String> = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    for v in [&a, &b] {
        for c in v["columns"].as_array().into_iter().flatten() {
            if let Some(c) = c.as_str() {
                if !columns.iter().any(|x| x == c) {
                    columns.push(c.to_string());
                }
            }
        }
        for p in v["programs"].as_array().into_iter().flatten() {
            if let Some(n) = p["name"].as_str() {
                if !programs.iter().any(|x| x == n) {
                    programs.push(n.to_string());
                }
            }
        }
    }
    let label = |v: &serde_json::Value, p: &Path| {
        format!(
            "{} ({} at {})",
            p.display(),
            v["timestamp"].as_str().unwrap_or("?"),
            v["git_sha"].as_str().unwrap_or("?")
        )
    };
    let mut s = String::new();
    let _ = writeln!(s, "old: {}", label(&a, old));
    let _ = writeln!(s, "new: {}", label(&b, new));
    let _ = writeln!(
        s,
        "change of the median wall time, new against old (negative = faster):\n"
    );
    let mut rows = vec![std::iter::once("program".to_string())
        .chain(columns.iter().cloned())
        .collect::<Vec<_>>()];
    let mut logs: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for p in &programs {
        let mut row = vec![p.clone()];
        for c in &columns {
            let key = (p.clone(), c.clone());
            row.push(match (ma.get(&key), mb.get(&key)) {
                (Some((_, Some(x))), Some((_, Some(y)))) if *x > 0.0 => {
                    if p != STARTUP_PROGRAM {
                        logs.entry(c.as_str()).or_default().push(y / x);
                    }
                    format!("{:+.1}%", (y / x - 1.0) * 100.0)
                }
                (Some((sa, _)), Some((sb, _))) if sa != sb => format!("{sa}->{sb}"),
                (Some((sa, _)), Some(_)) => sa.clone(),
                (None, Some((sb, _))) => format!("new {sb}"),
                (Some(_), None) => "gone".to_string(),
                (None, None) => "-".to_string(),
            });
        }
        rows.push(row);
    }
    let mut g = vec![format!("geomean (excl. {STARTUP_PROGRAM})")];
    for c in &columns {
        g.push(
            logs.get(c.as_str())
                .and_then(|xs| geometric_mean(xs))
                .map(|x| format!("{:+.1}%", (x - 1.0) * 100.0))
                .unwrap_or_else(|| "-".into()),
        );
    }
    rows.push(g);
    s.push_str(&table(&rows));
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_utc_civil_dates() {
        assert_eq!(utc_timestamp(UNIX_EPOCH), "19700101T000000Z");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3661); // 2000-02-29 01:01:01
        assert_eq!(utc_timestamp(t), "20000229T010101Z");
    }

    #[test]
    fn medians_and_geomeans() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        let g = geometric_mean(&[1.0, 4.0]).unwrap();
        assert!((g - 2.0).abs() < 1e-12);
    }

    fn ok(t: f64) -> ImplResult {
        ImplResult {
            status: Status::Ok,
            detail: None,
            times_s: vec![t],
            median_s: Some(t),
            first_output_median_s: Some(t),
            peak_rss_kib: Some(1024),
            output: Some("x".into()),
            jit: None,
            aot: None,
        }
    }

    #[test]
    fn ratios_use_the_fastest_correct_dartrs_mode() {
        let mut impls = BTreeMap::new();
        impls.insert("dartrs-debug".to_string(), ok(4.0));
        impls.insert("dartrs-release".to_string(), ok(2.0));
        let mut wrong = ok(0.5);
        wrong.status = Status::Wrong;
        impls.insert("dartrs-profile".to_string(), wrong);
        impls.insert("node".to_string(), ok(1.0));
        impls.insert("c".to_string(), ok(0.5));
        let p = ProgramResult {
            name: "x".into(),
            size: None,
            valid: true,
            problems: vec![],
            reference: None,
            impls,
        };
        let r = p.ratios();
        assert_eq!(r["best/node"], 2.0);
        assert_eq!(r["best/c"], 4.0);
        assert_eq!(r["debug/release"], 2.0);
        assert!(!r.contains_key("best/luajit"));
    }

    #[test]
    fn trace_compiler_lines_are_summed() {
        let err = "[compiler] main: 120 bytes in 30 us\n\
                   noise\n\
                   [compiler] A.b: c: 80 bytes in 10 us\n\
                   [compiler] main.<anonymous closure>: 40 bytes in 20 us\n";
        let j = JitStats::from_trace(err).unwrap();
        assert_eq!(j.functions, 3);
        assert_eq!(j.total_us, 60);
        assert_eq!(j.median_us, 20.0);
        assert_eq!(j.code_bytes, 240);
        assert_eq!(JitStats::from_trace("nothing\n"), None);
    }

    #[test]
    fn compare_reports_percent_change() {
        let dir = std::env::temp_dir().join(format!("dartrs-bench-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mk = |t: f64| {
            let mut impls = BTreeMap::new();
            impls.insert("node".to_string(), ok(t));
            Report::new(
                vec![ProgramResult {
                    name: "fib".into(),
                    size: None,
                    valid: true,
                    problems: vec![],
                    reference: None,
                    impls,
                }],
                vec!["node".into()],
                1,
                1.0,
                None,
                false,
                BTreeMap::new(),
                None,
                None,
            )
        };
        let (a, b) = (dir.join("a.json"), dir.join("b.json"));
        mk(2.0).save(&a).unwrap();
        mk(1.0).save(&b).unwrap();
        let text = compare(&a, &b).unwrap();
        assert!(text.contains("-50.0%"), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
