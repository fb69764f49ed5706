//! JSON-RPC 2.0 framing as the VM Service Protocol uses it: request parsing (named
//! parameters only), responses, stream notifications, and the protocol's error codes —
//! JSON-RPC's own (-32700..-32603) and the service's application codes (100..114).
//! Everything a client sends is validated here; nothing in this module panics on input.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Error codes of the JSON-RPC spec and of the VM Service Protocol.
pub mod codes {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const INTERNAL_ERROR: i64 = -32603;
    /// `dart:developer`'s `ServiceExtensionResponse.extensionError`.
    pub const EXTENSION_ERROR: i64 = -32000;
    pub const FEATURE_DISABLED: i64 = 100;
    pub const VM_MUST_BE_PAUSED: i64 = 101;
    pub const CANNOT_ADD_BREAKPOINT: i64 = 102;
    pub const STREAM_ALREADY_SUBSCRIBED: i64 = 103;
    pub const STREAM_NOT_SUBSCRIBED: i64 = 104;
    pub const ISOLATE_MUST_BE_RUNNABLE: i64 = 105;
    pub const ISOLATE_MUST_BE_PAUSED: i64 = 106;
    pub const CANNOT_RESUME: i64 = 107;
    pub const ISOLATE_IS_RELOADING: i64 = 108;
    pub const ISOLATE_CANNOT_BE_RELOADED: i64 = 109;
    pub const ISOLATE_NO_RELOAD_CHANGES: i64 = 110;
    pub const SERVICE_ALREADY_REGISTERED: i64 = 111;
    pub const SERVICE_DISAPPEARED: i64 = 112;
    pub const EXPRESSION_COMPILATION_ERROR: i64 = 113;
    pub const INVALID_TIMELINE_REQUEST: i64 = 114;
}

/// The spec's message for an error code.
pub fn standard_message(code: i64) -> &'static str {
    use codes::*;
    match code {
        PARSE_ERROR => "Parse error",
        INVALID_REQUEST => "Invalid Request",
        METHOD_NOT_FOUND => "Method not found",
        INVALID_PARAMS => "Invalid params",
        INTERNAL_ERROR => "Internal error",
        FEATURE_DISABLED => "Feature is disabled",
        VM_MUST_BE_PAUSED => "VM must be paused",
        CANNOT_ADD_BREAKPOINT => "Cannot add breakpoint",
        STREAM_ALREADY_SUBSCRIBED => "Stream already subscribed",
        STREAM_NOT_SUBSCRIBED => "Stream not subscribed",
        ISOLATE_MUST_BE_RUNNABLE => "Isolate must be runnable",
        ISOLATE_MUST_BE_PAUSED => "Isolate must be paused",
        CANNOT_RESUME => "Cannot resume execution",
        ISOLATE_IS_RELOADING => "Isolate is reloading",
        ISOLATE_CANNOT_BE_RELOADED => "Isolate cannot be reloaded",
        ISOLATE_NO_RELOAD_CHANGES => "Isolate must have reloaded",
        SERVICE_ALREADY_REGISTERED => "Service already registered",
        SERVICE_DISAPPEARED => "Service disappeared",
        EXPRESSION_COMPILATION_ERROR => "Expression compilation error",
        INVALID_TIMELINE_REQUEST => "Invalid timeline request",
        _ => "Server error",
    }
}

/// An RPC error: `code`, `message` and `data.details`, as the spec's error responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

impl RpcError {
    /// An error with the spec's message for `code` and `details` in `data`.
    pub fn new(code: i64, details: impl Into<String>) -> RpcError {
        RpcError {
            code,
            message: standard_message(code).to_string(),
            data: Some(json!({ "details": details.into() })),
        }
    }

    pub fn invalid_params(details: impl Into<String>) -> RpcError {
        RpcError::new(codes::INVALID_PARAMS, details)
    }

    pub fn internal(details: impl Into<String>) -> RpcError {
        RpcError::new(codes::INTERNAL_ERROR, details)
    }

    /// The `data.details` text, when present.
    pub fn details(&self) -> Option<&str> {
        self.data.as_ref()?.get("details")?.as_str()
    }
}

