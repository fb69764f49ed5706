//! The VM service end to end: `dartrs run --observe=0 --write-service-info
//! --pause-isolates-on-start` on small programs, driven by the protocol crate's client —
//! every RPC's result shape, the error codes, stream events, the auth-code and Origin
//! checks, malformed input, and a trace recorded by `dartrs timeline`. Nothing here
//! sleeps: every step waits for the event or output it needs (with a generous bound).

use base64::Engine;
use dartrs_devtools_protocol::client::{Client, StreamEvent};
use dartrs_devtools_protocol::jsonrpc::RpcError;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

/// How the observed program runs: the JIT (`--observe` alone) or the AOT snapshot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Debug,
    Profile,
}

impl Mode {
    fn flags(self) -> &'static [&'static str] {
        match self {
            Mode::Debug => &[],
            Mode::Profile => &["--profile"],
        }
    }
}

/// A program waiting at its first line for a client (`--pause-isolates-on-start`).
struct Observed {
    child: Child,
    stdout: BufReader<ChildStdout>,
    uri: String,
    dir: PathBuf,
}

impl Observed {
    fn start(test: &str, source: &str) -> Observed {
        Observed::start_in(Mode::Debug, test, source)
    }

    fn start_in(mode: Mode, test: &str, source: &str) -> Observed {
        let dir =
            std::env::temp_dir().join(format!("dartrs-vm-service-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let app = dir.join("app.dart");
        std::fs::write(&app, source).expect("write program");
        let info = dir.join("service-info.json");
        let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
            .arg("run")
            .args(mode.flags())
            .args(["--observe=0", "--pause-isolates-on-start"])
            .arg(format!("--write-service-info={}", info.display()))
            .arg(&app)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.join("stderr.txt")).expect("stderr file"))
            .spawn()
            .expect("dartrs starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("the service line");
        let uri = line
            .trim_end()
            .strip_prefix("The Dart VM service is listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_string();
        assert!(
            uri.starts_with("http://127.0.0.1:") && uri.ends_with("=/"),
            "{uri}"
        );
        // The info file is written before the line is printed.
        let info: Value = serde_json::from_str(&std::fs::read_to_string(&info).expect("info file"))
            .expect("info JSON");
        assert_eq!(info, json!({ "uri": uri }));
        // The service line comes before the isolate registers: wait until it is listed.
        let mut c = Client::connect(&uri).expect("connect");
        let started = std::time::Instant::now();
        while ok(&mut c, "getVM", json!({}))["isolates"] == json!([]) {
            assert!(started.elapsed() < WAIT, "the isolate never registered");
        }
        c.close();
        Observed {
            child,
            stdout,
            uri,
            dir,
        }
    }

    fn port(&self) -> u16 {
        let rest = self.uri.trim_start_matches("http://127.0.0.1:");
        rest[..rest.find('/').expect("path")].parse().expect("port")
    }

    fn code(&self) -> String {
        let rest = self.uri.trim_start_matches("http://127.0.0.1:");
        rest[rest.find('/').expect("path") + 1..]
            .trim_end_matches('/')
            .to_string()
    }

    /// Waits for the program to end; returns its exit code and the rest of its stdout.
    fn finish(mut self) -> (Option<i32>, String) {
        let mut rest = String::new();
        let _ = self.stdout.read_to_string(&mut rest);
        let status = self.child.wait().expect("wait");
        (status.code(), rest)
    }
}

impl Drop for Observed {
    fn drop(&mut self) {
        // Only a failed test leaves the program running.
        let _ = self.child.kill();
        let status = self.child.wait();
        if std::thread::panicking() {
            let stderr = std::fs::read_to_string(self.dir.join("stderr.txt")).unwrap_or_default();
            eprintln!("dartrs ended with {status:?}; its stderr:\n{stderr}");
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn call(c: &mut Client, method: &str, params: Value) -> Result<Value, RpcError> {
    c.call(method, params).expect("the connection stays up")
}

fn ok(c: &mut Client, method: &str, params: Value) -> Value {
    call(c, method, params).unwrap_or_else(|e| panic!("{method}: {e}"))
}

fn err_code(c: &mut Client, method: &str, params: Value) -> i64 {
    match call(c, method, params) {
        Err(e) => e.code,
        Ok(v) => panic!("{method} succeeded: {v}"),
    }
}

fn wait(c: &mut Client, stream: &str, kind: &str) -> StreamEvent {
    c.wait_for(stream, kind, WAIT)
        .expect("the connection stays up")
        .unwrap_or_else(|| panic!("no {stream}/{kind} event"))
}

const LOOPING: &str = r#"
import 'dart:developer';

bool stop = false;

int fib(int n) => n < 2 ? n : fib(n - 1) + fib(n - 2);

void main() {
  registerExtension('ext.test.stop', (method, params) {
    stop = true;
    return ServiceExtensionResponse.result('{"stopped": true, "echo": "${params['x']}"}');
  });
  registerExtension('ext.test.fail', (method, params) {
    return ServiceExtensionResponse.error(ServiceExtensionResponse.extensionError, 'nope');
  });
  postEvent('started', {'n': 1});
  var rounds = 0;
  while (!stop) {
    Timeline.timeSync('work', () => fib(12), arguments: {'round': rounds});
    rounds++;
  }
  print('done ${rounds > 0}');
}
"#;

#[test]
fn rpcs_streams_and_errors_follow_the_protocol_in_debug_mode() {
    rpcs_streams_and_errors_follow_the_protocol(Mode::Debug);
}

#[test]
fn rpcs_streams_and_errors_follow_the_protocol_in_profile_mode() {
    rpcs_streams_and_errors_follow_the_protocol(Mode::Profile);
}

fn rpcs_streams_and_errors_follow_the_protocol(mode: Mode) {
    let program = Observed::start_in(mode, &format!("rpcs-{mode:?}"), LOOPING);
    let mut c = Client::connect(&program.uri).expect("connect");

    assert_eq!(
        ok(&mut c, "getVersion", json!({})),
        json!({"type": "Version", "major": 4, "minor": 0})
    );
    let vm = ok(&mut c, "getVM", json!({}));
    assert_eq!(vm["type"], "VM");
    assert_eq!(vm["architectureBits"], 64);
    assert_eq!(vm["isolates"].as_array().map(Vec::len), Some(1));
    let isolate_id = vm["isolates"][0]["id"].as_str().expect("id").to_string();
    let id = json!({ "isolateId": isolate_id });

    let isolate = ok(&mut c, "getIsolate", id.clone());
    assert_eq!(isolate["type"], "Isolate");
    assert_eq!(isolate["runnable"], true);
    assert_eq!(isolate["pauseEvent"]["kind"], "PauseStart");
    assert!(isolate["rootLib"]["uri"]
        .as_str()
        .is_some_and(|u| u.ends_with("/app.dart")));
    assert!(isolate["libraries"]
        .as_array()
        .is_some_and(|l| l.iter().any(|l| l["uri"] == "dart:developer")));
    let group = ok(
        &mut c,
        "getIsolateGroup",
        json!({"isolateGroupId": isolate["isolateGroupId"]}),
    );
    assert_eq!(
        (group["type"].clone(), group["isolates"][0]["id"].clone()),
        (json!("IsolateGroup"), json!(isolate_id))
    );
    assert_eq!(
        ok(
            &mut c,
            "getIsolateGroup",
            json!({"isolateGroupId": "isolateGroups/999"})
        )["kind"],
        "Expired"
    );
    assert_eq!(
        ok(&mut c, "getIsolate", json!({"isolateId": "isolates/999"}))["kind"],
        "Collected"
    );
    let protocols = ok(&mut c, "getSupportedProtocols", json!({}));
    assert_eq!(
        protocols["protocols"][0],
        json!({"protocolName": "VM Service", "major": 4, "minor": 0})
    );
    let flags = ok(&mut c, "getFlagList", json!({}));
    assert!(flags["flags"].as_array().is_some_and(|f| f
        .iter()
        .any(|f| f["name"] == "pause_isolates_on_start" && f["valueAsString"] == "true")));
    // Paused before main: no Dart frames yet.
    assert_eq!(ok(&mut c, "getStack", id.clone())["frames"], json!([]));

    for stream in ["Debug", "Isolate", "Extension", "Stdout", "GC", "Timeline"] {
        ok(&mut c, "streamListen", json!({ "streamId": stream }));
    }
    assert_eq!(
        err_code(&mut c, "streamListen", json!({"streamId": "Debug"})),
        103
    );
    assert_eq!(
        err_code(&mut c, "streamCancel", json!({"streamId": "Logging"})),
        104
    );
    assert_eq!(
        err_code(&mut c, "streamListen", json!({"streamId": "Bogus"})),
        -32602
    );
    assert_eq!(err_code(&mut c, "getIsolate", json!({})), -32602);
    assert_eq!(
        err_code(
            &mut c,
            "getStack",
            json!({"isolateId": isolate_id, "limit": "x"})
        ),
        -32602
    );
    assert_eq!(err_code(&mut c, "noSuchMethod", json!({})), -32601);
    if mode == Mode::Debug {
        // Paused before main is a point where reloading is safe: answered while paused.
        let report = ok(&mut c, "reloadSources", id.clone());
        assert_eq!(report["type"], "ReloadReport");
        assert_eq!(report["success"], true, "{report}");
    } else {
        // AOT code cannot be reloaded: the Dart VM's "Feature is disabled".
        assert_eq!(err_code(&mut c, "reloadSources", id.clone()), 100);
    }

    ok(
        &mut c,
        "setVMTimelineFlags",
        json!({"recordedStreams": ["Dart", "GC", "Bogus"]}),
    );
    let tflags = ok(&mut c, "getVMTimelineFlags", json!({}));
    assert_eq!(tflags["recordedStreams"], json!(["Dart", "GC"]));
    assert_eq!(tflags["recorderName"], "Ring");
    assert!(tflags["availableStreams"]
        .as_array()
        .is_some_and(|s| s.contains(&json!("Compiler"))));
    assert!(ok(&mut c, "getVMTimelineMicros", json!({}))["timestamp"]
        .as_i64()
        .is_some_and(|t| t > 0));

    ok(&mut c, "resume", id.clone());
    wait(&mut c, "Debug", "Resume");
    let added = wait(&mut c, "Isolate", "ServiceExtensionAdded");
    assert_eq!(added.event["extensionRPC"], "ext.test.stop");
    let started = wait(&mut c, "Extension", "Extension");
    assert_eq!(started.event["extensionKind"], "started");
    assert_eq!(started.event["extensionData"], json!({"n": 1}));
    assert_eq!(err_code(&mut c, "resume", id.clone()), 106);

    ok(&mut c, "pause", id.clone());
    let paused = wait(&mut c, "Debug", "PauseInterrupted");
    assert_eq!(paused.event["topFrame"]["type"], "Frame");
    assert_eq!(
        ok(&mut c, "getIsolate", id.clone())["pauseEvent"]["kind"],
        "PauseInterrupted"
    );
    let stack = ok(&mut c, "getStack", id.clone());
    let frames = stack["frames"].as_array().cloned().unwrap_or_default();
    assert!(
        frames.iter().any(|f| f["function"]["name"] == "main"),
        "{stack}"
    );
    for f in &frames {
        assert_eq!(f["location"]["type"], "SourceLocation");
        assert!(f["location"]["line"].as_u64().is_some_and(|l| l >= 1));
    }
    let limited = ok(
        &mut c,
        "getStack",
        json!({"isolateId": isolate_id, "limit": 1}),
    );
    assert_eq!(limited["frames"].as_array().map(Vec::len), Some(1));
    assert_eq!(limited["truncated"], frames.len() > 1);
    let memory = ok(&mut c, "getMemoryUsage", id.clone());
    assert_eq!(memory["type"], "MemoryUsage");
    assert!(memory["heapUsage"].as_i64() <= memory["heapCapacity"].as_i64());
    let profile = ok(
        &mut c,
        "getAllocationProfile",
        json!({"isolateId": isolate_id, "gc": true}),
    );
    assert_eq!(profile["type"], "AllocationProfile");
    assert_eq!(profile["memoryUsage"]["type"], "MemoryUsage");
    assert!(profile["dateLastServiceGC"].as_i64().is_some());
    let members = profile["members"].as_array().cloned().unwrap_or_default();
    assert!(members
        .iter()
        .all(|m| m["type"] == "ClassHeapStats" && m["class"]["type"] == "@Class"));
    assert!(members
        .iter()
        .any(|m| m["instancesCurrent"].as_i64() > Some(0)));
    wait(&mut c, "GC", "GC");
    ok(&mut c, "resume", id.clone());
    wait(&mut c, "Debug", "Resume");

    let timeline = ok(&mut c, "getVMTimeline", json!({}));
    assert_eq!(timeline["type"], "Timeline");
    let events = timeline["traceEvents"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(events.iter().any(|e| e["name"] == "work"
        && e["ph"] == "B"
        && e["cat"] == "Dart"
        && e["args"]["round"].is_i64()));
    assert!(events
        .iter()
        .any(|e| e["ph"] == "M" && e["args"]["name"] == "dart-main"));
    loop {
        let batch = wait(&mut c, "Timeline", "TimelineEvents");
        if batch.event["timelineEvents"]
            .as_array()
            .is_some_and(|b| b.iter().any(|e| e["name"] == "work"))
        {
            break;
        }
    }
    // The loop records thousands of slices a second: stop streaming them.
    ok(&mut c, "streamCancel", json!({"streamId": "Timeline"}));
    ok(&mut c, "setVMTimelineFlags", json!({"recordedStreams": []}));
    ok(&mut c, "clearVMTimeline", json!({}));
    assert_eq!(
        ok(&mut c, "getVMTimeline", json!({}))["traceEvents"]
            .as_array()
            .map(|e| e.iter().all(|e| e["ph"] == "M")),
        Some(true)
    );

    let failed = call(&mut c, "ext.test.fail", id.clone()).expect_err("an error response");
    assert_eq!((failed.code, failed.details()), (-32000, Some("nope")));
    assert_eq!(err_code(&mut c, "ext.test.unknown", id.clone()), -32601);
    let stopped = ok(
        &mut c,
        "ext.test.stop",
        json!({"isolateId": isolate_id, "x": "hi"}),
    );
    assert_eq!(stopped, json!({"stopped": true, "echo": "hi"}));

    let written = wait(&mut c, "Stdout", "WriteEvent");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(written.event["bytes"].as_str().unwrap_or(""))
        .expect("base64");
    assert_eq!(String::from_utf8_lossy(&bytes), "done true\n");
    let (code, rest) = program.finish();
    assert_eq!((code, rest.as_str()), (Some(0), "done true\n"));
}

/// Sends a raw HTTP request and returns the response's status line.
fn http_status(port: u16, path: &str, headers: &str) -> String {
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n{headers}\r\n"
    );
    tcp.write_all(request.as_bytes()).expect("send");
    let mut reader = BufReader::new(tcp);
    let mut status = String::new();
    reader.read_line(&mut status).expect("status line");
    status.trim_end().to_string()
}

#[test]
fn connections_without_the_code_or_from_foreign_pages_are_refused() {
    use dartrs_devtools_protocol::client::ClientError;
    use tokio_tungstenite::tungstenite::Message;

    let program = Observed::start("security", "void main() { print('hi'); }\n");
    let (port, code) = (program.port(), program.code());
    assert_eq!(http_status(port, "/ws", ""), "HTTP/1.1 403 Forbidden");
    assert_eq!(
        http_status(port, "/wrongcode=/ws", ""),
        "HTTP/1.1 403 Forbidden"
    );
    let ws = format!("/{code}/ws");
    assert_eq!(
        http_status(port, &ws, "Origin: http://evil.example\r\n"),
        "HTTP/1.1 403 Forbidden"
    );
    assert_eq!(
        http_status(port, &ws, "Origin: http://localhost:3000\r\n"),
        "HTTP/1.1 101 Switching Protocols"
    );
    assert_eq!(
        http_status(port, &ws, ""),
        "HTTP/1.1 101 Switching Protocols"
    );

    // Malformed JSON gets a parse error; the connection stays usable.
    let mut c = Client::connect(&program.uri).expect("connect");
    c.send_raw(Message::text("{this is not json"))
        .expect("send");
    let Message::Text(reply) = c.read_raw().expect("reply") else {
        panic!("expected a text reply")
    };
    let reply: Value = serde_json::from_str(reply.as_str()).expect("JSON");
    assert_eq!(
        (reply["error"]["code"].clone(), reply["id"].clone()),
        (json!(-32700), Value::Null)
    );
    c.send_raw(Message::text("[1, 2]")).expect("send");
    let Message::Text(reply) = c.read_raw().expect("reply") else {
        panic!("expected a text reply")
    };
    assert!(reply.as_str().contains("-32600"), "{}", reply.as_str());
    assert_eq!(ok(&mut c, "getVersion", json!({}))["type"], "Version");

    // A binary frame closes the connection with 1003 (unsupported data).
    c.send_raw(Message::binary(vec![1u8, 2, 3])).expect("send");
    match c.read_raw() {
        Ok(Message::Close(Some(frame))) => assert_eq!(u16::from(frame.code), 1003),
        other => panic!("expected a close frame, got {other:?}"),
    }

    // A message over the size bound closes the connection with 1009.
    let mut c = Client::connect(&program.uri).expect("connect");
    let _ = c.send_raw(Message::text("x".repeat(2 << 20)));
    match c.read_raw() {
        Ok(Message::Close(Some(frame))) => assert_eq!(u16::from(frame.code), 1009),
        Err(ClientError::Io(_)) | Err(ClientError::Closed(_)) => {}
        other => panic!("expected a close frame, got {other:?}"),
    }

    let mut c = Client::connect(&program.uri).expect("connect");
    ok(&mut c, "resume", json!({"isolateId": "isolates/1"}));
    let (code, rest) = program.finish();
    assert_eq!((code, rest.as_str()), (Some(0), "hi\n"));
}

#[test]
fn the_timeline_command_records_a_balanced_chrome_trace() {
    let program = Observed::start(
        "timeline",
        r#"
import 'dart:developer';

int fib(int n) => n < 2 ? n : fib(n - 1) + fib(n - 2);

void main() {
  var garbage = <List<int>>[];
  for (var i = 0; i < 300; i++) {
    Timeline.startSync('frame', arguments: {'i': i});
    Timeline.timeSync('layout', () => fib(10));
    garbage.add(List<int>.filled(4000, i));
    if (garbage.length > 20) garbage = <List<int>>[];
    Timeline.finishSync();
  }
  final task = TimelineTask();
  task.start('upload');
  task.finish();
  print('ok');
}
"#,
    );
    let trace = program.dir.join("trace.json");
    let out = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args([
            "timeline",
            &program.uri,
            "--streams",
            "Dart,GC,Isolate",
            "-o",
        ])
        .arg(&trace)
        .output()
        .expect("dartrs timeline runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("trace events to"));
    let trace: Value = serde_json::from_str(&std::fs::read_to_string(&trace).expect("trace file"))
        .expect("valid JSON");
    let events = trace["traceEvents"].as_array().cloned().unwrap_or_default();
    assert!(events
        .iter()
        .any(|e| e["ph"] == "M" && e["name"] == "thread_name" && e["args"]["name"] == "dart-main"));
    // Every thread's B/E events nest properly.
    let mut stacks: std::collections::HashMap<u64, Vec<String>> = Default::default();
    for e in &events {
        let tid = e["tid"].as_u64().unwrap_or(0);
        let name = e["name"].as_str().unwrap_or("").to_string();
        match e["ph"].as_str() {
            Some("B") => stacks.entry(tid).or_default().push(name),
            Some("E") => assert_eq!(stacks.entry(tid).or_default().pop(), Some(name)),
            _ => {}
        }
    }
    assert!(
        stacks.values().all(Vec::is_empty),
        "unclosed slices: {stacks:?}"
    );
    let count = |name: &str, ph: &str| {
        events
            .iter()
            .filter(|e| e["name"] == name && e["ph"] == ph)
            .count()
    };
    assert_eq!((count("frame", "B"), count("layout", "B")), (300, 300));
    assert_eq!((count("upload", "b"), count("upload", "e")), (1, 1));
    assert!(events.iter().any(|e| e["cat"] == "GC" && e["ph"] == "X"));
    let (code, rest) = program.finish();
    assert_eq!((code, rest.as_str()), (Some(0), "ok\n"));
}

#[test]
fn service_flags_are_checked() {
    let out = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(["run", "--release", "--observe", "x.dart"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(64));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dartrs: --observe cannot be used with --release: release mode has no VM service (use --profile).\n"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(["run", "--observe=notaport", "x.dart"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(64));
    // Nothing listens on port 1: the client says so and fails.
    let out = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(["timeline", "http://127.0.0.1:1/abc=/"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("dartrs timeline: cannot attach to http://127.0.0.1:1/abc=/"));
}
