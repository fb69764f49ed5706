//! dartrs-devtools-protocol: the Dart VM Service Protocol as dartrs speaks it (JSON-RPC 2.0
//! over a websocket, major version 4). This crate owns everything on the wire and nothing
//! in the VM: the protocol's types ([`types`]), the JSON-RPC framing and error codes
//! ([`jsonrpc`]), the stream ids ([`streams`]), the boundary the VM implements
//! ([`backend`]), the server that runs on its own thread ([`server`]) and a small blocking
//! client ([`client`]) used by `dartrs timeline` and the tests.
//!
//! The server never touches VM memory: every question about an isolate travels as a
//! message through [`backend::ServiceBackend`] and is answered by the isolate's own thread
//! at a safepoint (DESIGN.md decision 7).

pub mod auth;
pub mod backend;
pub mod client;
mod http;
pub mod jsonrpc;
pub mod server;
pub mod streams;
pub mod types;

/// The VM Service Protocol version dartrs implements (major, minor).
pub const PROTOCOL_VERSION: (u32, u32) = (4, 0);
