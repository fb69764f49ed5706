//! A small blocking VM service client: connect to a service URI (`http://…/CODE/` as
//! printed at startup, or the `ws://…/ws` form), call RPCs and receive stream events.
//! `dartrs timeline` and the integration tests use it; it speaks to any Dart VM service.

use crate::jsonrpc::RpcError;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::net::TcpStream;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::{self, Message, WebSocket};

/// A stream event received from the server.
#[derive(Clone, Debug, PartialEq)]
pub struct StreamEvent {
    pub stream_id: String,
    pub event: Value,
}

impl StreamEvent {
    pub fn kind(&self) -> &str {
        self.event.get("kind").and_then(Value::as_str).unwrap_or("")
    }
}

/// Why the client failed (the connection, not an RPC: RPC errors are [`RpcError`]).
#[derive(Debug)]
pub enum ClientError {
    BadUri(String),
    Io(std::io::Error),
    WebSocket(Box<tungstenite::Error>),
    /// The server closed the connection (its close reason, if any).
    Closed(Option<String>),
    Protocol(String),
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::BadUri(u) => write!(f, "not a VM service URI: {u}"),
            ClientError::Io(e) => write!(f, "{e}"),
            ClientError::WebSocket(e) => write!(f, "websocket: {e}"),
            ClientError::Closed(Some(r)) => write!(f, "the VM service closed the connection: {r}"),
            ClientError::Closed(None) => write!(f, "the VM service closed the connection"),
            ClientError::Protocol(m) => write!(f, "unexpected message from the VM service: {m}"),
        }
    }
}

impl std::error::Error for ClientError {}

impl From<std::io::Error> for ClientError {
    fn from(e: std::io::Error) -> Self {
        ClientError::Io(e)
    }
}

impl From<tungstenite::Error> for ClientError {
    fn from(e: tungstenite::Error) -> Self {
        match e {
            tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => {
                ClientError::Closed(None)
            }
            tungstenite::Error::Io(io) => ClientError::Io(io),
            other => ClientError::WebSocket(Box::new(other)),
        }
    }
}

/// The websocket URI and `host:port` for a service URI in either form.
pub fn websocket_uri(uri: &str) -> Result<(String, String), ClientError> {
    let bad = || ClientError::BadUri(uri.to_string());
    let rest = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("ws://"))
        .ok_or_else(bad)?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if authority.is_empty() {
        return Err(bad());
    }
    let path = path.trim_end_matches('/');
    let path = if path.ends_with("/ws") {
        path.to_string()
    } else {
        format!("{path}/ws")
    };
    Ok((format!("ws://{authority}{path}"), authority.to_string()))
}

/// A connection to a VM service.
pub struct Client {
    socket: WebSocket<TcpStream>,
    next_id: u64,
    events: VecDeque<StreamEvent>,
}

impl Client {
    /// Connects to `uri` (`http://127.0.0.1:8181/CODE/` or `ws://…/CODE/ws`).
    pub fn connect(uri: &str) -> Result<Client, ClientError> {
        let (ws_uri, authority) = websocket_uri(uri)?;
        let tcp = TcpStream::connect(authority.as_str())?;
        tcp.set_nodelay(true)?;
        let (socket, _) = tungstenite::client(ws_uri.as_str(), tcp).map_err(|e| match e {
            tungstenite::HandshakeError::Failure(e) => ClientError::from(e),
            tungstenite::HandshakeError::Interrupted(_) => {
                ClientError::Protocol("handshake interrupted".into())
            }
        })?;
        Ok(Client {
            socket,
            next_id: 0,
            events: VecDeque::new(),
        })
    }

    /// Calls `method` with named `params`; events arriving meanwhile are kept for
    /// [`Client::next_event`].
    pub fn call(
        &mut self,
        method: &str,
        params: Value,
    ) -> Result<Result<Value, RpcError>, ClientError> {
        self.next_id += 1;
        let id = self.next_id.to_string();
        let request = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_text(&request.to_string())?;
        self.set_timeout(None)?;
        loop {
            let message = self.read_json()?;
            if message.get("id").and_then(Value::as_str) == Some(id.as_str()) {
                return parse_response(message);
            }
            self.queue_event(message)?;
        }
    }

