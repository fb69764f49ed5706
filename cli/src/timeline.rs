//! `dartrs timeline <uri>`: attaches to a running program's VM service, enables timeline
//! streams, receives `TimelineEvents` live with a one-line summary on stderr, and on exit
//! (the program ended, `--duration` ran out, or Ctrl-C) writes a Chrome trace JSON file
//! that Perfetto and chrome://tracing open: thread names, and slices balanced per thread.

use dartrs_devtools_protocol::client::{Client, ClientError};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Streams recorded when `--streams` is not given.
pub const DEFAULT_STREAMS: &str = "Dart,GC,Isolate,Compiler,Embedder,API,VM,Debugger";

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// What to record and where to write it.
pub struct Recording<'a> {
    pub uri: &'a str,
    pub streams: Vec<String>,
    pub output: &'a Path,
    pub duration: Option<Duration>,
}

/// Events received so far, with what the live summary shows.
#[derive(Default)]
struct Trace {
    events: Vec<Value>,
    seen: HashSet<String>,
    thread_names: HashMap<u64, Value>,
    longest: Option<(String, i64)>,
}

impl Trace {
    fn add(&mut self, e: Value) {
        if e.get("ph").and_then(Value::as_str) == Some("M") {
            if let Some(tid) = e.get("tid").and_then(Value::as_u64) {
                self.thread_names.insert(tid, e);
            }
            return;
        }
        // Events can arrive twice (streamed and in the final getVMTimeline).
        if !self.seen.insert(e.to_string()) {
            return;
        }
        if let Some(d) = e.get("dur").and_then(Value::as_i64) {
            self.note_slice(&e, d);
        }
        self.events.push(e);
    }

    fn note_slice(&mut self, e: &Value, dur: i64) {
        if self.longest.as_ref().is_none_or(|(_, l)| dur > *l) {
            let name = e.get("name").and_then(Value::as_str).unwrap_or("?");
            self.longest = Some((name.to_string(), dur));
        }
    }
}

/// Runs the recording; returns a message for the user on failure.
pub fn record(r: &Recording) -> Result<String, String> {
    let mut client =
        Client::connect(r.uri).map_err(|e| format!("cannot attach to {}: {e}", r.uri))?;
    let rpc = |c: &mut Client, m: &str, p: Value| -> Result<Value, String> {
        match c.call(m, p) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(format!("{m}: {e}")),
            Err(e) => Err(format!("{m}: {e}")),
        }
    };
    rpc(
        &mut client,
        "setVMTimelineFlags",
        json!({ "recordedStreams": r.streams }),
    )?;
    rpc(
        &mut client,
        "streamListen",
        json!({ "streamId": "Timeline" }),
    )?;
    resume_paused_at_start(&mut client, &rpc)?;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe { libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t) };
    let mut trace = Trace::default();
    let connected = receive(&mut client, &mut trace, r.duration);
    if connected {
        // Events recorded since the server's last flush are only in the recorder.
        if let Ok(tl) = rpc(&mut client, "getVMTimeline", json!({})) {
            for e in tl["traceEvents"].as_array().cloned().unwrap_or_default() {
                trace.add(e);
            }
        }
        client.close();
    }
    eprintln!();
    let events = chrome_trace(trace);
    let count = events.len();
    let text = json!({ "traceEvents": events, "displayTimeUnit": "ms" }).to_string();
    std::fs::write(r.output, text)
        .map_err(|e| format!("cannot write {}: {e}", r.output.display()))?;
    Ok(format!(
        "wrote {count} trace events to {}",
        r.output.display()
    ))
}

/// Resumes every isolate paused at start (so recording begins at the first line of main).
fn resume_paused_at_start(
    client: &mut Client,
    rpc: &dyn Fn(&mut Client, &str, Value) -> Result<Value, String>,
) -> Result<(), String> {
    let vm = rpc(client, "getVM", json!({}))?;
    for isolate in vm["isolates"].as_array().cloned().unwrap_or_default() {
        let id = isolate["id"].as_str().unwrap_or("").to_string();
        let full = rpc(client, "getIsolate", json!({ "isolateId": id }))?;
        if full["pauseEvent"]["kind"] == "PauseStart" {
            rpc(client, "resume", json!({ "isolateId": id }))?;
        }
    }
    Ok(())
}

