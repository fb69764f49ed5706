//! Finding the tests of the selected folders and running each with `dartrs run` in a child
//! process, several at once, each under a timeout.

use crate::markers::{self, TestPlan};
use crate::outcome::{self, Exit, Kind, Outcome, RunOutput};
use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Output beyond this many bytes per stream is dropped (a test stuck printing must not eat
/// the machine's memory before its timeout).
const MAX_OUTPUT: u64 = 1 << 20;

pub struct Config {
    /// The co19 checkout; tests run with it as the working directory.
    pub co19: PathBuf,
    pub dartrs: PathBuf,
    /// Extra `dartrs run` flags selecting the mode (`--release`), empty for debug.
    pub mode_flags: Vec<String>,
    pub timeout: Duration,
    pub jobs: usize,
}

/// The test files (paths relative to the checkout, `/`-separated, sorted) under `areas`
/// whose path contains one of `filters` (all when `filters` is empty).
pub fn collect(co19: &Path, areas: &[String], filters: &[String]) -> Result<Vec<String>, String> {
    let mut tests = Vec::new();
    for area in areas {
        let dir = co19.join(area);
        if !dir.is_dir() {
            return Err(format!("{} is not a directory", dir.display()));
        }
        walk(&dir, &mut |path| {
            if markers::is_test_file(path) {
                if let Ok(relative) = path.strip_prefix(co19) {
                    tests.push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        })
        .map_err(|e| format!("reading {}: {e}", dir.display()))?;
    }
    tests.retain(|t| filters.is_empty() || filters.iter().any(|f| t.contains(f.as_str())));
    tests.sort();
    tests.dedup();
    Ok(tests)
}

fn walk(dir: &Path, visit: &mut dyn FnMut(&Path)) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, visit)?;
        } else {
            visit(&path);
        }
    }
    Ok(())
}

/// Runs every test, `config.jobs` at a time; `progress` is called after each.
pub fn run_all(
    config: &Config,
    tests: &[String],
    progress: &(dyn Fn(usize) + Sync),
) -> BTreeMap<String, Outcome> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results = Mutex::new(BTreeMap::new());
    thread::scope(|scope| {
        for _ in 0..config.jobs.max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(test) = tests.get(index) else { break };
                let outcome = run_one(config, test);
                if let Ok(mut map) = results.lock() {
                    map.insert(test.clone(), outcome);
                }
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Plans and runs one test.
pub fn run_one(config: &Config, test: &str) -> Outcome {
    let source = match std::fs::read(config.co19.join(test)) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return Outcome::new(Kind::Fail, format!("cannot read the test: {e}")),
    };
    let expectation = match markers::plan(&source) {
        TestPlan::Skip(reason) => return Outcome::new(Kind::Skip, reason),
        TestPlan::Run(expectation) => expectation,
    };
    let mut command = Command::new(&config.dartrs);
    command
        .arg("run")
        .args(&config.mode_flags)
        .args(["--no-watch", "--no-console"])
        .arg(test)
        .current_dir(&config.co19)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            return Outcome::new(
                Kind::Crash,
                format!("cannot start {}: {e}", config.dartrs.display()),
            )
        }
    };
    let (exit, stdout, stderr) = wait_with_timeout(child, config.timeout);
    outcome::classify(
        &expectation,
        &RunOutput {
            test_path: test,
            exit,
            stdout: &stdout,
            stderr: &stderr,
        },
    )
}

/// Waits for the child, killing it after `timeout`; collects both output streams.
fn wait_with_timeout(mut child: Child, timeout: Duration) -> (Exit, String, String) {
    let stdout = child.stdout.take().map(reader_thread);
    let stderr = child.stderr.take().map(reader_thread);
    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                break match (status.code(), status.signal()) {
                    (Some(code), _) => Exit::Code(code),
                    (None, Some(signal)) => Exit::Signal(signal),
                    (None, None) => Exit::Code(-1),
                }
            }
            Ok(None) if start.elapsed() >= timeout => {
                // Killing a child that just exited fails harmlessly; the reap below finishes it.
                let _ = child.kill();
                let _ = child.wait();
                break Exit::TimedOut;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(_) => break Exit::Code(-1),
        }
    };
    let collect = |handle: Option<thread::JoinHandle<String>>| {
        handle.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    (exit, collect(stdout), collect(stderr))
}

fn reader_thread(stream: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut limited = stream.take(MAX_OUTPUT);
        let _ = limited.read_to_end(&mut bytes);
        // Drain the rest so the child never blocks on a full pipe.
        let _ = std::io::copy(&mut limited.into_inner(), &mut std::io::sink());
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_kills_the_child() {
        let child = Command::new("sleep")
            .arg("5")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sleep exists on the test machine");
        let start = Instant::now();
        let (exit, _, _) = wait_with_timeout(child, Duration::from_millis(100));
        assert_eq!(exit, Exit::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn exit_code_and_output_are_collected() {
        let child = Command::new("sh")
            .args(["-c", "echo out; echo err >&2; exit 3"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sh exists on the test machine");
        let (exit, stdout, stderr) = wait_with_timeout(child, Duration::from_secs(10));
        assert_eq!(exit, Exit::Code(3));
        assert_eq!(stdout, "out\n");
        assert_eq!(stderr, "err\n");
    }

    #[test]
    fn collect_finds_tests_under_areas() {
        let root = std::env::temp_dir().join(format!("dartrs-conformance-{}", std::process::id()));
        let area = root.join("Language/Expressions/Sub");
        std::fs::create_dir_all(&area).unwrap();
        std::fs::write(area.join("x_t01.dart"), "main() {}").unwrap();
        std::fs::write(area.join("x_lib.dart"), "").unwrap();
        let tests = collect(&root, &["Language/Expressions".to_string()], &[]).unwrap();
        assert_eq!(
            tests,
            vec!["Language/Expressions/Sub/x_t01.dart".to_string()]
        );
        let none = collect(
            &root,
            &["Language/Expressions".to_string()],
            &["Foo".into()],
        );
        assert!(none.unwrap().is_empty());
        assert!(collect(&root, &["Missing".to_string()], &[]).is_err());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
