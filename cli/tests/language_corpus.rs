//! The language corpus: every `tests/language/**/*.dart` program (and every example in
//! `examples/` that has a `.stdout` file) is run by the `dartrs` binary in each available mode and its stdout, stderr and exit code are compared with
//! the expected files next to it (`.stdout`, `.stderr`, `.exit`; absent means empty / 0).
//! A mode-specific file (`name.release.stdout`) replaces the common one in that mode,
//! for programs whose behaviour legitimately differs (asserts are off in release).
//!
//! The program's directory is removed from its stderr before the comparison (compile
//! errors name the file as `name.dart`).
//! In an expected `.stderr`, a line `{{STACK}}` stands for a Dart stack trace: the
//! remaining actual lines must all be stack frames (`#N ...`) or
//! `<asynchronous suspension>` markers. Programs whose first line
//! is `// gc-stress` run once more with `--gc-stress`. Each leading comment line
//! `// env: NAME=value` sets an environment variable for the run (`TZ` for time zone tests).
//!
//! `tests/language/known_failures.txt` lists programs that do not pass yet, one path per
//! line (relative to `tests/language`, with the mode: `debug functions/closures.dart`),
//! each with a `#` reason. The test fails when a program not on the list fails (a
//! regression) and when a listed program passes (update the list: that is progress).
//! Set `DARTRS_CORPUS_FILTER=substring` to run a subset and `DARTRS_CORPUS_VERBOSE=1`
//! for diffs of every failure.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The modes the corpus runs in. Release builds an AOT snapshot of each program (into a
/// cache under the target directory) and runs it. Profile runs the same snapshots as
/// release until the VM service exists, so it is not run twice.
const MODES: &[(&str, &[&str])] = &[("debug", &["--debug"]), ("release", &["--release"])];
const TIMEOUT: Duration = Duration::from_secs(60);

struct Case {
    path: PathBuf,
    name: String,
    gc_stress: bool,
    env: Vec<(String, String)>,
}

struct Outcome {
    key: String,
    failure: Option<String>,
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/language")
}

fn examples_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<Case>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "dart") && p.with_extension("stdout").exists()
        {
            let name = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            let first = std::fs::read_to_string(&p).unwrap_or_default();
            let gc_stress = first
                .lines()
                .next()
                .is_some_and(|l| l.trim() == "// gc-stress");
            let env = env_markers(&first);
            out.push(Case {
                path: p,
                name,
                gc_stress,
                env,
            });
        }
    }
}

/// A `TZ` the program asks for needs the system's time zone data (without it the C
/// library silently uses UTC and the expected output cannot match).
fn missing_time_zone(case: &Case) -> Result<(), String> {
    match case.env.iter().find(|(k, _)| k == "TZ") {
        Some((_, zone)) if !Path::new("/usr/share/zoneinfo").join(zone).exists() => Err(format!(
            "needs the time zone data for {zone} in /usr/share/zoneinfo (install tzdata)"
        )),
        _ => Ok(()),
    }
}

/// The `// env: NAME=value` lines among a program's leading comment lines.
fn env_markers(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .take_while(|l| l.starts_with("//"))
        .filter_map(|l| l.strip_prefix("// env: "))
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn read_or(path: &Path, default: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|_| default.to_string())
}

/// Runs one program; `Err` describes how it differed from the expectation.
/// The expected-output file with `ext` for `mode`: `name.<mode>.<ext>` if it exists,
/// else `name.<ext>`.
fn expectation(case: &Case, mode: &str, ext: &str) -> PathBuf {
    let specific = case.path.with_extension(format!("{mode}.{ext}"));
    if specific.exists() {
        specific
    } else {
        case.path.with_extension(ext)
    }
}

