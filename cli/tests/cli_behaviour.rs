//! End-to-end behaviour of the `dartrs` command that the corpus format cannot express:
//! lazy compilation seen through `--trace-compiler`, the exact format of compile-time
//! errors and uncaught exceptions (absolute paths), and the exit codes of commands whose
//! engine does not exist yet (the VM service).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dartrs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(args)
        .output()
        .expect("dartrs runs")
}

/// Writes `source` to a fresh file in a per-test temporary directory.
fn program(test: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dartrs-cli-test-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("app.dart");
    std::fs::write(&path, source).expect("write program");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn functions_are_compiled_on_first_call_and_never_before() {
    let path = program(
        "lazy",
        "int used(int x) => x + 1;\nint neverCalled(int x) => x * 2;\nvoid main() {\n  print(used(41));\n}\n",
    );
    let out = dartrs(&["run", "--trace-compiler", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(text(&out.stdout), "42\n");
    assert!(out.status.success());
    let compiled: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("[compiler] "))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert!(compiled.contains(&"main"), "main compiled: {stderr}");
    assert!(compiled.contains(&"used"), "used compiled: {stderr}");
    assert!(
        !compiled.contains(&"neverCalled"),
        "an uncalled function was compiled: {stderr}"
    );
    // Each line reports the code size and the compile time.
    let main_line = stderr
        .lines()
        .find(|l| l.starts_with("[compiler] main:"))
        .unwrap_or("");
    assert!(
        main_line.contains(" bytes in ") && main_line.ends_with(" us"),
        "{main_line}"
    );
}

#[test]
fn compile_errors_use_the_front_end_format_and_exit_254() {
    let path = program("syntax", "void main() {\n  print('hi')\n}\n");
    let out = dartrs(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(254));
    assert_eq!(text(&out.stdout), "");
    let expected = format!(
        "{}:2:13: Error: Expected ';' after this.\n  print('hi')\n            ^\n",
        path.display()
    );
    assert_eq!(text(&out.stderr), expected);
}

#[test]
fn constant_map_keys_and_set_elements_must_be_distinct_with_primitive_equality() {
    let path = program(
        "const-keys",
        "class K {\n  final int v;\n  const K(this.v);\n  bool operator ==(Object o) => o is K && o.v == v;\n  int get hashCode => v;\n}\nvoid main() {\n  const m = {'a': 1, 'a': 2};\n  print(const {1.5: 'x'});\n  print(const {K(1)});\n  print(const {1, 2, 1});\n  print(m);\n}\n",
    );
    let out = dartrs(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(254));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    let p = path.display();
    for expected in [
        format!("{p}:8:13: Error: The key '\"a\"' conflicts with another existing key in the map."),
        format!("{p}:9:9: Error: The key '1.5' does not have a primitive operator '=='."),
        format!("{p}:10:9: Error: The element '#K(v: 1)' does not have a primitive operator '=='."),
        format!(
            "{p}:11:9: Error: The element '1' conflicts with another existing element in the set."
        ),
    ] {
        assert!(stderr.contains(&expected), "{expected} in {stderr}");
    }
}

#[test]
fn undefined_names_are_reported_before_anything_runs() {
    let path = program(
        "undefined",
        "void main() {\n  print('before');\n  prnt('x');\n}\n",
    );
    let out = dartrs(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(254));
    assert_eq!(
        text(&out.stdout),
        "",
        "nothing runs when the program has errors"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:3:3: Error: ", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains("prnt"), "{stderr}");
}

#[test]
fn uncaught_exceptions_print_the_error_and_a_dart_stack_trace_and_exit_255() {
    let path = program(
        "uncaught",
        "void fail() {\n  throw StateError('broken');\n}\n\nvoid main() {\n  print('start');\n  fail();\n}\n",
    );
    let out = dartrs(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(text(&out.stdout), "start\n");
    let u = uri(&path);
    let expected = format!(
        "Unhandled exception:\nBad state: broken\n#0      fail ({u}:2:3)\n#1      main ({u}:7:3)\n"
    );
    assert_eq!(text(&out.stderr), expected);
}

#[test]
fn deep_recursion_is_a_catchable_stack_overflow_not_a_crash() {
    let path = program(
        "overflow",
        "int down(int n) => down(n + 1) + 1;\nvoid main() {\n  try {\n    down(0);\n  } on StackOverflowError {\n    print('caught');\n  }\n  try {\n    down(0);\n  } on StackOverflowError {\n    print('caught again');\n  }\n}\n",
    );
    let out = dartrs(&["run", path.to_str().unwrap()]);
    assert_eq!(text(&out.stdout), "caught\ncaught again\n");
    assert!(out.status.success());
}

#[test]
fn missing_files_are_reported_with_exit_254() {
    let out = dartrs(&["run", "/nonexistent/dir/app.dart"]);
    assert_eq!(out.status.code(), Some(254));
    assert!(
        text(&out.stderr).contains("/nonexistent/dir/app.dart"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn version_is_printed() {
    let out = dartrs(&["--version"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("dartrs "));
}

/// A long-running program's output reaches a pipe while it runs, in every mode: before
/// the event loop blocks, and while it keeps printing (not only at exit).
#[test]
fn output_reaches_a_pipe_while_the_program_runs() {
    use std::io::{BufRead, BufReader};
    let path = program(
        "live-output",
        // 'first' goes out when it has waited 10 ms and 'second' is written; 'second' when
        // the loop waits for the timer; 'third' is never flushed while the callback spins.
        "import 'dart:async';\nvoid main() {\n  print('first');\n  var sw = Stopwatch()..start();\n  while (sw.elapsedMilliseconds < 30) {}\n  print('second');\n  Timer(const Duration(milliseconds: 20), () {\n    print('third');\n    while (true) {}\n  });\n}\n",
    );
    for mode in [&["--debug", "--no-console"][..], &["--release"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
            .arg("run")
            .args(mode)
            .arg(&path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("dartrs starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (lines, seen) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let wait = std::time::Duration::from_secs(60);
        for want in ["first", "second"] {
            let line = seen.recv_timeout(wait);
            assert_eq!(line.as_deref(), Ok(want), "{mode:?}");
        }
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "{mode:?}: still spinning"
        );
        let _ = child.kill();
        let _ = child.wait();
    }
}
