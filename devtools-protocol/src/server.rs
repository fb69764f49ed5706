//! The VM service server: one thread running a single-threaded tokio runtime, serving
//! `ws://ADDRESS:PORT/CODE/ws` (and plain HTTP requests `GET /CODE/<method>?params`).
//! It checks the auth code and the Origin before anything else, answers malformed
//! messages with protocol errors or close codes, bounds message sizes and the number of
//! clients, keeps per-client stream subscriptions, forwards VM events to subscribers and
//! streams new timeline events to `Timeline` listeners. Isolate questions go to the VM
//! through [`ServiceBackend`]; the server itself never touches VM memory.

use crate::backend::{EventSender, IsolateRequest, Reply, RpcResult, ServiceBackend, EVENT_QUEUE};
use crate::http::{self, RequestHead};
use crate::jsonrpc::{self, codes, Params, Request, RpcError};
use crate::streams::{StreamId, StreamSet};
use crate::types::{self, to_value, Event, ProtocolList, Sentinel, Success, Version};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use tokio_tungstenite::WebSocketStream;

/// The Dart VM's default service port.
pub const DEFAULT_PORT: u16 = 8181;

/// How to start the server.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    /// 0 picks a free port.
    pub port: u16,
    pub address: IpAddr,
    /// Require the random auth code in every URI (`--disable-service-auth-codes` clears it).
    pub auth_codes: bool,
    /// Websocket clients served at once; more get `503`.
    pub max_clients: usize,
    /// Largest message a client may send.
    pub max_message_bytes: usize,
    /// How often new timeline events are sent to `Timeline` listeners.
    pub timeline_flush: Duration,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            port: DEFAULT_PORT,
            address: IpAddr::V4(Ipv4Addr::LOCALHOST),
            auth_codes: true,
            max_clients: 16,
            max_message_bytes: 1 << 20,
            timeline_flush: Duration::from_millis(100),
        }
    }
}

/// Messages queued for one client before events to it are dropped (answers wait for
/// room instead). Timeline batches can be large, so the bound is small.
const OUTGOING_QUEUE: usize = 256;
/// Timeline events per `TimelineEvents` notification.
const TIMELINE_BATCH: usize = 1000;
/// Time a client has to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Time given to clients to receive the last events at shutdown.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// A running server. Dropping it (or [`ServiceHandle::shutdown`]) flushes pending events,
/// closes every client with "going away" and stops the thread.
pub struct ServiceHandle {
    http_uri: String,
    port: u16,
    events: EventSender,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ServiceHandle {
    /// `http://127.0.0.1:PORT/CODE/`, as printed at startup.
    pub fn http_uri(&self) -> &str {
        &self.http_uri
    }

    /// `ws://127.0.0.1:PORT/CODE/ws`.
    pub fn ws_uri(&self) -> String {
        ws_uri_of(&self.http_uri)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Where the VM posts events.
    pub fn events(&self) -> EventSender {
        self.events.clone()
    }

    /// Flushes pending events to clients, closes them and waits for the server thread.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for ServiceHandle {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

/// The websocket URI for an `http://HOST:PORT/CODE/` service URI.
pub fn ws_uri_of(http_uri: &str) -> String {
    let rest = http_uri.strip_prefix("http://").unwrap_or(http_uri);
    let rest = rest.trim_end_matches('/');
    format!("ws://{rest}/ws")
}

/// Binds the port and starts the server thread. The port is bound before this returns,
/// so a port in use is reported here.
pub fn start(
    config: ServiceConfig,
    backend: Arc<dyn ServiceBackend>,
) -> std::io::Result<ServiceHandle> {
    let listener = std::net::TcpListener::bind(SocketAddr::new(config.address, config.port))?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    let code = if config.auth_codes {
        Some(crate::auth::new_auth_code()?)
    } else {
        None
    };
    let host = match local.ip() {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    };
    let http_uri = match &code {
        Some(c) => format!("http://{host}:{}/{c}/", local.port()),
        None => format!("http://{host}:{}/", local.port()),
    };
    let (event_tx, event_rx) = mpsc::channel(EVENT_QUEUE);
    let listened = Arc::new(StreamSet::default());
    let events = EventSender::new(event_tx, listened.clone());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel();
    let shared = Shared {
        backend,
        config,
        code,
        host,
        port: local.port(),
        listened,
        clients: HashMap::new(),
        next_client: 0,
        timeline_cursor: None,
        dropped_warned: false,
        inflight: 0,
        answered: Arc::default(),
    };
    let thread = std::thread::Builder::new()
        .name("dart-service".into())
        .spawn(move || serve(listener, shared, event_rx, stop_rx))?;
    Ok(ServiceHandle {
        http_uri,
        port: local.port(),
        events,
        stop: Some(stop_tx),
        thread: Some(thread),
    })
}

/// Server state, owned by the server thread.
struct Shared {
    backend: Arc<dyn ServiceBackend>,
    config: ServiceConfig,
    code: Option<String>,
    host: String,
    port: u16,
    listened: Arc<StreamSet>,
    clients: HashMap<u64, ClientSlot>,
    next_client: u64,
    /// Position in the timeline recorder up to which `Timeline` listeners have events.
    timeline_cursor: Option<u64>,
    dropped_warned: bool,
    /// Requests being answered; shutdown waits for them so their answers go out first.
    inflight: usize,
    answered: Arc<tokio::sync::Notify>,
}

struct ClientSlot {
    tx: mpsc::Sender<Message>,
    streams: HashSet<StreamId>,
}

type State = Rc<RefCell<Shared>>;

fn serve(
    listener: std::net::TcpListener,
    shared: Shared,
    events: mpsc::Receiver<(StreamId, Event)>,
    stop: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dartrs: cannot start the VM service runtime: {e}");
            return;
        }
    };
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        let listener = match tokio::net::TcpListener::from_std(listener) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("dartrs: the VM service cannot listen: {e}");
                return;
            }
        };
        let state = Rc::new(RefCell::new(shared));
        serve_loop(&state, listener, events, stop).await;
    });
}