fn check(case: &Case, mode: &str, mode_flags: &[&str], extra: &[&str]) -> Result<(), String> {
    missing_time_zone(case)?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dartrs"));
    cmd.env(
        "XDG_CACHE_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-cache"),
    );
    cmd.envs(case.env.iter().map(|(k, v)| (k, v)));
    cmd.arg("run")
        .args(mode_flags)
        .args(extra)
        .arg("--no-watch")
        .arg("--no-console")
        .arg(&case.path);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start dartrs: {e}"))?;
    let output = wait_with_timeout(child)?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = without_program_dir(&String::from_utf8_lossy(&output.stderr), case);
    let code = output.status.code().unwrap_or(-1);
    let want_out = read_or(&expectation(case, mode, "stdout"), "");
    let want_err = read_or(&expectation(case, mode, "stderr"), "");
    let want_code: i32 = read_or(&expectation(case, mode, "exit"), "0")
        .trim()
        .parse()
        .unwrap_or(0);
    let mut problems = Vec::new();
    if stdout != want_out {
        problems.push(format!(
            "stdout differs:\n--- expected\n{want_out}--- actual\n{stdout}"
        ));
    }
    if !stderr_matches(&want_err, &stderr) {
        problems.push(format!(
            "stderr differs:\n--- expected\n{want_err}--- actual\n{stderr}"
        ));
    }
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `text` with the program's directory (as compile errors print it) removed, so expected
/// compile errors name files as `name.dart` wherever the checkout is.
fn without_program_dir(text: &str, case: &Case) -> String {
    let dir = case
        .path
        .parent()
        .and_then(|d| std::fs::canonicalize(d).ok());
    match dir {
        Some(d) => text.replace(&format!("{}/", d.display()), ""),
        None => text.to_string(),
    }
}

fn wait_with_timeout(mut child: std::process::Child) -> Result<std::process::Output, String> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return child.wait_with_output().map_err(|e| e.to_string()),
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

fn stderr_matches(expected: &str, actual: &str) -> bool {
    let Some(prefix) = expected
        .split("{{STACK}}")
        .next()
        .filter(|_| expected.contains("{{STACK}}"))
    else {
        return expected == actual;
    };
    let Some(rest) = actual.strip_prefix(prefix) else {
        return false;
    };
    rest.lines()
        .all(|l| l.starts_with('#') || l == "<asynchronous suspension>")
}

fn known_failures() -> BTreeSet<String> {
    read_or(&corpus_root().join("known_failures.txt"), "")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn language_corpus() {
    let root = corpus_root();
    let mut cases = Vec::new();
    collect(&root, &root, &mut cases);
    let examples = examples_root();
    let mut example_cases = Vec::new();
    collect(&examples, &examples, &mut example_cases);
    for mut c in example_cases {
        c.name = format!("examples/{}", c.name);
        cases.push(c);
    }
    if let Ok(filter) = std::env::var("DARTRS_CORPUS_FILTER") {
        cases.retain(|c| c.name.contains(&filter));
    }
    let mut jobs: Vec<(&Case, &str, &[&str], &[&str])> = Vec::new();
    for c in &cases {
        for (mode, flags) in MODES {
            jobs.push((c, mode, flags, &[]));
            if c.gc_stress {
                jobs.push((c, mode, flags, &["--gc-stress"]));
            }
        }
    }
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(&(case, mode, flags, extra)) = jobs.get(i) else {
                    break;
                };
                let tag = if extra.is_empty() {
                    mode.to_string()
                } else {
                    format!("{mode}+gc-stress")
                };
                let key = format!("{tag} {}", case.name);
                let failure = check(case, mode, flags, extra).err();
                outcomes
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(Outcome { key, failure });
            });
        }
    });
    report(outcomes.into_inner().unwrap_or_else(|p| p.into_inner()));
}

fn report(mut outcomes: Vec<Outcome>) {
    outcomes.sort_by(|a, b| a.key.cmp(&b.key));
    let known = known_failures();
    let verbose = std::env::var("DARTRS_CORPUS_VERBOSE").is_ok();
    let (mut passed, mut failed, mut expected_fail) = (0, 0, 0);
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    for o in &outcomes {
        match (&o.failure, known.contains(&o.key)) {
            (None, false) => passed += 1,
            (None, true) => {
                passed += 1;
                fixed.push(o.key.clone());
            }
            (Some(_), true) => {
                expected_fail += 1;
                if verbose {
                    eprintln!(
                        "KNOWN FAILURE {}:\n{}\n",
                        o.key,
                        o.failure.as_deref().unwrap_or("")
                    );
                }
            }
            (Some(why), false) => {
                failed += 1;
                regressions.push(format!("FAIL {}:\n{why}\n", o.key));
            }
        }
    }
    for r in &regressions {
        eprintln!("{r}");
    }
    for f in &fixed {
        eprintln!("NOW PASSING (remove from known_failures.txt): {f}");
    }
    println!("language corpus: {passed} passed, {failed} failed, {expected_fail} known failures");
    assert!(
        regressions.is_empty(),
        "{} corpus programs failed (see above)",
        regressions.len()
    );
    assert!(
        fixed.is_empty(),
        "{} known failures now pass: update tests/language/known_failures.txt",
        fixed.len()
    );
}
