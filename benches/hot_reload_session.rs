//! Hot-reload latency end to end: a live `dartrs run --debug --console-lines` session
//! runs a ~5,000-line program whose periodic timer prints the result of `tag()`; each
//! iteration rewrites the file with a one-line change of `tag()` and measures from the
//! write to the first output line of the new code, with `tag()` near the end of the
//! file and, in a second session, first in it. This includes everything a user waits
//! for: the watcher's wait for a complete save, the front end, matching and applying
//! the reload, compiling the new body at its first call, and the next timer tick
//! (every 1 ms, so at most ~1 ms of it). A third benchmark measures a hot restart (`R`,
//! nothing edited) to the first line the restarted `main` prints. `DARTRS_BENCH_LINES`
//! changes the program size.

#[allow(dead_code)]
#[path = "micro/common.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// A timer-driven `main` instead of the generated program's one-shot `main`.
const MAIN: &str = r#"
String tag() => 'v0';

void main() {
  final xs = <int>[1, 2, 3];
  var n = 0;
  Timer.periodic(Duration(milliseconds: 1), (t) {
    n++;
    print('${tag()} ${s_0(n, xs)}');
  });
}
"#;

struct Session {
    child: Child,
    lines: Receiver<String>,
}

impl Session {
    fn start(path: &std::path::Path) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
            .args(["run", "--debug", "--console-lines"])
            .arg(path)
            .env("DARTRS_NO_PROGRAM_CACHE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dartrs starts");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Session { child, lines: rx }
    }

    /// Sends a console command.
    fn command(&mut self, command: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin is piped");
        writeln!(stdin, "{command}").expect("send the command");
        stdin.flush().expect("flush the command");
    }

    /// Waits for a line starting with `prefix`; returns when it arrived.
    fn wait_for(&self, prefix: &str) -> Instant {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .expect("the session prints the new output");
            if line.starts_with(prefix) {
                return Instant::now();
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(stdin) = self.child.stdin.as_mut() {
            let _ = writeln!(stdin, "q");
        }
        let _ = self.child.wait();
    }
}

fn bench(c: &mut Criterion) {
    let lines = std::env::var("DARTRS_BENCH_LINES")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(5_000);
    let generated = common::mixed_program(lines).replace("void main() {", "void oneShot() {");
    let program = format!("import 'dart:async';\n{generated}{MAIN}");
    let mut group = c.benchmark_group("hot_reload_session");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(20));
    // The edited function first in the file: every other function comes after it.
    let tag = "\nString tag() => 'v0';\n";
    let at_top = program.replacen(tag, "\n", 1).replacen(
        "import 'dart:async';\n",
        &format!("import 'dart:async';{tag}"),
        1,
    );
    for (name, program) in [
        ("5k_lines_write_to_first_effect", &program),
        ("5k_lines_write_to_first_effect_edit_at_top", &at_top),
    ] {
        let path = common::write_temp(&format!("{name}.dart"), program);
        let session = Session::start(&path);
        session.wait_for("v0 ");
        let mut version = 0u64;
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    version += 1;
                    // Settle: a write right after the last reload's own reads is still
                    // one change, but keep samples independent of the previous one.
                    std::thread::sleep(Duration::from_millis(30));
                    let text = program.replace("'v0'", &format!("'v{version}'"));
                    let started = Instant::now();
                    std::fs::write(&path, text).expect("write the edit");
                    total += session.wait_for(&format!("v{version} ")) - started;
                }
                total
            })
        });
    }
    let path = common::write_temp("hot_reload_session.dart", &program);
    let mut session = Session::start(&path);
    session.wait_for("v0 ");
    // Hot restart with nothing edited: `R` to the first line the new `main` prints.
    group.bench_function("5k_lines_restart_to_first_output", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                std::thread::sleep(Duration::from_millis(30));
                let started = Instant::now();
                session.command("R");
                session.wait_for("Restarted application in ");
                total += session.wait_for("v") - started;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
