//! The server against a fake backend: framing, routing to the backend, per-client stream
//! subscriptions, error codes and event delivery, without a VM.

use dartrs_devtools_protocol::backend::{IsolateRequest, Reply, ServiceBackend};
use dartrs_devtools_protocol::client::Client;
use dartrs_devtools_protocol::server::{self, ServiceConfig};
use dartrs_devtools_protocol::streams::StreamId;
use dartrs_devtools_protocol::types::*;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

struct Fake;

impl ServiceBackend for Fake {
    fn vm(&self) -> Vm {
        let mut vm = Vm::new("fake", "1.0", 0);
        vm.isolates.push(IsolateRef::new(1, "main", 1));
        vm
    }
    fn isolate_group(&self, _: &str) -> Option<IsolateGroup> {
        None
    }
    fn flags(&self) -> FlagList {
        FlagList::new(vec![])
    }
    fn send_to_isolate(&self, id: &str, request: IsolateRequest, reply: Reply) {
        match (id, request) {
            ("isolates/1", IsolateRequest::GetMemoryUsage) => {
                reply.send(Ok(to_value(&MemoryUsage::new(1, 2, 0))))
            }
            // Dropping the reply stands for an isolate that went away.
            _ => drop(reply),
        }
    }
    fn timeline(&self, _: Option<i64>, _: Option<i64>) -> Timeline {
        Timeline::new(vec![json!({"ph": "i", "name": "x", "ts": 1})], 1, 0)
    }
    fn timeline_flags(&self) -> TimelineFlags {
        TimelineFlags::new("Ring", vec!["Dart".into()], vec![])
    }
    fn set_timeline_flags(&self, s: &[String]) -> Vec<String> {
        s.to_vec()
    }
    fn timeline_micros(&self) -> i64 {
        42
    }
    fn clear_timeline(&self) {}
    fn timeline_events_since(&self, cursor: u64, out: &mut Vec<Value>) -> u64 {
        // One event was recorded after position 0, the position when streaming starts.
        match cursor {
            u64::MAX => 0,
            0 => {
                out.push(json!({"ph": "i", "name": "streamed", "ts": 2}));
                1
            }
            c => c,
        }
    }
}

fn start() -> server::ServiceHandle {
    let config = ServiceConfig {
        port: 0,
        timeline_flush: Duration::from_millis(10),
        ..ServiceConfig::default()
    };
    server::start(config, Arc::new(Fake)).expect("server starts")
}

#[test]
fn routes_rpcs_and_delivers_events() {
    let service = start();
    assert!(service.ws_uri().ends_with("=/ws"));
    let mut c = Client::connect(service.http_uri()).expect("connect");
    let call = |c: &mut Client, m: &str, p: Value| c.call(m, p).expect("connection");
    assert_eq!(
        call(&mut c, "getVM", json!({})).expect("vm")["name"],
        "fake"
    );
    assert_eq!(
        call(&mut c, "getMemoryUsage", json!({"isolateId": "isolates/1"})).expect("usage")
            ["heapCapacity"],
        2
    );
    assert_eq!(
        call(&mut c, "getMemoryUsage", json!({"isolateId": "isolates/9"})).expect("sentinel")
            ["kind"],
        "Collected"
    );
    assert_eq!(
        call(&mut c, "getVMTimelineMicros", json!({})).expect("ts")["timestamp"],
        42
    );
    assert_eq!(
        call(&mut c, "getIsolateGroup", json!({"isolateGroupId": "x"})).expect("s")["kind"],
        "Expired"
    );
    assert_eq!(
        call(
            &mut c,
            "getStack",
            json!({"isolateId": "isolates/1", "limit": -1})
        )
        .unwrap_err()
        .code,
        -32602
    );
    assert_eq!(
        call(
            &mut c,
            "resume",
            json!({"isolateId": "isolates/1", "step": "Into"})
        )
        .unwrap_err()
        .code,
        100
    );

    // Each client has its own subscriptions.
    call(&mut c, "streamListen", json!({"streamId": "Extension"})).expect("listen");
    let mut other = Client::connect(service.http_uri()).expect("connect");
    call(&mut other, "streamListen", json!({"streamId": "Extension"})).expect("listen");
    assert_eq!(
        call(&mut c, "streamListen", json!({"streamId": "Extension"}))
            .unwrap_err()
            .code,
        103
    );
    let events = service.events();
    assert!(events.is_listened(StreamId::Extension));
    assert!(!events.is_listened(StreamId::Gc));
    events.post(StreamId::Extension, Event::new("Extension", None, 5));
    for client in [&mut c, &mut other] {
        let e = client
            .wait_for("Extension", "Extension", Duration::from_secs(30))
            .expect("up")
            .expect("event");
        assert_eq!(e.event["timestamp"], 5);
    }
    call(&mut c, "streamCancel", json!({"streamId": "Extension"})).expect("cancel");
    assert_eq!(
        call(&mut c, "streamCancel", json!({"streamId": "Extension"}))
            .unwrap_err()
            .code,
        104
    );

    // Timeline listeners get the events recorded after they subscribed.
    call(&mut c, "streamListen", json!({"streamId": "Timeline"})).expect("listen");
    let batch = c
        .wait_for("Timeline", "TimelineEvents", Duration::from_secs(30))
        .expect("up")
        .expect("a batch");
    assert_eq!(batch.event["timelineEvents"][0]["name"], "streamed");
    c.close();
    other.close();
    service.shutdown();
}