/// Receives events until the deadline, Ctrl-C or the end of the program; returns whether
/// the connection is still open.
fn receive(client: &mut Client, trace: &mut Trace, duration: Option<Duration>) -> bool {
    let started = Instant::now();
    let mut last_summary = Instant::now();
    loop {
        if INTERRUPTED.load(Ordering::SeqCst) || duration.is_some_and(|d| started.elapsed() >= d) {
            return true;
        }
        match client.next_event(Some(Duration::from_millis(200))) {
            Ok(Some(e)) if e.kind() == "TimelineEvents" => {
                for ev in e.event["timelineEvents"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                {
                    trace.add(ev);
                }
            }
            Ok(_) => {}
            Err(ClientError::Closed(_))
            | Err(ClientError::Io(_))
            | Err(ClientError::WebSocket(_)) => return false,
            Err(_) => {}
        }
        if last_summary.elapsed() >= Duration::from_millis(500) {
            last_summary = Instant::now();
            summary(trace, started.elapsed());
        }
    }
}

fn summary(trace: &Trace, elapsed: Duration) {
    let rate = trace.events.len() as f64 / elapsed.as_secs_f64().max(0.001);
    let longest = match &trace.longest {
        Some((name, d)) => format!(", longest slice {name} {:.3} ms", *d as f64 / 1000.0),
        None => String::new(),
    };
    eprint!(
        "\r{} events, {rate:.0} events/s{longest}   ",
        trace.events.len()
    );
    let _ = std::io::stderr().flush();
}

/// The final event list: thread names first, then the events by time, with `B`/`E`
/// slices balanced per thread (an `E` whose `B` was before the recording is dropped; a
/// `B` still open at the end is closed at the last timestamp).
fn chrome_trace(trace: Trace) -> Vec<Value> {
    let mut events = trace.events;
    events.sort_by_key(|e| e.get("ts").and_then(Value::as_i64).unwrap_or(0));
    let last_ts = events.last().and_then(|e| e["ts"].as_i64()).unwrap_or(0);
    let mut open: HashMap<(u64, u64), Vec<Value>> = HashMap::new();
    let mut out: Vec<Value> = trace.thread_names.into_values().collect();
    for e in events {
        let key = (
            e["pid"].as_u64().unwrap_or(0),
            e["tid"].as_u64().unwrap_or(0),
        );
        match e["ph"].as_str() {
            Some("B") => open.entry(key).or_default().push(e.clone()),
            Some("E") if open.entry(key).or_default().pop().is_none() => continue,
            _ => {}
        }
        out.push(e);
    }
    for stack in open.into_values() {
        for b in stack.into_iter().rev() {
            let mut end = b.clone();
            end["ph"] = json!("E");
            end["ts"] = json!(last_ts);
            end["args"] = json!({});
            out.push(end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(ph: &str, name: &str, ts: i64) -> Value {
        json!({"ph": ph, "name": name, "ts": ts, "pid": 1, "tid": 2, "cat": "Dart", "args": {}})
    }

    #[test]
    fn slices_are_balanced_and_names_come_first() {
        let mut t = Trace::default();
        t.add(json!({"ph": "M", "name": "thread_name", "pid": 1, "tid": 2, "args": {"name": "dart-main"}}));
        t.add(ev("E", "before", 1));
        t.add(ev("B", "a", 2));
        t.add(ev("B", "b", 3));
        t.add(ev("E", "b", 4));
        t.add(ev("B", "b", 3)); // a duplicate: ignored
        t.add(ev("i", "mark", 5));
        let out = chrome_trace(t);
        let phases: Vec<&str> = out.iter().map(|e| e["ph"].as_str().unwrap_or("")).collect();
        assert_eq!(phases, ["M", "B", "B", "E", "i", "E"]);
        assert_eq!(out.last().map(|e| e["ts"].clone()), Some(json!(5)));
        assert_eq!(out[5]["name"], "a");
    }
}
