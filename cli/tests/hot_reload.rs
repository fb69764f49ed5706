//! Hot reload and hot restart end to end: a live `dartrs run --debug` session whose
//! source file the test edits, driven through `--console-lines` over a pipe. The test
//! synchronises only on output lines (with timeouts), never on sleeps.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    /// Everything seen so far (printed when an expectation fails).
    log: Vec<String>,
}

impl Session {
    fn start(script: &Path, extra: &[&str]) -> Session {
        Session::start_with_env(script, extra, &[])
    }

    fn start_with_env(script: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
            .envs(env.iter().copied())
            .arg("run")
            .arg("--debug")
            .args(extra)
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dartrs starts");
        let (tx, rx) = std::sync::mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        let err = child.stderr.take().expect("stderr");
        for (stream, tag) in [
            (Box::new(out) as Box<dyn std::io::Read + Send>, ""),
            (Box::new(err), "stderr: "),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if tx.send(format!("{tag}{line}")).is_err() {
                        return;
                    }
                }
            });
        }
        let stdin = child.stdin.take();
        Session {
            child,
            stdin,
            lines: rx,
            log: Vec::new(),
        }
    }

    /// Waits for a line satisfying `want`; returns it.
    fn expect(&mut self, what: &str, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.log.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    let _ = self.child.kill();
                    panic!("no line {what}; output so far:\n{}", self.log.join("\n"));
                }
            }
        }
    }

    fn expect_prefix(&mut self, prefix: &str) -> String {
        self.expect(&format!("starting with {prefix:?}"), |l| {
            l.starts_with(prefix)
        })
    }

    fn command(&mut self, c: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{c}").expect("write command");
        stdin.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("dartrs did not exit; output:\n{}", self.log.join("\n"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn temp_program(test: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dartrs-hot-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("app.dart");
    std::fs::write(&path, source).expect("write program");
    path
}

/// The count and doubled value of a `tick <describe> <twice>` line.
fn numbers(line: &str) -> Vec<i64> {
    line.split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

const V0: &str = r#"import 'dart:async';

class Counter {
  int count = 0;
  int step() => count += 1;
  String describe() => 'v0 $count';
}

int twice(int x) => x * 2;

final counter = Counter();

void main() {
  Timer.periodic(Duration(milliseconds: 20), (t) {
    counter.step();
    print('tick ${counter.describe()} ${twice(counter.count)}');
    if (counter.count >= 100000) t.cancel();
  });
}
"#;

/// Applies the replacements in one write (one reload).
fn edit_all(path: &Path, edits: &[(&str, &str)], append: &str) {
    let mut text = std::fs::read_to_string(path).expect("read program");
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?} not in the program");
        text = text.replacen(from, to, 1);
    }
    text.push_str(append);
    std::fs::write(path, text).expect("write program");
}

fn edit(path: &Path, from: &str, to: &str) {
    edit_all(path, &[(from, to)], "");
}

#[test]
fn edits_reload_with_state_kept_rejections_and_errors_change_nothing_restart_and_quit() {
    let path = temp_program("session", V0);
    let mut s = Session::start(&path, &["--console-lines"]);
    s.expect_prefix("tick v0 3 ");

    // Changed bodies: an instance method (describe) and a static function (twice); the
    // timer's closure was created before the edit and keeps its own code ('tick').
    edit_all(
        &path,
        &[
            ("'v0 $count'", "'v1 $count'"),
            ("x * 2", "x * 3"),
            ("print('tick ", "print('TOCK "),
        ],
        "",
    );
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("tick v1 ");
    let n = numbers(&line);
    assert!(n[0] > 3, "the counter kept counting: {line}");
    assert_eq!(n[1], 3 * n[0], "the new static body runs: {line}");

    // A field added to a class with a live instance, and a new class and method.
    edit_all(
        &path,
        &[
            (
                "  int count = 0;\n",
                "  String label = 'L';\n  int count = 0;\n",
            ),
            ("'v1 $count'", "'v2 $label ${Helper().hi()} $count'"),
        ],
        "\nclass Helper { String hi() => 'hi'; }\n",
    );
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("tick v2 L hi ");
    assert!(numbers(&line)[0] > 3, "{line}");

    // An enum, then a rejected reload (enum to class): the old code goes on running.
    edit_all(&path, &[], "enum Fruit { apple }\n");
    s.expect_prefix("Reloaded 1 of ");
    edit_all(
        &path,
        &[("enum Fruit { apple }", "class Fruit {}"), ("'v2 ", "'v3 ")],
        "",
    );
    s.expect_prefix("Hot reload was rejected:");
    let reason = s.expect("a reason", |_| true);
    assert!(
        reason
            .starts_with("Enum class cannot be redefined to be a non-enum class: Library:'file://")
            && reason.ends_with("Class: Fruit"),
        "{reason}"
    );
    s.expect_prefix("Try performing a hot restart instead.");
    s.expect_prefix("tick v2 L hi ");

    // A syntax error changes nothing; the fix reloads.
    edit_all(
        &path,
        &[
            ("class Fruit {}", "enum Fruit { apple }"),
            ("int twice(int x) => x * 3;", "int twice(int x) => x * ;"),
        ],
        "",
    );
    s.expect_prefix("Hot reload failed: the program has compile errors");
    s.expect_prefix("tick v2 L hi ");
    edit(&path, "x * ;", "x * 4;");
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("tick v3 L hi ");
    let n = numbers(&line);
    assert_eq!(n[1], 4 * n[0], "{line}");
    assert!(n[0] > 3, "{line}");

    // Hot restart: state is dropped, main runs the current sources ('TOCK').
    s.command("R");
    s.expect_prefix("Performing hot restart...");
    s.expect_prefix("Restarted application in ");
    let line = s.expect_prefix("TOCK v3 L hi 1 4");
    assert_eq!(numbers(&line), vec![1, 4]);

    s.command("q");
    assert_eq!(s.wait_exit(), 0);
    // The front end's diagnostic went to stderr (read by its own thread, so its lines
    // interleave with stdout's in any order).
    let log: Vec<String> = s.log.drain(..).chain(s.lines.iter()).collect();
    assert!(
        log.iter()
            .any(|l| l.starts_with("stderr: ") && l.contains("Error: Expected an identifier")),
        "{log:?}"
    );
}

#[test]
fn without_a_console_the_session_ends_with_the_program_and_its_exit_code() {
    let path = temp_program(
        "ends",
        "void main() {\n  print('before');\n  throw StateError('boom');\n}\n",
    );
    let mut s = Session::start(&path, &["--no-console"]);
    assert_eq!(s.wait_exit(), 255);
    // stdout and stderr are read by two threads: their lines may interleave either way.
    let rest: Vec<String> = s.lines.iter().collect();
    for want in [
        "before",
        "stderr: Unhandled exception:",
        "stderr: Bad state: boom",
    ] {
        assert!(rest.iter().any(|l| l == want), "{want:?} missing: {rest:?}");
    }
}

#[test]
fn a_crashed_isolate_cannot_be_reloaded_but_can_be_restarted() {
    let path = temp_program(
        "crash",
        "void main() {\n  print('run 1');\n  throw StateError('boom');\n}\n",
    );
    let mut s = Session::start(&path, &["--console-lines", "--no-watch"]);
    s.expect_prefix("run 1");
    s.expect_prefix("Application finished.");
    s.command("r");
    s.expect_prefix("Cannot hot reload: the isolate was stopped by an unhandled exception.");
    edit(&path, "throw StateError('boom');", "print('run 2');");
    s.command("R");
    s.expect_prefix("Restarted application in ");
    s.expect_prefix("run 2");
    s.expect_prefix("Application finished.");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}

/// A hot restart runs `main` again in the isolate it had, reset: statics start over (their
/// initialisers run again), identity hash codes repeat, and code compiled by the last
/// run is reused — with nothing edited nothing is compiled again (`--trace-compiler`
/// prints each compilation); after an edit the new code runs.
#[test]
fn a_restart_reuses_compiled_code_and_resets_the_state() {
    let path = temp_program(
        "restart-code",
        r#"var runs = 0;
final started = () {
  print('init');
  return 1;
}();

String greet() => 'hello';

void main() {
  runs += started;
  print('${greet()} runs=$runs hash=${identityHashCode(Object())}');
}
"#,
    );
    let mut s = Session::start(
        &path,
        &["--console-lines", "--no-watch", "--trace-compiler"],
    );
    s.expect("the initialiser's line", |l| l == "init");
    let first = s.expect_prefix("hello runs=1 hash=");
    s.expect_prefix("Application finished.");
    s.command("R");
    s.expect_prefix("Restarted application in ");
    s.expect("the initialiser's line again", |l| l == "init");
    s.expect("the same line as the first run", |l| l == first);
    s.expect_prefix("Application finished.");
    edit(&path, "'hello'", "'bye'");
    s.command("R");
    s.expect_prefix("Restarted application in ");
    s.expect("the initialiser's line again", |l| l == "init");
    let edited = s.expect_prefix("bye runs=1 hash=");
    assert_eq!(edited[3..], first[5..], "{edited} / {first}");
    s.expect_prefix("Application finished.");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
    let log: Vec<String> = s.log.drain(..).chain(s.lines.iter()).collect();
    let compiled = |name: &str| {
        let line = format!("stderr: [compiler] {name}: ");
        log.iter().filter(|l| l.starts_with(&line)).count()
    };
    // The first run and the restart after the edit compile the edited function; the
    // restart without an edit compiles nothing, and `main` keeps its code throughout.
    assert_eq!(compiled("main"), 1, "{log:?}");
    assert_eq!(compiled("greet"), 2, "{log:?}");
    // A core function is compiled once for the whole session.
    assert_eq!(compiled("print"), 1, "{log:?}");
}

/// An edit inside one function body lowers and compiles only that function: the
/// functions before and after it keep their code (`--trace-compiler` prints each
/// compilation), and stack traces show the lines where their text is now.
#[test]
fn a_body_edit_keeps_the_code_of_the_other_functions_and_traces_their_new_lines() {
    let path = temp_program(
        "keep-bodies",
        r#"import 'dart:async';
int early(int x) => x + 1;
String where() { try { throw StateError(''); } catch (_, st) { return st.toString().split('\n').first; } }
String tag() {
  return 'v0';
}
String later() { try { throw StateError(''); } catch (_, st) { return st.toString().split('\n').first; } }

void main() {
  var n = 0;
  Timer.periodic(Duration(milliseconds: 20), (t) {
    n++;
    print('${tag()} ${early(n)} ${where()} | ${later()}');
    if (n > 100000) t.cancel();
  });
}
"#,
    );
    let mut s = Session::start_with_env(
        &path,
        &["--console-lines", "--trace-compiler"],
        &[("RUST_LOG", Path::new("dartrs::reload=debug"))],
    );
    let line = s.expect_prefix("v0 ");
    assert!(
        line.contains(" where (") && line.contains("app.dart:3:"),
        "{line}"
    );
    assert!(
        line.contains(" later (") && line.contains("app.dart:7:"),
        "{line}"
    );
    // A line more: the lines of the functions after tag move, not those before it;
    // their code is kept either way, and traces show where their text is now.
    edit(&path, "return 'v0';", "var v = 'v1';\n  return v;");
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("v1 ");
    assert!(
        line.contains(" where (") && line.contains("app.dart:3:"),
        "{line}"
    );
    assert!(
        line.contains(" later (") && line.contains("app.dart:8:"),
        "{line}"
    );
    // Another edit of the same body: the kept functions' spans point two versions back.
    edit(&path, "var v = 'v1';", "var v = 'v2';\n\n");
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("v2 ");
    assert!(
        line.contains(" later (") && line.contains("app.dart:10:"),
        "{line}"
    );
    let n = numbers(&line);
    // A restart after the reload finds the sources as the program has them: no front
    // end, no compilation.
    s.command("R");
    s.expect_prefix("Restarted application in ");
    s.expect_prefix("v2 2 ");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(!n.is_empty(), "{line}");
    let log: Vec<String> = s.log.drain(..).chain(s.lines.iter()).collect();
    let compiled = |name: &str| {
        let line = format!("stderr: [compiler] {name}: ");
        log.iter().filter(|l| l.starts_with(&line)).count()
    };
    assert_eq!(compiled("early"), 1, "{log:?}");
    assert_eq!(compiled("where"), 1, "{log:?}");
    assert_eq!(compiled("tag"), 3, "{log:?}");
    // Functions after tag are kept too (their text only moved).
    assert_eq!(compiled("later"), 1, "{log:?}");
    assert_eq!(compiled("main"), 1, "{log:?}");
    assert_eq!(compiled("main.<anonymous closure>"), 1, "{log:?}");
    assert!(
        log.iter()
            .any(|l| l.contains("restart reuses the isolate") && l.contains("Unchanged")),
        "{log:?}"
    );
}

/// A session whose first start came from the program cache reloads and restarts from
/// the edited sources (the cache never hands back a stale program).
#[test]
fn a_session_started_from_the_program_cache_reloads_and_restarts_the_edits() {
    let path = temp_program(
        "cached",
        r#"import 'dart:async';

String describe(int n) => 'v0 $n';

void main(List<String> args) {
  if (args.contains('once')) {
    print(describe(0));
    return;
  }
  var n = 0;
  Timer.periodic(Duration(milliseconds: 20), (t) {
    n += 1;
    print('tick ${describe(n)}');
    if (n >= 100000) t.cancel();
  });
}
"#,
    );
    let cache = path.with_file_name("cache");
    let primed = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .env("XDG_CACHE_HOME", &cache)
        .arg("run")
        .arg(&path)
        .arg("once")
        .output()
        .expect("dartrs runs");
    assert_eq!(String::from_utf8_lossy(&primed.stdout), "v0 0\n");
    let env = [
        ("XDG_CACHE_HOME", cache.as_path()),
        ("RUST_LOG", Path::new("dartrs::program_cache=debug")),
        ("NO_COLOR", Path::new("1")),
    ];
    let mut s = Session::start_with_env(&path, &["--console-lines"], &env);
    s.expect("a cache hit", |l| l.contains("program cache hit"));
    s.expect_prefix("tick v0 2");
    edit(&path, "'v0 $n'", "'v1 $n'");
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("tick v1 ");
    assert!(numbers(&line)[0] > 2, "state kept: {line}");
    edit(&path, "'v1 $n'", "'v2 $n'");
    s.expect_prefix("Reloaded 1 of ");
    s.expect_prefix("tick v2 ");
    s.command("R");
    s.expect_prefix("Restarted application in ");
    s.expect("the first tick after the restart", |l| l == "tick v2 1");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The README's walk-through on `examples/ticker.dart` stays true: saving an edit of
/// `describe` changes the next line, and the count goes on.
#[test]
fn the_readme_walkthrough_on_the_ticker_example_works() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/ticker.dart");
    let source = std::fs::read_to_string(example).expect("examples/ticker.dart");
    let path = temp_program("ticker", &source);
    let mut s = Session::start(&path, &["--console-lines"]);
    s.expect_prefix("ticker: edit describe()");
    let before = numbers(&s.expect_prefix("tick "));
    edit(
        &path,
        "'tick $ticks (total $total)'",
        "'TICK $ticks, average ${total / ticks}'",
    );
    s.expect_prefix("Reloaded 1 of ");
    let after = s.expect_prefix("TICK ");
    let ticks: i64 = after
        .trim_start_matches("TICK ")
        .split(',')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a tick count");
    assert!(ticks > before[0], "state kept: {before:?} then {after}");
    assert!(after.contains(", average "), "{after}");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}

const LIB_V0: &str = r#"String compute(String s) {
  print('init $s');
  return s;
}

final greeting = compute('old');

class Counter {
  int a = 0;
  int b = 100;
  String show() => 'a=$a b=$b';
}
"#;

const APP_WITH_LIB: &str = r#"import 'dart:async';
import 'lib.dart';

final counter = Counter();

void main() {
  Timer.periodic(Duration(milliseconds: 20), (t) {
    counter.a++;
    print('tick $greeting ${counter.show()}');
    if (counter.a >= 100000) t.cancel();
  });
}
"#;

/// An edit of an imported file reloads it: a removed field leaves the live instance
/// with the others kept, a changed static initialiser is not re-run (the value read
/// before stays), and the new method body runs.
#[test]
fn an_edited_import_reloads_with_fields_removed_and_statics_kept() {
    let path = temp_program("multi-file", APP_WITH_LIB);
    let lib = path.with_file_name("lib.dart");
    std::fs::write(&lib, LIB_V0).expect("write lib.dart");
    let mut s = Session::start(&path, &["--console-lines"]);
    s.expect_prefix("init old");
    let before: i64 = s
        .expect_prefix("tick old a=")
        .trim_start_matches("tick old a=")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    edit_all(
        &lib,
        &[
            ("compute('old')", "compute('new')"),
            ("  int b = 100;\n", ""),
            ("'a=$a b=$b'", "'A=$a'"),
        ],
        "",
    );
    let seen = s.expect("the reload line", |l| l.starts_with("Reloaded "));
    assert!(
        seen.starts_with("Reloaded 1 of "),
        "only lib.dart changed: {seen}"
    );
    let after = s.expect_prefix("tick old A=");
    let count: i64 = after
        .trim_start_matches("tick old A=")
        .parse()
        .expect("a count");
    assert!(count > before, "state kept: {before} then {after}");
    assert!(
        !s.log.iter().any(|l| l == "init new"),
        "the initialiser ran again:\n{}",
        s.log.join("\n")
    );
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}

const BUSY: &str = r#"import 'dart:io';

String step(int n) => 'v0 $n';

void spin() {
  var n = 0;
  while (true) {
    n++;
    print('spin ${step(n)}');
    sleep(Duration(milliseconds: 10));
  }
}

void main() {
  spin();
  print('spin returned');
}
"#;

/// A program that never returns to its event loop reloads at the safepoints of its
/// running code (function entries, loop back edges): `spin`, on the stack during the
/// edit, keeps its own old body ('spin', not 'SPIN') and its state (the count goes on),
/// while its calls reach the new `step`. Restart and quit reach the busy loop too.
#[test]
fn a_busy_loop_reloads_at_safepoints_with_its_frame_kept_and_restarts() {
    let path = temp_program("busy", BUSY);
    let mut s = Session::start(&path, &["--console-lines"]);
    let before = numbers(&s.expect_prefix("spin v0 "))[0];
    edit_all(
        &path,
        &[("'v0 $n'", "'v1 $n'"), ("print('spin ", "print('SPIN ")],
        "",
    );
    s.expect_prefix("Reloaded 1 of ");
    let line = s.expect_prefix("spin v1 ");
    assert!(
        numbers(&line)[0] > before,
        "state kept: {before} then {line}"
    );
    edit(&path, "'v1 $n'", "'v2 $n'");
    s.expect_prefix("Reloaded 1 of ");
    s.expect_prefix("spin v2 ");
    assert!(
        !s.log
            .iter()
            .any(|l| l.starts_with("SPIN ") || l == "spin returned"),
        "the running frame changed its code:\n{}",
        s.log.join("\n")
    );

    // Hot restart ends the busy isolate at a safepoint; `main` runs the new sources.
    s.command("R");
    s.expect_prefix("Performing hot restart...");
    s.expect_prefix("Restarted application in ");
    s.expect("the first line after the restart", |l| l == "SPIN v2 1");
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}

const LAZY: &str = r#"import 'dart:io';

var inits = 0;
int counted(String what) {
  inits++;
  print('init $what $inits');
  return inits;
}

class Box {
  int a = 0;
  String show() => 'a=$a';
}

final first = Box();
final second = Box();

void main() {
  var i = 0;
  while (true) {
    i++;
    first.a = i;
    print('first ${first.show()}');
    if (i % 5 == 0) print('second ${second.show()}');
    sleep(Duration(milliseconds: 10));
  }
}
"#;

/// Fields added to live instances: a non-constant initialiser runs on each instance's
/// first read of the field (in read order, once), a constant one is stored by the
/// migration, one without an initialiser is null; a later reload keeps them.
#[test]
fn added_fields_run_their_initialiser_on_first_read() {
    let path = temp_program("lazy", LAZY);
    let mut s = Session::start(&path, &["--console-lines"]);
    s.expect_prefix("second a=0");
    edit_all(
        &path,
        &[
            (
                "  int a = 0;\n",
                "  int a = 0;\n  int lazy = counted('lazy');\n  List<int> list = [1, 2];\n  int? none;\n  String k = 'k';\n",
            ),
            ("'a=$a'", "'a=$a lazy=$lazy list=$list none=$none k=$k'"),
        ],
        "",
    );
    s.expect_prefix("Reloaded 1 of ");
    s.expect("the first instance's initialiser", |l| l == "init lazy 1");
    let line = s.expect_prefix("first a=");
    assert!(
        line.ends_with(" lazy=1 list=[1, 2] none=null k=k"),
        "{line}"
    );
    s.expect("the second instance's initialiser", |l| l == "init lazy 2");
    s.expect("the second instance", |l| {
        l == "second a=0 lazy=2 list=[1, 2] none=null k=k"
    });
    edit(&path, "'a=$a lazy=", "'A=$a lazy=");
    s.expect_prefix("Reloaded 1 of ");
    s.expect("the second instance after another reload", |l| {
        l == "second A=0 lazy=2 list=[1, 2] none=null k=k"
    });
    let inits = s.log.iter().filter(|l| l.starts_with("init ")).count();
    assert_eq!(inits, 2, "{}", s.log.join("\n"));
    s.command("q");
    assert_eq!(s.wait_exit(), 0);
}