async fn serve_loop(
    state: &State,
    listener: tokio::net::TcpListener,
    mut events: mpsc::Receiver<(StreamId, Event)>,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let flush_every = state.borrow().config.timeline_flush;
    let mut tick = tokio::time::interval(flush_every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut connections = Vec::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    connections.retain(|h: &tokio::task::JoinHandle<()>| !h.is_finished());
                    connections.push(tokio::task::spawn_local(connection(state.clone(), stream)));
                }
            }
            Some((stream, event)) = events.recv() => broadcast(state, stream, &event),
            _ = tick.tick() => flush_timeline(state),
        }
    }
    // Deliver the answers being computed and what the VM posted before it stopped, then
    // say goodbye.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, answers_sent(state)).await;
    while let Ok((stream, event)) = events.try_recv() {
        broadcast(state, stream, &event);
    }
    flush_timeline(state);
    close_all(state, CloseCode::Away, "the Dart VM is exiting");
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, futures_util::future::join_all(connections)).await;
}

/// Resolves when no request is being answered.
async fn answers_sent(state: &State) {
    loop {
        let answered = state.borrow().answered.clone();
        let notified = answered.notified();
        if state.borrow().inflight == 0 {
            return;
        }
        notified.await;
    }
}

fn close_all(state: &State, code: CloseCode, reason: &str) {
    let mut s = state.borrow_mut();
    for slot in s.clients.values() {
        let _ = slot.tx.try_send(close_message(code, reason));
    }
    s.clients.clear();
}

fn close_message(code: CloseCode, reason: &str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: reason.to_string().into(),
    }))
}

/// Sends `event` to every client listening to `stream`.
fn broadcast(state: &State, stream: StreamId, event: &Event) {
    let text = jsonrpc::stream_notification(stream.name(), &to_value(event));
    let mut s = state.borrow_mut();
    let mut dropped = false;
    for slot in s.clients.values().filter(|c| c.streams.contains(&stream)) {
        dropped |= slot.tx.try_send(Message::text(text.clone())).is_err();
    }
    if dropped && !s.dropped_warned {
        s.dropped_warned = true;
        tracing::warn!("a VM service client is not reading its events; some were dropped");
    }
}

/// Sends the timeline events recorded since the last flush to `Timeline` listeners.
fn flush_timeline(state: &State) {
    let (backend, cursor) = {
        let s = state.borrow();
        match s.timeline_cursor {
            Some(c) if s.listened.contains(StreamId::Timeline) => (s.backend.clone(), c),
            _ => return,
        }
    };
    let mut out = Vec::new();
    let next = backend.timeline_events_since(cursor, &mut out);
    state.borrow_mut().timeline_cursor = Some(next);
    for batch in out.chunks(TIMELINE_BATCH) {
        let mut event = Event::new("TimelineEvents", None, now_millis());
        event.timeline_events = Some(batch.to_vec());
        broadcast(state, StreamId::Timeline, &event);
    }
}

