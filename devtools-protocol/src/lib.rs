//! dartrs-devtools-protocol: the Dart VM Service Protocol as dartrs speaks it (JSON-RPC 2.0
//! over a websocket). This crate will own the protocol types, the framing and the
//! server/client; today it holds only the protocol's version, because no service exists
//! yet (see issue "VM service, profile mode and the timeline client").

/// The VM Service Protocol version dartrs implements (major, minor).
pub const PROTOCOL_VERSION: (u32, u32) = (4, 0);
