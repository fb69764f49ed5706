//! `dartrs-bench`: runs the programs in `benches/programs/` on dartrs (each mode it
//! supports), node, LuaJIT and C (gcc -O2), checks that they all print the same checksum,
//! and reports median wall times, ratios, start-up time and peak RSS as a table and as
//! JSON in `benches/results/`. See `benches/README.md`.

mod measure;
mod report;

use clap::Parser;
use measure::{Exit, Outcome};
use report::{AotStats, ImplResult, JitStats, ProgramResult, Report, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Exit code with which dartrs says a mode (or command) is not built yet.
const EXIT_NOT_IMPLEMENTED: i32 = 70;

#[derive(Parser, Debug)]
#[command(
    name = "dartrs-bench",
    about = "Benchmark dartrs against node, LuaJIT and C on the same programs"
)]
struct Opts {
    /// Timed runs per implementation and program; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Untimed runs per implementation before the timed ones.
    #[arg(long, default_value_t = 0)]
    warmup: usize,
    /// Only programs whose name contains this substring (repeatable: any of them).
    #[arg(long)]
    filter: Vec<String>,
    /// Only these implementations (comma separated): dartrs, dartrs-debug,
    /// dartrs-profile, dartrs-release, node, luajit, c.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Size argument for one program, as NAME=N (repeatable). Without it each program
    /// uses its built-in default size.
    #[arg(long = "size", value_name = "NAME=N")]
    sizes: Vec<String>,
    /// Kill a run after this many seconds and report it as timed out.
    #[arg(long, default_value_t = 120.0)]
    timeout: f64,
    /// Use this dartrs binary instead of building one with cargo.
    #[arg(long, value_name = "PATH")]
    dartrs: Option<PathBuf>,
    /// Do not build or run dartrs (peers only).
    #[arg(long)]
    no_dartrs: bool,
    /// Where to write the JSON results (default: benches/results/<timestamp>-<sha>.json).
    #[arg(long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Do not write JSON results.
    #[arg(long)]
    no_save: bool,
    /// List the programs and exit.
    #[arg(long)]
    list: bool,
    /// Compare two result files: per-program change in percent, new against old.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    compare: Option<Vec<PathBuf>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Dartrs(&'static str),
    Node,
    Luajit,
    C,
}

#[derive(Clone, Copy, Debug)]
struct Impl {
    key: &'static str,
    ext: &'static str,
    kind: Kind,
}

/// Every implementation, in table column order.
const IMPLS: &[Impl] = &[
    Impl {
        key: "dartrs-debug",
        ext: "dart",
        kind: Kind::Dartrs("--debug"),
    },
    Impl {
        key: "dartrs-profile",
        ext: "dart",
        kind: Kind::Dartrs("--profile"),
    },
    Impl {
        key: "dartrs-release",
        ext: "dart",
        kind: Kind::Dartrs("--release"),
    },
    Impl {
        key: "node",
        ext: "js",
        kind: Kind::Node,
    },
    Impl {
        key: "luajit",
        ext: "lua",
        kind: Kind::Luajit,
    },
    Impl {
        key: "c",
        ext: "c",
        kind: Kind::C,
    },
];

/// What is installed, decided once per run.
struct Env {
    dartrs: Result<PathBuf, String>,
    node: bool,
    luajit: bool,
    gcc: bool,
    c_out_dir: PathBuf,
}

