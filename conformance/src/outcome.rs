//! Classifying one finished `dartrs run` of a test: pass, fail, crash or timeout, with a short
//! reason that groups similar failures (the first compile error's message, the uncaught
//! exception's first line, the panic message).

use crate::markers::Expectation;
use serde::{Deserialize, Serialize};

/// Exit code of a compile-time error (the Dart VM's `kCompilationErrorExitCode`).
pub const EXIT_COMPILE_ERROR: i32 = 254;
/// Exit code of an uncaught exception (the Dart VM's `kErrorExitCode`).
pub const EXIT_UNCAUGHT: i32 = 255;
/// Exit code of a Rust panic in the `dartrs` process.
pub const EXIT_PANIC: i32 = 101;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pass,
    Fail,
    Crash,
    Timeout,
    Skip,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pass => "pass",
            Kind::Fail => "fail",
            Kind::Crash => "crash",
            Kind::Timeout => "timeout",
            Kind::Skip => "skip",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "pass" => Kind::Pass,
            "fail" => Kind::Fail,
            "crash" => Kind::Crash,
            "timeout" => Kind::Timeout,
            "skip" => Kind::Skip,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub kind: Kind,
    /// Why it did not pass (empty for a pass).
    pub reason: String,
}

impl Outcome {
    pub fn new(kind: Kind, reason: impl Into<String>) -> Outcome {
        Outcome {
            kind,
            reason: reason.into(),
        }
    }
}

/// How the process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
}

/// What one run produced. `test_path` is the path the test was run as, which prefixes the
/// diagnostics about it.
pub struct RunOutput<'a> {
    pub test_path: &'a str,
    pub exit: Exit,
    pub stdout: &'a str,
    pub stderr: &'a str,
}

const MAX_REASON: usize = 160;

pub fn classify(expectation: &Expectation, run: &RunOutput) -> Outcome {
    match run.exit {
        Exit::TimedOut => return Outcome::new(Kind::Timeout, "timed out"),
        Exit::Signal(signal) => {
            return Outcome::new(Kind::Crash, format!("killed by signal {signal}"))
        }
        Exit::Code(EXIT_PANIC) => return Outcome::new(Kind::Crash, panic_reason(run.stderr)),
        Exit::Code(_) => {}
    }
    match expectation {
        Expectation::Runs => classify_runtime(run),
        Expectation::CompileError { lines } => classify_static(lines, run),
    }
}

fn classify_runtime(run: &RunOutput) -> Outcome {
    match run.exit {
        Exit::Code(0) => {
            if run.stdout.contains("unittest-suite-wait-for-done")
                && !run.stdout.contains("unittest-suite-success")
            {
                Outcome::new(Kind::Fail, "asynchronous test never called asyncEnd()")
            } else {
                Outcome::new(Kind::Pass, "")
            }
        }
        Exit::Code(EXIT_COMPILE_ERROR) => Outcome::new(
            Kind::Fail,
            format!("compile error: {}", first_error(run.stderr)),
        ),
        Exit::Code(EXIT_UNCAUGHT) => Outcome::new(
            Kind::Fail,
            format!("uncaught: {}", uncaught_reason(run.stderr)),
        ),
        Exit::Code(code) => Outcome::new(
            Kind::Fail,
            format!("exit code {code}: {}", first_line(run.stderr)),
        ),
        Exit::Signal(_) | Exit::TimedOut => unreachable!("handled by classify"),
    }
}

fn classify_static(lines: &[usize], run: &RunOutput) -> Outcome {
    if run.exit != Exit::Code(EXIT_COMPILE_ERROR) {
        let what = match run.exit {
            Exit::Code(0) => "ran without error".to_string(),
            Exit::Code(EXIT_UNCAUGHT) => format!("threw {}", uncaught_reason(run.stderr)),
            Exit::Code(code) => format!("exit code {code}"),
            Exit::Signal(_) | Exit::TimedOut => unreachable!("handled by classify"),
        };
        return Outcome::new(Kind::Fail, format!("expected a compile-time error, {what}"));
    }
    if lines.is_empty() {
        return Outcome::new(Kind::Pass, "");
    }
    let reported = error_lines(run.stderr, run.test_path);
    if reported.iter().any(|l| lines.contains(l)) {
        Outcome::new(Kind::Pass, "")
    } else {
        Outcome::new(
            Kind::Fail,
            format!(
                "compile error on the wrong line (expected {lines:?}): {}",
                first_error(run.stderr)
            ),
        )
    }
}

/// Lines of `path:line:col: Error: ...` diagnostics about `test_path`.
pub fn error_lines(stderr: &str, test_path: &str) -> Vec<usize> {
    stderr
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix(test_path)?.strip_prefix(':')?;
            let (number, rest) = rest.split_once(':')?;
            let (_column, rest) = rest.split_once(':')?;
            if !rest.trim_start().starts_with("Error") {
                return None;
            }
            number.parse().ok()
        })
        .collect()
}