impl std::fmt::Display for RpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)?;
        if let Some(d) = self.details() {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

/// A request id: a string, a number or null (the spec allows all three).
pub type RequestId = Value;

/// A parsed request.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// `None` for a notification (no `id` member): it gets no response.
    pub id: Option<RequestId>,
    pub method: String,
    pub params: Params,
}

/// Why a message is not a request; the id is known when the message got that far.
#[derive(Clone, Debug, PartialEq)]
pub struct BadRequest {
    pub id: RequestId,
    pub error: RpcError,
}

/// Parses one text message as a request.
pub fn parse_request(text: &str) -> Result<Request, BadRequest> {
    let value: Value = serde_json::from_str(text).map_err(|e| BadRequest {
        id: Value::Null,
        error: RpcError::new(codes::PARSE_ERROR, format!("invalid JSON: {e}")),
    })?;
    let Value::Object(mut obj) = value else {
        return Err(invalid_request(
            Value::Null,
            "a request must be a JSON object",
        ));
    };
    let id = obj.remove("id");
    let reply_id = id.clone().unwrap_or(Value::Null);
    if let Some(id) = &id {
        if !(id.is_string() || id.is_number() || id.is_null()) {
            return Err(invalid_request(
                Value::Null,
                "'id' must be a string, a number or null",
            ));
        }
    }
    if let Some(v) = obj.get("jsonrpc") {
        if v != "2.0" {
            return Err(invalid_request(reply_id, "'jsonrpc' must be \"2.0\""));
        }
    }
    let method = match obj.remove("method") {
        Some(Value::String(m)) => m,
        _ => return Err(invalid_request(reply_id, "'method' must be a string")),
    };
    let params = match obj.remove("params") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m,
        Some(Value::Array(_)) => {
            return Err(BadRequest {
                id: reply_id,
                error: RpcError::invalid_params(
                    "the VM service accepts only named parameters (an object)",
                ),
            })
        }
        Some(_) => return Err(invalid_request(reply_id, "'params' must be an object")),
    };
    Ok(Request {
        id,
        method,
        params: Params(params),
    })
}

fn invalid_request(id: RequestId, details: &str) -> BadRequest {
    BadRequest {
        id,
        error: RpcError::new(codes::INVALID_REQUEST, details),
    }
}

/// A success response as text.
pub fn result_response(id: &RequestId, result: Value) -> String {
    json!({ "jsonrpc": "2.0", "id": id, "result": result }).to_string()
}

/// An error response as text.
pub fn error_response(id: &RequestId, error: &RpcError) -> String {
    json!({ "jsonrpc": "2.0", "id": id, "error": error }).to_string()
}

/// A stream event as the server sends it (a request without an id).
pub fn stream_notification(stream_id: &str, event: &Value) -> String {
    json!({
        "jsonrpc": "2.0",
        "method": "streamNotify",
        "params": { "streamId": stream_id, "event": event },
    })
    .to_string()
}

/// The named parameters of a request, with typed accessors that produce the spec's
/// "Invalid params" errors. Over HTTP every value arrives as a string, so numbers and
/// booleans are also accepted in their text form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Map<String, Value>);

impl Params {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// A required string parameter.
    pub fn string(&self, method: &str, name: &str) -> Result<&str, RpcError> {
        match self.0.get(name) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(bad_param(method, name, "must be a string")),
            None => Err(RpcError::invalid_params(format!(
                "{method}: expects the '{name}' parameter"
            ))),
        }
    }

    /// An optional string parameter.
    pub fn opt_string(&self, method: &str, name: &str) -> Result<Option<String>, RpcError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad_param(method, name, "must be a string")),
        }
    }

    pub fn opt_int(&self, method: &str, name: &str) -> Result<Option<i64>, RpcError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| bad_param(method, name, "must be an integer")),
            Some(Value::String(s)) => s
                .parse()
                .map(Some)
                .map_err(|_| bad_param(method, name, "must be an integer")),
            Some(_) => Err(bad_param(method, name, "must be an integer")),
        }
    }

    pub fn opt_bool(&self, method: &str, name: &str) -> Result<Option<bool>, RpcError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s == "true" => Ok(Some(true)),
            Some(Value::String(s)) if s == "false" => Ok(Some(false)),
            Some(_) => Err(bad_param(method, name, "must be a boolean")),
        }
    }

    /// A required list of strings (over HTTP: `[a,b]` or `a,b`).
    pub fn string_list(&self, method: &str, name: &str) -> Result<Vec<String>, RpcError> {
        match self.0.get(name) {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| bad_param(method, name, "must be a list of strings"))
                })
                .collect(),
            Some(Value::String(s)) => Ok(s
                .trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .map(|p| p.trim().trim_matches('"').to_string())
                .filter(|p| !p.is_empty())
                .collect()),
            Some(_) => Err(bad_param(method, name, "must be a list of strings")),
            None => Err(RpcError::invalid_params(format!(
                "{method}: expects the '{name}' parameter"
            ))),
        }
    }
}