fn main() {
    let opts = Opts::parse();
    let root = repo_root();
    if let Some(files) = &opts.compare {
        match report::compare(&files[0], &files[1]) {
            Ok(text) => print!("{text}"),
            Err(e) => {
                eprintln!("dartrs-bench: {e}");
                std::process::exit(2);
            }
        }
        return;
    }
    if opts.runs == 0 {
        eprintln!("dartrs-bench: --runs must be at least 1");
        std::process::exit(2);
    }
    let programs = match discover(&root.join("benches/programs"), &opts.filter) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dartrs-bench: {e}");
            std::process::exit(2);
        }
    };
    if opts.list {
        for p in &programs {
            println!("{}", p.name);
        }
        return;
    }
    if programs.is_empty() {
        eprintln!("dartrs-bench: no program matches {:?}", opts.filter);
        std::process::exit(2);
    }
    let sizes = match parse_sizes(&opts.sizes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dartrs-bench: {e}");
            std::process::exit(2);
        }
    };
    let impls: Vec<Impl> = IMPLS
        .iter()
        .copied()
        .filter(|i| selected(&opts, i))
        .collect();

    let mut tools = BTreeMap::new();
    let node = tool_present(&mut tools, "node", &["--version"]);
    let luajit = tool_present(&mut tools, "luajit", &["-v"]);
    let gcc = tool_present(&mut tools, "gcc", &["--version"]);
    if !node && impls.iter().any(|i| i.kind == Kind::Node) {
        eprintln!("dartrs-bench: node not found: apt-get install nodejs");
    }
    if !luajit && impls.iter().any(|i| i.kind == Kind::Luajit) {
        eprintln!("dartrs-bench: luajit not found: apt-get install luajit");
    }
    if !gcc && impls.iter().any(|i| i.kind == Kind::C) {
        eprintln!("dartrs-bench: gcc not found: apt-get install gcc");
    }
    let wants_dartrs = impls.iter().any(|i| matches!(i.kind, Kind::Dartrs(_)));
    let dartrs = if !wants_dartrs {
        Err("not selected".to_string())
    } else if let Some(p) = &opts.dartrs {
        if p.exists() {
            // Programs run in their own directories: a relative path must not depend on that.
            p.canonicalize()
                .map_err(|e| format!("{}: {e}", p.display()))
        } else {
            Err(format!("{} does not exist", p.display()))
        }
    } else {
        build_dartrs(&root)
    };
    if let Err(e) = &dartrs {
        if wants_dartrs {
            eprintln!("dartrs-bench: dartrs is not available ({e}); running the peers only");
        }
    }
    let c_out_dir = c_output_dir();
    let env = Env {
        dartrs,
        node,
        luajit,
        gcc,
        c_out_dir,
    };

    let timeout = Duration::from_secs_f64(opts.timeout.max(0.001));
    let mut results = Vec::new();
    for (index, program) in programs.iter().enumerate() {
        eprintln!(
            "[{}/{}] {} {}",
            index + 1,
            programs.len(),
            program.name,
            sizes
                .get(&program.name)
                .map(|s| format!("(size {s})"))
                .unwrap_or_default()
        );
        let result = bench_program(
            &env,
            &impls,
            program,
            sizes.get(&program.name),
            &opts,
            timeout,
        );
        report::print_program_line(&result);
        results.push(result);
    }

    let (sha, dirty) = git_sha(&root);
    let rep = Report::new(
        results,
        impls.iter().map(|i| i.key.to_string()).collect(),
        opts.runs,
        opts.timeout,
        sha,
        dirty,
        tools,
        match &env.dartrs {
            Ok(p) => Some(p.display().to_string()),
            Err(_) => None,
        },
        env.dartrs.as_ref().err().cloned(),
    );
    print!("{}", rep.render());
    if !opts.no_save {
        let path = opts.output.clone().unwrap_or_else(|| {
            root.join("benches/results").join(format!(
                "{}-{}.json",
                rep.timestamp,
                rep.git_sha.as_deref().unwrap_or("nogit")
            ))
        });
        match rep.save(&path) {
            Ok(()) => eprintln!("dartrs-bench: results written to {}", path.display()),
            Err(e) => eprintln!("dartrs-bench: cannot write {}: {e}", path.display()),
        }
    }
}

