//! The HTTP side of the server: reading a request head (bounded in size), the auth-code
//! and Origin checks the Dart VM's service applies, and plain responses. Websocket
//! upgrades are answered here too, so the checks happen before any websocket exists.

use tokio::io::{AsyncRead, AsyncReadExt};

/// Largest request head accepted (request line and headers).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// A parsed request head.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestHead {
    pub method: String,
    /// The request target: path and optional query.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl RequestHead {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn header_has_token(&self, name: &str, token: &str) -> bool {
        self.header(name)
            .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    }

    pub fn is_websocket_upgrade(&self) -> bool {
        self.method == "GET"
            && self.header_has_token("Connection", "upgrade")
            && self.header_has_token("Upgrade", "websocket")
            && self.header("Sec-WebSocket-Key").is_some()
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, q)| q)
    }
}

/// Why a head could not be read.
#[derive(Debug)]
pub enum HeadError {
    Io,
    TooLarge,
    Malformed,
    Closed,
}

/// Reads a request head; returns it with the bytes read past its end.
pub async fn read_head<S: AsyncRead + Unpin>(
    stream: &mut S,
) -> Result<(RequestHead, Vec<u8>), HeadError> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        if let Some(end) = find_head_end(&buf) {
            let head = parse_head(&buf[..end]).ok_or(HeadError::Malformed)?;
            return Ok((head, buf[end..].to_vec()));
        }
        if buf.len() >= MAX_HEAD_BYTES {
            return Err(HeadError::TooLarge);
        }
        let n = stream.read(&mut chunk).await.map_err(|_| HeadError::Io)?;
        if n == 0 {
            return Err(HeadError::Closed);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4)
}

/// Parses `METHOD target HTTP/1.x` and the header lines.
pub fn parse_head(bytes: &[u8]) -> Option<RequestHead> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut lines = text.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    if !first.next()?.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return None;
    }
    let mut headers = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    Some(RequestHead {
        method,
        target,
        headers,
    })
}

/// The Dart VM's Origin rule: no Origin (a non-browser client) is fine; a browser page is
/// accepted only from localhost or from the service's own address.
pub fn origin_allowed(head: &RequestHead, server_host: &str, server_port: u16) -> bool {
    let origin = head
        .header("Sec-WebSocket-Origin")
        .or_else(|| head.header("Origin"));
    let Some(origin) = origin else {
        return true;
    };
    let Some((host, port)) = origin_host_port(origin) else {
        return false;
    };
    matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]" | "::1")
        || (host == server_host && port == Some(server_port))
}

/// Host and port of an origin such as `http://example.com:8080`.
fn origin_host_port(origin: &str) -> Option<(String, Option<u16>)> {
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))?;
    let authority = rest.split('/').next()?;
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        let host = authority[..=end].to_string();
        let port = authority[end + 1..]
            .strip_prefix(':')
            .and_then(|p| p.parse().ok());
        return Some((host, port));
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => Some((h.to_ascii_lowercase(), Some(p.parse().ok()?))),
        None => Some((authority.to_ascii_lowercase(), None)),
    }
}

/// Strips the auth code from `path`: `/CODE/rest` → `/rest`. `None` when the code is
/// missing or wrong. Without auth codes the path is returned unchanged.
pub fn strip_auth_code<'a>(path: &'a str, code: Option<&str>) -> Option<&'a str> {
    let Some(code) = code else {
        return Some(path);
    };
    let rest = path.strip_prefix('/')?;
    let (first, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    (first == code).then_some(if tail.is_empty() { "/" } else { tail })
}

/// A complete plain-text HTTP response that closes the connection.
pub fn text_response(status: u16, reason: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// A JSON response (HTTP requests to `/<method>?params`).
pub fn json_response(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// The `101 Switching Protocols` answer to a websocket upgrade.
pub fn upgrade_response(key: &str) -> String {
    let accept = tokio_tungstenite::tungstenite::handshake::derive_accept_key(key.as_bytes());
    format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
    )
}

/// Decodes `%XX` escapes and `+` in a query component.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', h, l]) => hex(*h).zip(hex(*l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(extra: &str) -> RequestHead {
        let text = format!("GET /abc/ws HTTP/1.1\r\nHost: x\r\n{extra}\r\n");
        parse_head(text.as_bytes()).expect("parses")
    }

    #[test]
    fn parses_heads() {
        let h = head(
            "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\n",
        );
        assert!(h.is_websocket_upgrade());
        assert_eq!(h.path(), "/abc/ws");
        assert!(parse_head(b"GARBAGE\r\n\r\n").is_none());
        assert!(parse_head(b"GET nopath HTTP/1.1\r\n\r\n").is_none());
        assert!(parse_head(b"GET / HTTP/1.1\r\nno colon\r\n\r\n").is_none());
    }

    #[test]
    fn origin_rules() {
        assert!(origin_allowed(&head(""), "127.0.0.1", 8181));
        assert!(origin_allowed(
            &head("Origin: http://localhost:3000\r\n"),
            "127.0.0.1",
            8181
        ));
        assert!(origin_allowed(
            &head("Origin: http://127.0.0.1:8181\r\n"),
            "127.0.0.1",
            8181
        ));
        assert!(!origin_allowed(
            &head("Origin: http://evil.example\r\n"),
            "127.0.0.1",
            8181
        ));
        assert!(!origin_allowed(
            &head("Origin: null\r\n"),
            "127.0.0.1",
            8181
        ));
        assert!(!origin_allowed(
            &head("Origin: http://localhost.evil.example\r\n"),
            "127.0.0.1",
            8181
        ));
    }

    #[test]
    fn auth_codes() {
        assert_eq!(strip_auth_code("/abc=/ws", Some("abc=")), Some("/ws"));
        assert_eq!(strip_auth_code("/abc=", Some("abc=")), Some("/"));
        assert_eq!(strip_auth_code("/abd=/ws", Some("abc=")), None);
        assert_eq!(strip_auth_code("/ws", Some("abc=")), None);
        assert_eq!(strip_auth_code("/ws", None), Some("/ws"));
    }

    #[test]
    fn decodes_queries() {
        assert_eq!(percent_decode("a%20b+c%2"), "a b c%2");
        assert_eq!(percent_decode("isolates%2F1"), "isolates/1");
    }
}