fn bad_param(method: &str, name: &str, what: &str) -> RpcError {
    RpcError::invalid_params(format!("{method}: invalid '{name}' parameter: {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_request() {
        let r = parse_request(r#"{"jsonrpc":"2.0","method":"getVersion","params":{},"id":"1"}"#)
            .expect("valid");
        assert_eq!(r.method, "getVersion");
        assert_eq!(r.id, Some(json!("1")));
        // The spec accepts requests without the jsonrpc member, and numeric ids.
        let r = parse_request(r#"{"method":"getVM","id":7}"#).expect("valid");
        assert_eq!(r.id, Some(json!(7)));
        assert!(r.params.0.is_empty());
    }

    #[test]
    fn malformed_messages_give_protocol_errors() {
        let e = parse_request("{not json").unwrap_err();
        assert_eq!(e.error.code, codes::PARSE_ERROR);
        assert_eq!(e.id, Value::Null);
        assert_eq!(
            parse_request("[1,2]").unwrap_err().error.code,
            codes::INVALID_REQUEST
        );
        let e = parse_request(r#"{"id":"3","method":5}"#).unwrap_err();
        assert_eq!((e.error.code, e.id), (codes::INVALID_REQUEST, json!("3")));
        let e = parse_request(r#"{"id":"4","method":"getVM","params":[1]}"#).unwrap_err();
        assert_eq!(e.error.code, codes::INVALID_PARAMS);
        let e = parse_request(r#"{"id":{},"method":"getVM"}"#).unwrap_err();
        assert_eq!(e.error.code, codes::INVALID_REQUEST);
        let e = parse_request(r#"{"jsonrpc":"1.0","id":1,"method":"getVM"}"#).unwrap_err();
        assert_eq!(e.error.code, codes::INVALID_REQUEST);
    }

    #[test]
    fn error_response_shape() {
        let text = error_response(
            &json!("2"),
            &RpcError::new(
                codes::STREAM_ALREADY_SUBSCRIBED,
                "The stream 'GC' is already subscribed",
            ),
        );
        let v: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(
            v,
            json!({
                "jsonrpc": "2.0",
                "id": "2",
                "error": {
                    "code": 103,
                    "message": "Stream already subscribed",
                    "data": { "details": "The stream 'GC' is already subscribed" }
                }
            })
        );
    }

    #[test]
    fn params_accept_http_text_forms() {
        let p = Params(
            json!({"limit": "5", "gc": "true", "s": "[Dart,GC]", "n": 3})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
        assert_eq!(p.opt_int("m", "limit"), Ok(Some(5)));
        assert_eq!(p.opt_int("m", "n"), Ok(Some(3)));
        assert_eq!(p.opt_bool("m", "gc"), Ok(Some(true)));
        assert_eq!(p.opt_int("m", "absent"), Ok(None));
        assert_eq!(
            p.string_list("m", "s"),
            Ok(vec!["Dart".to_string(), "GC".to_string()])
        );
        let e = p.string("getIsolate", "isolateId").unwrap_err();
        assert_eq!(e.code, codes::INVALID_PARAMS);
        assert_eq!(
            p.opt_bool("m", "limit").unwrap_err().code,
            codes::INVALID_PARAMS
        );
    }

    #[test]
    fn notification_shape() {
        let v: Value = serde_json::from_str(&stream_notification("GC", &json!({"type": "Event"})))
            .expect("json");
        assert_eq!(v["method"], "streamNotify");
        assert_eq!(v["params"]["streamId"], "GC");
        assert!(v.get("id").is_none());
    }
}
