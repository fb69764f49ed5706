//! The debug-mode program cache seen from the command line: the second run of an
//! unchanged program is a cache hit (the `dartrs::program_cache` tracing line says so),
//! an edit of the script or of an imported file invalidates the entry, a corrupt entry is
//! ignored and rewritten, compile errors are never cached, and a run from the cache
//! behaves exactly as one from the sources (stack traces included). Each test has its own
//! cache directory (`XDG_CACHE_HOME`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory for one test: `src/` for the program, `cache/` for the cache.
fn test_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dartrs-program-cache-{}-{test}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write source");
}

/// `dartrs run script` with the test's cache and the cache's tracing on.
fn run(dir: &Path, script: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("RUST_LOG", "dartrs::program_cache=debug")
        .env("NO_COLOR", "1")
        .env_remove("DARTRS_NO_PROGRAM_CACHE")
        .arg("run")
        .arg(script)
        .output()
        .expect("dartrs runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The stderr lines that are not the cache's tracing.
fn program_stderr(out: &Output) -> String {
    stderr(out)
        .lines()
        .filter(|l| !l.contains("dartrs::program_cache"))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn hit(out: &Output) -> bool {
    stderr(out).contains("program cache hit")
}

/// The cache files (`*.program`) in the test's cache.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir.join("cache").join("dartrs")) else {
        return Vec::new();
    };
    read.flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "program"))
        .collect()
}

fn app(dir: &Path, lib_value: i32) -> PathBuf {
    let script = dir.join("src").join("app.dart");
    write(
        &script,
        "import 'lib.dart';\n\nvoid main() {\n  print('value ${value()}');\n}\n",
    );
    write(
        &dir.join("src").join("lib.dart"),
        &format!("int value() => {lib_value};\n"),
    );
    script
}

#[test]
fn the_second_run_is_a_hit_and_edits_invalidate_the_entry() {
    let dir = test_dir("edits");
    let script = app(&dir, 1);
    let first = run(&dir, &script);
    assert_eq!(stdout(&first), "value 1\n");
    assert!(!hit(&first), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("program cache stored"),
        "{}",
        stderr(&first)
    );
    let second = run(&dir, &script);
    assert_eq!(stdout(&second), "value 1\n");
    assert!(hit(&second), "{}", stderr(&second));

    // An imported file changes: the entry is stale.
    write(&dir.join("src").join("lib.dart"), "int value() => 2;\n");
    let edited = run(&dir, &script);
    assert_eq!(stdout(&edited), "value 2\n");
    assert!(!hit(&edited), "{}", stderr(&edited));
    assert!(
        stderr(&edited).contains("lib.dart' changed"),
        "{}",
        stderr(&edited)
    );
    assert!(hit(&run(&dir, &script)));

    // The script itself changes.
    write(
        &script,
        "import 'lib.dart';\n\nvoid main() {\n  print('now ${value() + 1}');\n}\n",
    );
    let edited = run(&dir, &script);
    assert_eq!(stdout(&edited), "now 3\n");
    assert!(!hit(&edited), "{}", stderr(&edited));
    assert_eq!(entries(&dir).len(), 1, "one entry per script and options");
}

#[test]
fn a_corrupt_or_truncated_entry_is_ignored_and_rewritten() {
    let dir = test_dir("corrupt");
    let script = app(&dir, 7);
    assert_eq!(stdout(&run(&dir, &script)), "value 7\n");
    let [entry] = entries(&dir).try_into().expect("one entry");
    let good = std::fs::read(&entry).expect("entry");

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let damaged: [(&str, Vec<u8>); 4] = [
        ("flipped", flipped),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("empty", Vec::new()),
        ("foreign", b"not a cache file at all".to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&entry, bytes).expect("damage the entry");
        let out = run(&dir, &script);
        assert_eq!(stdout(&out), "value 7\n", "{what}");
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        assert!(!hit(&out), "{what}: {}", stderr(&out));
        assert!(stderr(&out).contains("program cache stored"), "{what}");
        let again = run(&dir, &script);
        assert!(hit(&again), "{what}: rewritten: {}", stderr(&again));
    }
}

#[test]
fn compile_errors_are_never_cached() {
    let dir = test_dir("errors");
    let script = dir.join("src").join("app.dart");
    write(&script, "void main() {\n  print(missing);\n}\n");
    let out = run(&dir, &script);
    assert_eq!(out.status.code(), Some(254));
    let again = run(&dir, &script);
    assert_eq!(again.status.code(), Some(254));
    assert_eq!(program_stderr(&out), program_stderr(&again));
    assert!(entries(&dir).is_empty());
}

#[test]
fn a_run_from_the_cache_prints_the_same_stack_traces() {
    let dir = test_dir("traces");
    let script = dir.join("src").join("app.dart");
    write(
        &script,
        "void fail(int depth) {\n  if (depth == 0) throw StateError('deep');\n  fail(depth - 1);\n}\n\nvoid main() {\n  print([1, 2, 3].map((x) => x * 2).toList());\n  fail(2);\n}\n",
    );
    let fresh = run(&dir, &script);
    let cached = run(&dir, &script);
    assert!(hit(&cached), "{}", stderr(&cached));
    assert_eq!(stdout(&fresh), "[2, 4, 6]\n");
    assert_eq!(stdout(&cached), stdout(&fresh));
    assert_eq!(cached.status.code(), fresh.status.code());
    let trace = program_stderr(&fresh);
    assert!(trace.contains("app.dart:2"), "{trace}");
    assert_eq!(program_stderr(&cached), trace);
}

#[test]
fn the_cache_can_be_turned_off() {
    let dir = test_dir("off");
    let script = app(&dir, 3);
    let out = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("DARTRS_NO_PROGRAM_CACHE", "1")
        .arg("run")
        .arg(&script)
        .output()
        .expect("dartrs runs");
    assert_eq!(stdout(&out), "value 3\n");
    assert!(entries(&dir).is_empty());
}