/// Milliseconds since the epoch (event timestamps).
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------
// Connections
// ---------------------------------------------------------------------------------------

async fn connection(state: State, mut tcp: TcpStream) {
    let head = match tokio::time::timeout(HEAD_TIMEOUT, http::read_head(&mut tcp)).await {
        Ok(Ok(h)) => h,
        Ok(Err(http::HeadError::TooLarge)) => {
            return reply(
                &mut tcp,
                431,
                "Request Header Fields Too Large",
                "request head too large",
            )
            .await
        }
        Ok(Err(http::HeadError::Malformed)) => {
            return reply(&mut tcp, 400, "Bad Request", "malformed request").await
        }
        _ => return,
    };
    let (head, leftover) = head;
    let (host, port, code) = {
        let s = state.borrow();
        (s.host.clone(), s.port, s.code.clone())
    };
    if !http::origin_allowed(&head, &host, port) {
        return reply(&mut tcp, 403, "Forbidden", "forbidden origin").await;
    }
    if head.method != "GET" {
        return reply(&mut tcp, 405, "Method Not Allowed", "method not allowed").await;
    }
    let Some(path) = http::strip_auth_code(head.path(), code.as_deref()).map(str::to_string) else {
        return reply(
            &mut tcp,
            403,
            "Forbidden",
            "missing or invalid authentication code",
        )
        .await;
    };
    match path.as_str() {
        "/ws" => upgrade(state, tcp, &head, leftover).await,
        "/" => {
            let body = "dartrs VM service: connect a websocket to the ws URI ending in /ws\n";
            reply(&mut tcp, 200, "OK", body).await
        }
        _ => http_rpc(state, tcp, &head, &path).await,
    }
}

async fn reply(tcp: &mut TcpStream, status: u16, reason: &str, body: &str) {
    let _ = tcp
        .write_all(http::text_response(status, reason, body).as_bytes())
        .await;
    let _ = tcp.shutdown().await;
}

/// `GET /CODE/getVM?param=value`: one RPC over plain HTTP (no events).
async fn http_rpc(state: State, mut tcp: TcpStream, head: &RequestHead, path: &str) {
    let mut params = serde_json::Map::new();
    for pair in head
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        params.insert(
            http::percent_decode(k),
            Value::String(http::percent_decode(v)),
        );
    }
    let request = Request {
        id: Some(Value::Null),
        method: path.trim_start_matches('/').to_string(),
        params: Params(params),
    };
    // HTTP clients have no subscriptions: stream RPCs are refused by `dispatch`.
    let result = dispatch(&state, None, &request).await;
    let body = match result {
        Ok(v) => jsonrpc::result_response(&Value::Null, v),
        Err(e) => jsonrpc::error_response(&Value::Null, &e),
    };
    let _ = tcp.write_all(http::json_response(&body).as_bytes()).await;
    let _ = tcp.shutdown().await;
}

async fn upgrade(state: State, mut tcp: TcpStream, head: &RequestHead, leftover: Vec<u8>) {
    let Some(key) = head
        .header("Sec-WebSocket-Key")
        .filter(|_| head.is_websocket_upgrade())
    else {
        return reply(&mut tcp, 400, "Bad Request", "expected a websocket upgrade").await;
    };
    let (full, max_bytes) = {
        let s = state.borrow();
        (
            s.clients.len() >= s.config.max_clients,
            s.config.max_message_bytes,
        )
    };
    if full {
        return reply(
            &mut tcp,
            503,
            "Service Unavailable",
            "too many VM service clients",
        )
        .await;
    }
    if tcp
        .write_all(http::upgrade_response(key).as_bytes())
        .await
        .is_err()
    {
        return;
    }
    let config = WebSocketConfig::default()
        .max_message_size(Some(max_bytes))
        .max_frame_size(Some(max_bytes));
    let ws = WebSocketStream::from_partially_read(tcp, leftover, Role::Server, Some(config)).await;
    serve_client(state, ws).await;
}

