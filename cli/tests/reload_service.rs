//! `reloadSources` end to end: `dartrs run --debug --observe=0 --no-watch` on a program
//! with a periodic timer, its file edited and the reload asked for over the VM service —
//! the new code's output, a rejected change and a compile error (ReloadReport with the
//! Dart VM's text, old code still running), the IsolateReload event, and 100 (feature
//! disabled) in profile mode. Nothing sleeps: each step waits for a line or an event.

use dartrs_devtools_protocol::client::Client;
use dartrs_devtools_protocol::jsonrpc::RpcError;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

struct Running {
    child: Child,
    stdout: BufReader<ChildStdout>,
    client: Client,
    uri: String,
    isolate: String,
    dir: PathBuf,
}

impl Running {
    fn start(test: &str, source: &str, mode: &[&str]) -> Running {
        let dir =
            std::env::temp_dir().join(format!("dartrs-reload-rpc-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let app = dir.join("app.dart");
        std::fs::write(&app, source).expect("write program");
        let info = dir.join("service-info.json");
        let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
            .arg("run")
            .args(mode)
            .arg("--observe=0")
            .arg(format!("--write-service-info={}", info.display()))
            .arg(&app)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.join("stderr.txt")).expect("stderr file"))
            .spawn()
            .expect("dartrs starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("the service line");
        assert!(
            line.starts_with("The Dart VM service is listening on "),
            "unexpected first line: {line:?} (stderr: {})",
            std::fs::read_to_string(dir.join("stderr.txt")).unwrap_or_default()
        );
        let info: Value = serde_json::from_str(&std::fs::read_to_string(&info).expect("info file"))
            .expect("info JSON");
        let uri = info["uri"].as_str().expect("uri").to_string();
        let client = Client::connect(&uri).expect("connects");
        Running {
            child,
            stdout,
            client,
            uri,
            isolate: String::new(),
            dir,
        }
    }

    /// Waits for the program's first line `line` (the isolate is running by then) and
    /// looks the isolate up.
    fn running(&mut self, line: &str) {
        self.expect_line(line);
        let vm = ok(&mut self.client, "getVM", json!({}));
        self.isolate = vm["isolates"][0]["id"]
            .as_str()
            .expect("an isolate")
            .to_string();
    }

    fn app(&self) -> PathBuf {
        self.dir.join("app.dart")
    }

    /// Reads output lines until `want`; returns the lines before it.
    fn expect_line(&mut self, want: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let mut line = String::new();
            let n = self.stdout.read_line(&mut line).expect("stdout");
            assert!(n > 0, "output ended before {want:?}; saw {seen:?}");
            let line = line.trim_end().to_string();
            if line == want {
                return seen;
            }
            seen.push(line);
        }
    }

