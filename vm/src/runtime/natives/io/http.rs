//! HTTP/1.1 for dart:io's `HttpServer` and `HttpClient`, on hyper over a tokio runtime
//! that runs on one thread of its own for the whole process.
//!
//! A server accepts connections and serves each with hyper; a request's body is read
//! completely, then the request is delivered to the server's Dart port with an id, and
//! the connection task waits for `httpRespond(id, ...)` from Dart (a oneshot channel in
//! [`responders`]). A client request connects, sends and reads the whole response on the
//! runtime, then delivers it to a one-shot port.

use super::{arg, register_handle, IoArg, IoResult, IoValue, OsError, PortSender, Releasable};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::natives::NativeError;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock};
use tokio::sync::oneshot;

type SyncResult = Result<IoResult, NativeError>;

/// The process's HTTP runtime, started on first use.
fn runtime() -> Result<tokio::runtime::Handle, NativeError> {
    static HANDLE: OnceLock<tokio::runtime::Handle> = OnceLock::new();
    if let Some(h) = HANDLE.get() {
        return Ok(h.clone());
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| NativeError::Unsupported(format!("dart:io could not start HTTP: {e}")))?;
    let handle = rt.handle().clone();
    super::spawn_worker("dartrs-http", move || {
        rt.block_on(std::future::pending::<()>());
    })?;
    Ok(HANDLE.get_or_init(|| handle).clone())
}

/// A response Dart gives for a request: status, headers, body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn responders() -> MutexGuard<'static, HashMap<i64, oneshot::Sender<Answer>>> {
    static MAP: OnceLock<Mutex<HashMap<i64, oneshot::Sender<Answer>>>> = OnceLock::new();
    MAP.get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

fn next_request_id() -> i64 {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

pub fn run_sync(p: IsolatePtr, op: &str, args: &[IoArg]) -> Option<SyncResult> {
    match op {
        "httpBind" => Some(bind(p, args)),
        "httpRespond" => {
            let id = arg(args, 0).int().unwrap_or(0);
            let answer = Answer {
                status: arg(args, 1).int().unwrap_or(200).clamp(100, 999) as u16,
                headers: pairs(arg(args, 2)),
                body: arg(args, 3).bytes(),
            };
            let sent = responders()
                .remove(&id)
                .is_some_and(|tx| tx.send(answer).is_ok());
            Some(Ok(Ok(IoValue::Bool(sent))))
        }
        _ => None,
    }
}

pub fn start_async(
    op: &str,
    args: &[IoArg],
    sender: &PortSender,
) -> Option<Result<(), NativeError>> {
    if op != "httpRequest" {
        return None;
    }
    let (args, sender) = (args.to_vec(), sender.clone());
    Some(runtime().map(|rt| {
        rt.spawn(async move { sender.result(client_request(&args).await) });
    }))
}

/// `[k, v, k, v, ...]` as pairs.
fn pairs(list: &IoArg) -> Vec<(String, String)> {
    list.strings()
        .chunks(2)
        .filter_map(|p| match p {
            [k, v] => Some((k.clone(), v.clone())),
            _ => None,
        })
        .collect()
}

fn header_list(headers: &hyper::HeaderMap) -> IoValue {
    let mut out = Vec::new();
    for (name, value) in headers {
        out.push(IoValue::Str(name.as_str().to_string()));
        out.push(IoValue::Str(
            String::from_utf8_lossy(value.as_bytes()).into_owned(),
        ));
    }
    IoValue::List(out)
}

/// Stops a server's accept loop when Dart closes it.
struct Server {
    stop: Option<oneshot::Sender<()>>,
}

impl Releasable for Server {
    fn release(mut self: Box<Self>) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// `[host, port, serverPort]` → `[handle, boundPort]`; requests go to `serverPort`.
fn bind(p: IsolatePtr, args: &[IoArg]) -> SyncResult {
    let host = arg(args, 0).str();
    let port = arg(args, 1).int().unwrap_or(0).clamp(0, 65535) as u16;
    let sender = PortSender::new(super::iso(p), arg(args, 2).int().unwrap_or(0));
    let listener = match std::net::TcpListener::bind((host, port)) {
        Ok(l) => l,
        Err(e) => return Ok(Err(OsError::from(e))),
    };
    let bound = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    if let Err(e) = listener.set_nonblocking(true) {
        return Ok(Err(OsError::from(e)));
    }
    let rt = runtime()?;
    let (stop, stopped) = oneshot::channel();
    rt.spawn(accept_loop(listener, sender, stopped));
    let handle = register_handle(Box::new(Server { stop: Some(stop) }));
    Ok(Ok(IoValue::List(vec![
        IoValue::Int(handle),
        IoValue::Int(bound as i64),
    ])))
}

async fn accept_loop(
    listener: std::net::TcpListener,
    sender: PortSender,
    mut stopped: oneshot::Receiver<()>,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => return sender.error(OsError::from(e)),
    };
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let sender = sender.clone();
                    let local = stream.local_addr().map(|a| a.port()).unwrap_or(0);
                    let connection = (peer.ip().to_string(), peer.port(), local);
                    tokio::spawn(async move {
                        let service = hyper::service::service_fn(move |req| {
                            serve(req, sender.clone(), connection.clone())
                        });
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
                Err(e) => sender.error(OsError::from(e)),
            }
        }
    }
}