/// The message of the first `Error:` diagnostic, without its location.
fn first_error(stderr: &str) -> String {
    let message = stderr
        .lines()
        .find_map(|line| line.split_once(": Error: ").map(|(_, m)| m))
        .unwrap_or_else(|| first_line(stderr));
    truncate(message)
}

/// The exception's text: the line after `Unhandled exception:`.
fn uncaught_reason(stderr: &str) -> String {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("Unhandled exception:") {
            return truncate(lines.next().unwrap_or("").trim());
        }
    }
    truncate(first_line(stderr))
}

fn panic_reason(stderr: &str) -> String {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        if line.contains("panicked at") {
            let message = lines.next().unwrap_or("").trim();
            return truncate(&format!("panic: {message}"));
        }
    }
    truncate(&format!("exit code 101: {}", first_line(stderr)))
}

fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

fn truncate(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_REASON) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<'a>(exit: Exit, stdout: &'a str, stderr: &'a str) -> RunOutput<'a> {
        RunOutput {
            test_path: "Language/a_t01.dart",
            exit,
            stdout,
            stderr,
        }
    }

    #[test]
    fn runtime_tests() {
        let ok = classify(&Expectation::Runs, &run(Exit::Code(0), "", ""));
        assert_eq!(ok.kind, Kind::Pass);
        let unfinished = classify(
            &Expectation::Runs,
            &run(Exit::Code(0), "unittest-suite-wait-for-done\n", ""),
        );
        assert_eq!(unfinished.kind, Kind::Fail);
        let finished = classify(
            &Expectation::Runs,
            &run(
                Exit::Code(0),
                "unittest-suite-wait-for-done\nunittest-suite-success\n",
                "",
            ),
        );
        assert_eq!(finished.kind, Kind::Pass);
        let thrown = classify(
            &Expectation::Runs,
            &run(
                Exit::Code(255),
                "",
                "Unhandled exception:\nExpect.equals(expected: <1>, actual: <2>) fails.\n#0 main\n",
            ),
        );
        assert_eq!(
            thrown,
            Outcome::new(
                Kind::Fail,
                "uncaught: Expect.equals(expected: <1>, actual: <2>) fails."
            )
        );
        let compile = classify(
            &Expectation::Runs,
            &run(
                Exit::Code(254),
                "",
                "Utils/expect.dart:3:5: Error: Couldn't find constructor 'X'.\n  x\n  ^\n",
            ),
        );
        assert_eq!(
            compile.reason,
            "compile error: Couldn't find constructor 'X'."
        );
    }

    #[test]
    fn crashes_and_timeouts() {
        let panic = classify(
            &Expectation::Runs,
            &run(
                Exit::Code(101),
                "",
                "thread 'main' panicked at vm/src/x.rs:1:2:\nindex out of bounds\n",
            ),
        );
        assert_eq!(
            panic,
            Outcome::new(Kind::Crash, "panic: index out of bounds")
        );
        let segv = classify(&Expectation::Runs, &run(Exit::Signal(11), "", ""));
        assert_eq!(segv.kind, Kind::Crash);
        let slow = classify(
            &Expectation::CompileError { lines: vec![] },
            &run(Exit::TimedOut, "", ""),
        );
        assert_eq!(slow.kind, Kind::Timeout);
    }

    #[test]
    fn static_error_tests_check_the_line() {
        let expected = Expectation::CompileError { lines: vec![7] };
        let stderr = "Language/a_t01.dart:7:3: Error: Expected ';' after this.\n";
        assert_eq!(
            classify(&expected, &run(Exit::Code(254), "", stderr)).kind,
            Kind::Pass
        );
        let elsewhere = "Language/a_t01.dart:9:3: Error: dartrs does not support X yet.\n";
        let outcome = classify(&expected, &run(Exit::Code(254), "", elsewhere));
        assert_eq!(outcome.kind, Kind::Fail);
        assert!(outcome.reason.contains("wrong line"), "{}", outcome.reason);
        let clean = classify(&expected, &run(Exit::Code(0), "", ""));
        assert_eq!(
            clean,
            Outcome::new(
                Kind::Fail,
                "expected a compile-time error, ran without error"
            )
        );
        let unspecified = Expectation::CompileError { lines: vec![] };
        assert_eq!(
            classify(&unspecified, &run(Exit::Code(254), "", elsewhere)).kind,
            Kind::Pass
        );
    }

    #[test]
    fn error_lines_only_of_the_test_file() {
        let stderr = "Language/a_t01.dart:4:1: Error: a\nUtils/expect.dart:5:1: Error: b\nLanguage/a_t01.dart:6:1: Warning: c\n";
        assert_eq!(error_lines(stderr, "Language/a_t01.dart"), vec![4]);
    }
}