async fn serve_client(state: State, ws: WebSocketStream<TcpStream>) {
    let (mut sink, mut source) = ws.split();
    let (tx, mut rx) = mpsc::channel::<Message>(OUTGOING_QUEUE);
    let id = {
        let mut s = state.borrow_mut();
        s.next_client += 1;
        let id = s.next_client;
        s.clients.insert(
            id,
            ClientSlot {
                tx: tx.clone(),
                streams: HashSet::new(),
            },
        );
        id
    };
    let writer = async move {
        while let Some(message) = rx.recv().await {
            let closing = message.is_close();
            if sink.send(message).await.is_err() || closing {
                break;
            }
        }
        let _ = sink.close().await;
    };
    let reader_state = state.clone();
    let reader = async move {
        read_messages(&reader_state, id, &tx, &mut source).await;
        unregister(&reader_state, id);
    };
    tokio::join!(reader, writer);
}

async fn read_messages(
    state: &State,
    id: u64,
    tx: &mpsc::Sender<Message>,
    source: &mut futures_util::stream::SplitStream<WebSocketStream<TcpStream>>,
) {
    while let Some(message) = source.next().await {
        match message {
            Ok(Message::Text(text)) => {
                let (state, tx) = (state.clone(), tx.clone());
                let text = text.as_str().to_string();
                state.borrow_mut().inflight += 1;
                tokio::task::spawn_local(async move {
                    if let Some(answer) = handle_text(&state, id, &text).await {
                        let _ = tx.send(Message::text(answer)).await;
                    }
                    let mut s = state.borrow_mut();
                    s.inflight -= 1;
                    s.answered.notify_waiters();
                });
            }
            Ok(Message::Binary(_)) => {
                let why = "binary frames are not part of the VM service protocol";
                let _ = tx.send(close_message(CloseCode::Unsupported, why)).await;
                return;
            }
            Ok(Message::Close(_)) => return,
            Ok(_) => {}
            Err(WsError::Capacity(_)) => {
                let why = "message too big";
                let _ = tx.send(close_message(CloseCode::Size, why)).await;
                return;
            }
            Err(_) => {
                let _ = tx
                    .send(close_message(CloseCode::Protocol, "protocol error"))
                    .await;
                return;
            }
        }
    }
}

fn unregister(state: &State, id: u64) {
    let mut s = state.borrow_mut();
    s.clients.remove(&id);
    recompute_listened(&mut s);
}

fn recompute_listened(s: &mut Shared) {
    for stream in StreamId::ALL {
        let on = s.clients.values().any(|c| c.streams.contains(&stream));
        s.listened.set(stream, on);
    }
    if !s.listened.contains(StreamId::Timeline) {
        s.timeline_cursor = None;
    }
}

/// Answers one text message; `None` for notifications (no id).
async fn handle_text(state: &State, client: u64, text: &str) -> Option<String> {
    let request = match jsonrpc::parse_request(text) {
        Ok(r) => r,
        Err(bad) => return Some(jsonrpc::error_response(&bad.id, &bad.error)),
    };
    let result = dispatch(state, Some(client), &request).await;
    let id = request.id?;
    Some(match result {
        Ok(v) => jsonrpc::result_response(&id, v),
        Err(e) => jsonrpc::error_response(&id, &e),
    })
}

// ---------------------------------------------------------------------------------------
// RPCs
// ---------------------------------------------------------------------------------------

/// Runs one RPC. `client` is `None` for plain HTTP requests.
async fn dispatch(state: &State, client: Option<u64>, request: &Request) -> RpcResult {
    let backend = state.borrow().backend.clone();
    let (m, p) = (request.method.as_str(), &request.params);
    match m {
        "getVersion" => Ok(to_value(&Version::current())),
        "getVM" => Ok(to_value(&backend.vm())),
        "getSupportedProtocols" => Ok(to_value(&ProtocolList::vm_service())),
        "getFlagList" => Ok(to_value(&backend.flags())),
        "getIsolateGroup" => {
            let id = p.string(m, "isolateGroupId")?;
            Ok(match backend.isolate_group(id) {
                Some(g) => to_value(&g),
                None => expired(),
            })
        }
        "streamListen" | "streamCancel" => {
            let Some(client) = client else {
                return Err(RpcError::new(
                    codes::FEATURE_DISABLED,
                    "streams need a websocket connection",
                ));
            };
            stream_rpc(state, client, m, p)
        }
        "getVMTimeline" => {
            let origin = p.opt_int(m, "timeOriginMicros")?;
            let extent = p.opt_int(m, "timeExtentMicros")?;
            Ok(to_value(&backend.timeline(origin, extent)))
        }
        "getVMTimelineFlags" => Ok(to_value(&backend.timeline_flags())),
        "setVMTimelineFlags" => {
            let streams = p.string_list(m, "recordedStreams")?;
            let now = backend.set_timeline_flags(&streams);
            let mut event = Event::new("TimelineStreamSubscriptionsUpdate", None, now_millis());
            event.updated_streams = Some(now);
            broadcast(state, StreamId::Timeline, &event);
            Ok(to_value(&Success::new()))
        }
        "getVMTimelineMicros" => Ok(to_value(&types::Timestamp::new(backend.timeline_micros()))),
        "clearVMTimeline" => {
            backend.clear_timeline();
            Ok(to_value(&Success::new()))
        }
        _ => isolate_rpc(&backend, m, p).await,
    }
}