/// One request: delivered to Dart as `[id, method, path and query, headers, body,
/// protocol version, remote address, remote port, local port]`, answered when Dart calls
/// `httpRespond`.
async fn serve(
    req: Request<Incoming>,
    sender: PortSender,
    (remote, remote_port, local_port): (String, u16, u16),
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await?.to_bytes();
    let id = next_request_id();
    let (tx, rx) = oneshot::channel();
    responders().insert(id, tx);
    let target = parts
        .uri
        .path_and_query()
        .map_or("/".to_string(), |p| p.as_str().to_string());
    let version = if parts.version == hyper::Version::HTTP_10 {
        "1.0"
    } else {
        "1.1"
    };
    sender.data(IoValue::List(vec![
        IoValue::Int(id),
        IoValue::Str(parts.method.as_str().to_string()),
        IoValue::Str(target),
        header_list(&parts.headers),
        IoValue::Bytes(body.to_vec()),
        IoValue::Str(version.to_string()),
        IoValue::Str(remote),
        IoValue::Int(remote_port as i64),
        IoValue::Int(local_port as i64),
    ]));
    let answer = rx.await.unwrap_or(Answer {
        status: 500,
        headers: Vec::new(),
        body: Vec::new(),
    });
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(answer.status).unwrap_or(hyper::StatusCode::OK);
    for (k, v) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::from_bytes(k.as_bytes()),
            hyper::header::HeaderValue::from_str(&v),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    Ok(response)
}

fn hyper_error(e: hyper::Error) -> OsError {
    OsError {
        message: e.to_string(),
        errno: -1,
    }
}

/// `[host, port, method, path, headers, body]` → `[status, reason, headers, body]`.
async fn client_request(args: &[IoArg]) -> IoResult {
    let host = arg(args, 0).str().to_string();
    let port = arg(args, 1).int().unwrap_or(80).clamp(0, 65535) as u16;
    let stream = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(OsError::from)?;
    let (mut send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(hyper_error)?;
    tokio::spawn(conn);
    let mut builder = Request::builder()
        .method(arg(args, 2).str())
        .uri(arg(args, 3).str());
    let headers = pairs(arg(args, 4));
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        builder = builder.header("host", format!("{host}:{port}"));
    }
    for (k, v) in headers {
        builder = builder.header(k, v);
    }
    let request = builder
        .body(Full::new(Bytes::from(arg(args, 5).bytes())))
        .map_err(|e| OsError {
            message: e.to_string(),
            errno: -1,
        })?;
    let response = send.send_request(request).await.map_err(hyper_error)?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await.map_err(hyper_error)?.to_bytes();
    Ok(IoValue::List(vec![
        IoValue::Int(parts.status.as_u16() as i64),
        IoValue::Str(
            parts
                .status
                .canonical_reason()
                .unwrap_or_default()
                .to_string(),
        ),
        header_list(&parts.headers),
        IoValue::Bytes(body.to_vec()),
    ]))
}