fn selected(opts: &Opts, i: &Impl) -> bool {
    if opts.no_dartrs && matches!(i.kind, Kind::Dartrs(_)) {
        return false;
    }
    if opts.only.is_empty() {
        return true;
    }
    opts.only.iter().any(|o| {
        let o = o.trim();
        o == i.key || (o == "dartrs" && matches!(i.kind, Kind::Dartrs(_)))
    })
}

fn tool_present(tools: &mut BTreeMap<String, Option<String>>, name: &str, args: &[&str]) -> bool {
    let v = measure::tool_version(name, args);
    let present = v.is_some();
    tools.insert(name.to_string(), v);
    present
}

/// The workspace root: this crate lives in `<root>/benches/runner`.
fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn c_output_dir() -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    base.join("dartrs-bench-c")
}

struct Program {
    name: String,
    dir: PathBuf,
}

impl Program {
    fn source(&self, ext: &str) -> PathBuf {
        self.dir.join(format!("{}.{ext}", self.name))
    }
}

fn discover(dir: &Path, filters: &[String]) -> Result<Vec<Program>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut programs: Vec<Program> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let any_source = ["dart", "js", "lua", "c"]
                .iter()
                .any(|ext| e.path().join(format!("{name}.{ext}")).exists());
            any_source.then(|| Program {
                name,
                dir: e.path(),
            })
        })
        .filter(|p| filters.is_empty() || filters.iter().any(|f| p.name.contains(f.as_str())))
        .collect();
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

fn parse_sizes(specs: &[String]) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    for s in specs {
        let (name, n) = s
            .split_once('=')
            .ok_or_else(|| format!("--size expects NAME=N, got {s:?}"))?;
        if n.parse::<u64>().is_err() {
            return Err(format!(
                "--size {s}: the size must be a non-negative integer"
            ));
        }
        map.insert(name.to_string(), n.to_string());
    }
    Ok(map)
}

/// `cargo build --release -p dartrs-cli`, returning the path of the `dartrs` executable
/// cargo reports.
fn build_dartrs(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    eprintln!("dartrs-bench: cargo build --release -p dartrs-cli");
    let out = Command::new(cargo)
        .args([
            "build",
            "--release",
            "-p",
            "dartrs-cli",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(root)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo build failed ({})", out.status));
    }
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "dartrs" {
            if let Some(exe) = msg["executable"].as_str() {
                return Ok(PathBuf::from(exe));
            }
        }
    }
    Err("cargo did not report a dartrs executable".to_string())
}

/// Compiles `<name>.c` with gcc -O2 into the C output directory.
fn compile_c(env: &Env, program: &Program) -> Result<PathBuf, String> {
    std::fs::create_dir_all(&env.c_out_dir)
        .map_err(|e| format!("{}: {e}", env.c_out_dir.display()))?;
    let exe = env.c_out_dir.join(&program.name);
    let out = Command::new("gcc")
        .arg("-O2")
        .arg("-o")
        .arg(&exe)
        .arg(program.source("c"))
        .arg("-lm")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run gcc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "gcc -O2 failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(exe)
}

/// The command for one implementation of one program, or why there is none.
fn command_for(
    env: &Env,
    imp: &Impl,
    program: &Program,
    c_exe: &Option<Result<PathBuf, String>>,
    trace_compiler: bool,
) -> Result<Command, (Status, String)> {
    let source = program.source(imp.ext);
    if !source.exists() {
        return Err((Status::Missing, format!("no {}", source.display())));
    }
    let mut cmd = match imp.kind {
        Kind::Dartrs(flag) => {
            let bin = env
                .dartrs
                .as_ref()
                .map_err(|e| (Status::NotBuilt, e.clone()))?;
            let mut c = Command::new(bin);
            c.arg("run").arg(flag);
            if flag == "--profile" {
                // Any free port: runs never collide on 8181.
                c.arg("--observe=0");
            }
            if flag == "--debug" {
                c.args(["--no-watch", "--no-console"]);
                if trace_compiler {
                    c.arg("--trace-compiler");
                }
            }
            c.arg(&source);
            c
        }
        Kind::Node => {
            if !env.node {
                return Err((Status::Missing, "node not found".to_string()));
            }
            let mut c = Command::new("node");
            c.arg(&source);
            c
        }
        Kind::Luajit => {
            if !env.luajit {
                return Err((
                    Status::Missing,
                    "luajit not found: apt-get install luajit".to_string(),
                ));
            }
            let mut c = Command::new("luajit");
            c.arg(&source);
            c
        }
        Kind::C => {
            if !env.gcc {
                return Err((Status::Missing, "gcc not found".to_string()));
            }
            match c_exe {
                Some(Ok(exe)) => Command::new(exe),
                Some(Err(e)) => return Err((Status::Failed, e.clone())),
                None => return Err((Status::Missing, "not compiled".to_string())),
            }
        }
    };
    cmd.current_dir(&program.dir);
    Ok(cmd)
}