    /// The next stream event, waiting at most `timeout` (`None` waits forever). `Ok(None)`
    /// when the time ran out.
    pub fn next_event(
        &mut self,
        timeout: Option<Duration>,
    ) -> Result<Option<StreamEvent>, ClientError> {
        if let Some(e) = self.events.pop_front() {
            return Ok(Some(e));
        }
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let left = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    _ => return Ok(None),
                },
                None => None,
            };
            self.set_timeout(left)?;
            match self.read_json() {
                Ok(message) => {
                    self.queue_event(message)?;
                    if let Some(e) = self.events.pop_front() {
                        return Ok(Some(e));
                    }
                }
                Err(ClientError::Io(e)) if is_timeout(&e) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
    }

    /// Waits for an event of `kind` on `stream`, keeping others for later; `Ok(None)` when
    /// `timeout` ran out first.
    pub fn wait_for(
        &mut self,
        stream: &str,
        kind: &str,
        timeout: Duration,
    ) -> Result<Option<StreamEvent>, ClientError> {
        let deadline = Instant::now() + timeout;
        let mut skipped = Vec::new();
        let found = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.next_event(Some(left))? {
                Some(e) if e.stream_id == stream && e.kind() == kind => break Some(e),
                Some(e) => skipped.push(e),
                None => break None,
            }
        };
        for e in skipped.into_iter().rev() {
            self.events.push_front(e);
        }
        Ok(found)
    }

    /// Sends a raw message (tests use it to send malformed input).
    pub fn send_raw(&mut self, message: Message) -> Result<(), ClientError> {
        self.socket.send(message)?;
        Ok(())
    }

    /// Reads the next raw message.
    pub fn read_raw(&mut self) -> Result<Message, ClientError> {
        self.set_timeout(None)?;
        Ok(self.socket.read()?)
    }

    pub fn close(mut self) {
        let _ = self.socket.close(None);
        let _ = self.socket.flush();
    }

    fn send_text(&mut self, text: &str) -> Result<(), ClientError> {
        self.socket.send(Message::text(text.to_string()))?;
        Ok(())
    }

    fn set_timeout(&mut self, t: Option<Duration>) -> Result<(), ClientError> {
        self.socket.get_mut().set_read_timeout(t)?;
        Ok(())
    }

    fn read_json(&mut self) -> Result<Value, ClientError> {
        loop {
            match self.socket.read()? {
                Message::Text(t) => {
                    return serde_json::from_str(t.as_str())
                        .map_err(|e| ClientError::Protocol(format!("invalid JSON: {e}")))
                }
                Message::Close(frame) => {
                    return Err(ClientError::Closed(
                        frame.map(|f| f.reason.as_str().to_string()),
                    ))
                }
                Message::Binary(_) => return Err(ClientError::Protocol("binary frame".into())),
                _ => {}
            }
        }
    }

    fn queue_event(&mut self, message: Value) -> Result<(), ClientError> {
        if message.get("method").and_then(Value::as_str) != Some("streamNotify") {
            return Err(ClientError::Protocol(message.to_string()));
        }
        let params = &message["params"];
        self.events.push_back(StreamEvent {
            stream_id: params["streamId"].as_str().unwrap_or("").to_string(),
            event: params["event"].clone(),
        });
        Ok(())
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

fn parse_response(message: Value) -> Result<Result<Value, RpcError>, ClientError> {
    if let Some(result) = message.get("result") {
        return Ok(Ok(result.clone()));
    }
    match message.get("error") {
        Some(e) => serde_json::from_value(e.clone())
            .map(Err)
            .map_err(|e| ClientError::Protocol(format!("bad error object: {e}"))),
        None => Err(ClientError::Protocol(message.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::websocket_uri;

    #[test]
    fn service_uris_become_websocket_uris() {
        let (ws, auth) = websocket_uri("http://127.0.0.1:8181/abc=/").expect("valid");
        assert_eq!(ws, "ws://127.0.0.1:8181/abc=/ws");
        assert_eq!(auth, "127.0.0.1:8181");
        let (ws, _) = websocket_uri("ws://127.0.0.1:8181/abc=/ws").expect("valid");
        assert_eq!(ws, "ws://127.0.0.1:8181/abc=/ws");
        let (ws, _) = websocket_uri("http://127.0.0.1:9000").expect("valid");
        assert_eq!(ws, "ws://127.0.0.1:9000/ws");
        assert!(websocket_uri("ftp://x").is_err());
        assert!(websocket_uri("http:///x").is_err());
    }
}