    fn reload(&mut self) -> Value {
        let params = json!({ "isolateId": self.isolate });
        ok(&mut self.client, "reloadSources", params)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn call(c: &mut Client, method: &str, params: Value) -> Result<Value, RpcError> {
    c.call(method, params).expect("the connection stays up")
}

fn ok(c: &mut Client, method: &str, params: Value) -> Value {
    call(c, method, params).unwrap_or_else(|e| panic!("{method}: {e}"))
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read program");
    assert!(text.contains(from), "{from:?} not in the program");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write program");
}

const TICKING: &str = r#"
import 'dart:async';

enum Color { red }

String message(int n) => 'old $n';

void main() {
  var n = 0;
  Timer.periodic(const Duration(milliseconds: 10), (_) {
    n++;
    if (n % 10 == 0) print(message(n ~/ 10));
  });
}
"#;

#[test]
fn reload_sources_applies_edits_and_reports_rejections_and_errors() {
    let mut r = Running::start("ticking", TICKING, &["--debug", "--no-watch"]);
    ok(
        &mut r.client,
        "streamListen",
        json!({"streamId": "Isolate"}),
    );
    r.running("old 1");

    edit(&r.app(), "'old $n'", "'new $n'");
    let report = r.reload();
    assert_eq!(report["type"], "ReloadReport", "{report}");
    assert_eq!(report["success"], true, "{report}");
    assert_eq!(report["details"]["receivedLibraryCount"], 1, "{report}");
    let event = r
        .client
        .wait_for("Isolate", "IsolateReload", WAIT)
        .expect("the connection stays up")
        .expect("an IsolateReload event");
    assert_eq!(event.event["status"], "success");
    // State is kept: the counter goes on from where it was.
    let before = r.expect_line_starting("new ");
    assert!(before.iter().all(|l| l.starts_with("old ")), "{before:?}");

    // A rejected change: the Dart VM's reason, and the old code keeps running.
    edit(&r.app(), "enum Color { red }", "class Color {}");
    let report = r.reload();
    assert_eq!(report["success"], false, "{report}");
    let notice = &report["notices"][0];
    assert_eq!(notice["type"], "ReasonForCancelling", "{report}");
    let message = notice["message"].as_str().unwrap_or_default();
    assert!(
        message
            .starts_with("Enum class cannot be redefined to be a non-enum class: Library:'file://")
            && message.ends_with("Class: Color"),
        "{message}"
    );
    r.expect_line_starting("new ");

    // A compile error: the front end's diagnostics, nothing changed.
    edit(&r.app(), "class Color {}", "enum Color { red }");
    edit(&r.app(), "'new $n'", "'newer $n'");
    edit(&r.app(), "n++;", "n++");
    let report = r.reload();
    assert_eq!(report["success"], false, "{report}");
    let message = report["notices"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("app.dart:") && message.contains("Error: "),
        "{message}"
    );
    r.expect_line_starting("new ");

    // Fixed: the next reload applies everything.
    edit(&r.app(), "n++", "n++;");
    assert_eq!(r.reload()["success"], true);
    r.expect_line_starting("newer ");
}

impl Running {
    /// Reads output lines until one starts with `prefix`; returns the lines before it.
    fn expect_line_starting(&mut self, prefix: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let mut line = String::new();
            let n = self.stdout.read_line(&mut line).expect("stdout");
            assert!(n > 0, "output ended before {prefix:?}; saw {seen:?}");
            let line = line.trim_end().to_string();
            if line.starts_with(prefix) {
                return seen;
            }
            seen.push(line);
        }
    }
}

#[test]
fn a_plain_run_with_the_service_reloads_too() {
    let mut r = Running::start("plain", TICKING, &[]);
    r.running("old 1");
    edit(&r.app(), "'old $n'", "'new $n'");
    assert_eq!(r.reload()["success"], true);
    r.expect_line_starting("new ");
    // Bad parameters are the protocol's errors.
    let bad = json!({"isolateId": r.isolate, "rootLibUri": 3});
    assert_eq!(
        call(&mut r.client, "reloadSources", bad).map_err(|e| e.code),
        Err(-32602)
    );
}

/// `reloadSources` reaches an isolate that never returns to its event loop: the reload
/// happens at a safepoint of the running loop (a function entry or back edge).
#[test]
fn a_busy_loop_is_reloaded_at_a_safepoint() {
    let busy = r#"
import 'dart:io';

String message(int n) => 'old $n';

void main() {
  var n = 0;
  while (true) {
    n++;
    print(message(n));
    sleep(const Duration(milliseconds: 5));
  }
}
"#;
    let mut r = Running::start("busy", busy, &[]);
    r.running("old 1");
    edit(&r.app(), "'old $n'", "'new $n'");
    let report = r.reload();
    assert_eq!(report["success"], true, "{report}");
    r.expect_line_starting("new ");
}

#[test]
fn profile_mode_cannot_reload() {
    let mut r = Running::start("profile", TICKING, &["--profile"]);
    // AOT output is block-buffered when piped: wait for the isolate through the service.
    let started = std::time::Instant::now();
    while r.isolate.is_empty() && started.elapsed() < WAIT {
        let vm = ok(&mut r.client, "getVM", json!({}));
        r.isolate = vm["isolates"][0]["id"].as_str().unwrap_or("").to_string();
    }
    let params = json!({ "isolateId": r.isolate });
    let e = call(&mut r.client, "reloadSources", params).expect_err("no reload in AOT");
    assert_eq!(e.code, 100, "{e}");
}

const BUSY_UNTIL_STOPPED: &str = r#"
import 'dart:developer';

bool stop = false;

void main() {
  registerExtension('ext.test.stop', (method, params) {
    stop = true;
    return ServiceExtensionResponse.result('{}');
  });
  print('busy');
  var spins = 0;
  while (!stop) {
    spins++;
  }
  print('stopped ${spins >= 0}');
}
"#;

#[test]
fn a_second_reload_while_one_is_pending_gets_108() {
    let mut r = Running::start("pending", BUSY_UNTIL_STOPPED, &["--debug", "--no-watch"]);
    // What `main` printed may wait in the output buffer while it spins: watch for the
    // extension it registers instead.
    let started = std::time::Instant::now();
    loop {
        assert!(
            started.elapsed() < WAIT,
            "the extension was never registered"
        );
        let vm = ok(&mut r.client, "getVM", json!({}));
        let Some(id) = vm["isolates"][0]["id"].as_str() else {
            continue;
        };
        r.isolate = id.to_string();
        let isolate = ok(&mut r.client, "getIsolate", json!({ "isolateId": id }));
        if isolate["extensionRPCs"]
            .as_array()
            .is_some_and(|e| e.contains(&json!("ext.test.stop")))
        {
            break;
        }
    }
    // `main` never reaches an event-loop turn until stopped, so the first reloadSources to
    // arrive waits there; the second, from another client, is refused at once with 108.
    let (results, arrived) = std::sync::mpsc::channel();
    let askers: Vec<_> = (0..2)
        .map(|_| {
            let (uri, isolate, results) = (r.uri.clone(), r.isolate.clone(), results.clone());
            std::thread::spawn(move || {
                let mut c = Client::connect(&uri).expect("connects");
                let answer = call(&mut c, "reloadSources", json!({ "isolateId": isolate }));
                results.send(answer).expect("the test waits");
            })
        })
        .collect();
    let first = arrived.recv_timeout(WAIT).expect("one reload answered");
    assert_eq!(first.map_err(|e| e.code), Err(108));
    // Ending the loop (an extension call answered at a back edge) lets the pending one run.
    let params = json!({ "isolateId": r.isolate });
    assert_eq!(ok(&mut r.client, "ext.test.stop", params), json!({}));
    let second = arrived
        .recv_timeout(WAIT)
        .expect("the pending reload answered");
    let report = second.unwrap_or_else(|e| panic!("reloadSources: {e}"));
    assert_eq!(
        (report["type"].as_str(), report["success"].as_bool()),
        (Some("ReloadReport"), Some(true))
    );
    for asker in askers {
        asker.join().expect("asker thread");
    }
    r.expect_line("busy");
    r.expect_line("stopped true");
}