/// The checksum text of a run: stdout without benchmark_harness lines
/// (`Name(RunTime): X us.`) and without VM-service banners, trimmed.
pub fn checksum_text(stdout: &[u8]) -> String {
    let text = String::from_utf8_lossy(stdout);
    let kept: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !is_harness_line(l))
        .filter(|l| {
            !l.starts_with("The Dart VM service is listening on")
                && !l.starts_with("The Dart DevTools debugger and profiler is available at")
        })
        .collect();
    kept.join("\n").trim().to_string()
}

fn is_harness_line(line: &str) -> bool {
    let Some((head, tail)) = line.split_once("(RunTime): ") else {
        return false;
    };
    let Some(num) = tail.strip_suffix(" us.") else {
        return false;
    };
    !head.is_empty() && !head.contains(char::is_whitespace) && num.parse::<f64>().is_ok()
}

fn tail(bytes: &[u8], max_lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.len().saturating_sub(max_lines);
    lines[from..].join("\n")
}

/// Per-implementation state while a program's rounds run.
struct Running {
    imp: Impl,
    cmd: Option<Command>,
    outcomes: Vec<Outcome>,
    stopped: Option<(Status, String)>,
}

fn bench_program(
    env: &Env,
    impls: &[Impl],
    program: &Program,
    size: Option<&String>,
    opts: &Opts,
    timeout: Duration,
) -> ProgramResult {
    let c_exe =
        (env.gcc && impls.iter().any(|i| i.kind == Kind::C) && program.source("c").exists())
            .then(|| compile_c(env, program));
    let mut running: Vec<Running> = impls
        .iter()
        .map(|imp| match command_for(env, imp, program, &c_exe, false) {
            Ok(mut cmd) => {
                if let Some(n) = size {
                    cmd.arg(n);
                }
                Running {
                    imp: *imp,
                    cmd: Some(cmd),
                    outcomes: Vec::new(),
                    stopped: None,
                }
            }
            Err(why) => Running {
                imp: *imp,
                cmd: None,
                outcomes: Vec::new(),
                stopped: Some(why),
            },
        })
        .collect();

    // Rounds interleave the implementations so that drifting machine load hits all alike.
    for round in 0..opts.warmup + opts.runs {
        for r in running.iter_mut() {
            if r.stopped.is_some() {
                continue;
            }
            let Some(cmd) = r.cmd.as_mut() else { continue };
            let o = measure::run_once(cmd, timeout);
            let failure = match &o.exit {
                Exit::Code(0) => None,
                Exit::Code(EXIT_NOT_IMPLEMENTED) if matches!(r.imp.kind, Kind::Dartrs(_)) => {
                    Some((Status::Unavailable, tail(&o.stderr, 3)))
                }
                Exit::Code(c) => {
                    Some((Status::Failed, format!("exit {c}: {}", tail(&o.stderr, 12))))
                }
                Exit::Signal(s) => Some((
                    Status::Failed,
                    format!("killed by signal {s}: {}", tail(&o.stderr, 12)),
                )),
                Exit::TimedOut => Some((
                    Status::Timeout,
                    format!("over {:.0} s", timeout.as_secs_f64()),
                )),
                Exit::SpawnFailed(e) => Some((Status::Failed, format!("cannot start: {e}"))),
            };
            if let Some(f) = failure {
                r.stopped = Some(f);
            } else if round >= opts.warmup {
                r.outcomes.push(o);
            }
        }
    }

    let mut impl_results: BTreeMap<String, ImplResult> = BTreeMap::new();
    for r in &running {
        let mut res = ImplResult::from_outcomes(&r.outcomes);
        if let Some((status, detail)) = &r.stopped {
            res.status = *status;
            res.detail = Some(detail.clone());
        } else {
            let texts: Vec<String> = r
                .outcomes
                .iter()
                .map(|o| checksum_text(&o.stdout))
                .collect();
            res.output = texts.first().cloned();
            if texts.windows(2).any(|w| w[0] != w[1]) {
                res.status = Status::Wrong;
                res.detail = Some("output differs between runs".to_string());
            }
        }
        impl_results.insert(r.imp.key.to_string(), res);
    }

    // JIT compile figures: one extra, untimed debug run with --trace-compiler.
    if let Some(debug) = impl_results.get_mut("dartrs-debug") {
        if debug.status == Status::Ok {
            debug.jit = jit_stats(env, program, size, &c_exe, timeout);
        }
    }
    // AOT figures: one extra snapshot compile for the release mode.
    if let Some(release) = impl_results.get_mut("dartrs-release") {
        if release.status == Status::Ok {
            release.aot = aot_stats(env, program, timeout);
        }
    }

    // The reference checksum comes from the peers; the expected file (written for the
    // default size) must agree with them when the default size runs.
    let mut problems = Vec::new();
    let expected = if size.is_none() {
        std::fs::read_to_string(program.dir.join(format!("{}.expected", program.name)))
            .ok()
            .map(|s| s.trim().to_string())
    } else {
        None
    };
    let peer_outputs: Vec<(String, String)> = running
        .iter()
        .filter(|r| !matches!(r.imp.kind, Kind::Dartrs(_)))
        .filter_map(|r| {
            let res = &impl_results[r.imp.key];
            (res.status == Status::Ok).then(|| {
                (
                    r.imp.key.to_string(),
                    res.output.clone().unwrap_or_default(),
                )
            })
        })
        .collect();
    let mut reference = None;
    let peers_agree = peer_outputs.windows(2).all(|w| w[0].1 == w[1].1);
    if !peers_agree {
        problems.push(format!(
            "peer checksums disagree: {}",
            peer_outputs
                .iter()
                .map(|(k, v)| format!("{k}={v:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for (k, _) in &peer_outputs {
            if let Some(r) = impl_results.get_mut(k) {
                r.status = Status::Wrong;
            }
        }
    } else if let Some((_, out)) = peer_outputs.first() {
        reference = Some(out.clone());
    }
    if let Some(exp) = &expected {
        match &reference {
            Some(r) if r != exp => {
                problems.push(format!(
                    "peers print {r:?} but {}.expected says {exp:?}",
                    program.name
                ));
                reference = None;
            }
            None if peers_agree => reference = Some(exp.clone()),
            _ => {}
        }
    }
    if let Some(reference) = &reference {
        for r in &running {
            if let Kind::Dartrs(_) = r.imp.kind {
                let res = impl_results.get_mut(r.imp.key).expect("inserted above");
                if res.status == Status::Ok && res.output.as_deref() != Some(reference.as_str()) {
                    res.status = Status::Wrong;
                    res.detail = Some(format!(
                        "printed {:?}, expected {:?}",
                        res.output.clone().unwrap_or_default(),
                        reference
                    ));
                }
            }
        }
    }
    let valid = problems.is_empty();
    if !valid {
        eprintln!();
        eprintln!(
            "!!!!!!!! CHECKSUM MISMATCH: {} is INVALID !!!!!!!!",
            program.name
        );
        for p in &problems {
            eprintln!("!!!!!!!! {p}");
        }
        eprintln!();
    }
    ProgramResult {
        name: program.name.clone(),
        size: size.cloned(),
        valid,
        problems,
        reference,
        impls: impl_results,
    }
}

/// Runs the debug mode once with `--trace-compiler` and sums up its
/// `[compiler] <name>: <bytes> bytes in <micros> us` lines.
fn jit_stats(
    env: &Env,
    program: &Program,
    size: Option<&String>,
    c_exe: &Option<Result<PathBuf, String>>,
    timeout: Duration,
) -> Option<JitStats> {
    let debug = IMPLS.iter().find(|i| i.key == "dartrs-debug")?;
    let mut cmd = command_for(env, debug, program, c_exe, true).ok()?;
    if let Some(n) = size {
        cmd.arg(n);
    }
    let o = measure::run_once(&mut cmd, timeout);
    if !matches!(o.exit, Exit::Code(0)) {
        eprintln!("    --trace-compiler run failed: {:?}", o.exit);
        return None;
    }
    let stats = JitStats::from_trace(&String::from_utf8_lossy(&o.stderr));
    if stats.is_none() {
        eprintln!("    --trace-compiler printed no [compiler] lines");
    }
    stats
}

/// Compiles the program with `dartrs compile aot-snapshot` once: the time it took and the
/// snapshot's size.
fn aot_stats(env: &Env, program: &Program, timeout: Duration) -> Option<AotStats> {
    let bin = env.dartrs.as_ref().ok()?;
    let out = env.c_out_dir.join(format!("{}.aot", program.name));
    let mut cmd = Command::new(bin);
    cmd.args(["compile", "aot-snapshot"])
        .arg(program.source("dart"))
        .arg("-o")
        .arg(&out)
        .current_dir(&program.dir);
    let o = measure::run_once(&mut cmd, timeout);
    if !matches!(o.exit, Exit::Code(0)) {
        eprintln!("    compile aot-snapshot failed: {:?}", o.exit);
        return None;
    }
    let snapshot_bytes = std::fs::metadata(&out).ok()?.len();
    let _ = std::fs::remove_file(&out);
    Some(AotStats {
        compile_s: o.wall.as_secs_f64(),
        snapshot_bytes,
    })
}

fn git_sha(root: &Path) -> (Option<String>, bool) {
    let sha = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .is_some_and(|o| !o.stdout.is_empty());
    (sha, dirty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harness_lines_are_not_part_of_the_checksum() {
        let out = b"DeltaBlue(RunTime): 1234.5 us.\nchecksum 42\nRichards(RunTime): 7 us.\n";
        assert_eq!(checksum_text(out), "checksum 42");
        assert_eq!(checksum_text(b"a (RunTime): 1 us.\n"), "a (RunTime): 1 us.");
        assert_eq!(
            checksum_text(b"x(RunTime): fast us.\n"),
            "x(RunTime): fast us."
        );
    }

    #[test]
    fn sizes_parse() {
        let s = parse_sizes(&["fib=30".to_string()]).unwrap();
        assert_eq!(s["fib"], "30");
        assert!(parse_sizes(&["fib".to_string()]).is_err());
        assert!(parse_sizes(&["fib=-3".to_string()]).is_err());
    }

    #[test]
    fn every_program_has_all_four_sources_and_an_expected_file() {
        let programs = discover(&repo_root().join("benches/programs"), &[]).unwrap();
        assert!(programs.len() >= 18, "only {} programs", programs.len());
        for p in &programs {
            for ext in ["dart", "js", "lua", "c", "expected"] {
                assert!(p.source(ext).exists(), "{} has no .{ext}", p.name);
            }
        }
    }
}