async fn isolate_rpc(backend: &Arc<dyn ServiceBackend>, m: &str, p: &Params) -> RpcResult {
    let request = match m {
        "getIsolate" => IsolateRequest::GetIsolate,
        "getStack" => {
            let limit = match p.opt_int(m, "limit")? {
                Some(l) if l < 0 => {
                    return Err(RpcError::invalid_params(
                        "getStack: invalid 'limit' parameter: must not be negative",
                    ))
                }
                l => l.map(|l| l as usize),
            };
            IsolateRequest::GetStack { limit }
        }
        "getMemoryUsage" => IsolateRequest::GetMemoryUsage,
        "getAllocationProfile" => IsolateRequest::GetAllocationProfile {
            reset: p.opt_bool(m, "reset")?.unwrap_or(false),
            gc: p.opt_bool(m, "gc")?.unwrap_or(false),
        },
        "pause" => IsolateRequest::Pause,
        "resume" => {
            if let Some(step) = p.get("step").and_then(Value::as_str) {
                if step != "None" {
                    return Err(RpcError::new(
                        codes::FEATURE_DISABLED,
                        format!("dartrs does not support single-stepping ('{step}') yet"),
                    ));
                }
            }
            IsolateRequest::Resume
        }
        "reloadSources" => IsolateRequest::ReloadSources {
            force: p.opt_bool(m, "force")?.unwrap_or(false),
            pause: p.opt_bool(m, "pause")?.unwrap_or(false),
            root_lib_uri: p.opt_string(m, "rootLibUri")?,
            packages_uri: p.opt_string(m, "packagesUri")?,
        },
        ext if ext.starts_with("ext.") => {
            let mut params = p.0.clone();
            if !params.contains_key("isolateId") {
                return Err(RpcError::new(
                    codes::METHOD_NOT_FOUND,
                    format!("no VM-wide service extension '{ext}' (pass an isolateId)"),
                ));
            }
            params.retain(|_, v| !v.is_null());
            IsolateRequest::Extension {
                method: ext.to_string(),
                params,
            }
        }
        _ => {
            return Err(RpcError::new(
                codes::METHOD_NOT_FOUND,
                format!("Unknown method \"{m}\""),
            ))
        }
    };
    let isolate = p.string(m, "isolateId")?;
    let (reply, answer) = Reply::new();
    backend.send_to_isolate(isolate, request, reply);
    // A reply dropped unanswered means the isolate went away meanwhile.
    answer
        .await
        .unwrap_or_else(|_| Ok(to_value(&Sentinel::collected())))
}

fn expired() -> Value {
    json!({"type": "Sentinel", "kind": "Expired", "valueAsString": "<expired>"})
}

fn stream_rpc(state: &State, client: u64, m: &str, p: &Params) -> RpcResult {
    let name = p.string(m, "streamId")?;
    let stream = StreamId::from_name(name).ok_or_else(|| {
        RpcError::invalid_params(format!("{m}: invalid 'streamId' parameter: {name}"))
    })?;
    let mut s = state.borrow_mut();
    let slot = s
        .clients
        .get_mut(&client)
        .ok_or_else(|| RpcError::internal("the client is gone"))?;
    if m == "streamListen" {
        if !slot.streams.insert(stream) {
            return Err(RpcError::new(
                codes::STREAM_ALREADY_SUBSCRIBED,
                format!("The stream '{name}' is already subscribed"),
            ));
        }
    } else if !slot.streams.remove(&stream) {
        return Err(RpcError::new(
            codes::STREAM_NOT_SUBSCRIBED,
            format!("The stream '{name}' is not subscribed"),
        ));
    }
    recompute_listened(&mut s);
    if s.listened.contains(StreamId::Timeline) && s.timeline_cursor.is_none() {
        let start = s.backend.timeline_events_since(u64::MAX, &mut Vec::new());
        s.timeline_cursor = Some(start);
    }
    Ok(to_value(&Success::new()))
}
