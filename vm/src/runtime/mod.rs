//! The runtime: the object model, the thread block generated code sees, the entry points
//! generated code calls, natives, exceptions and stack walking.

pub mod agent;
pub mod base64;
pub mod bytes;
pub mod classes;
pub mod closures;
pub mod constants;
pub mod dart_number;
pub mod entries;
pub mod errors;
pub mod event_loop;
pub mod inbox;
pub mod isolate;
pub mod json;
pub mod layout;
pub mod lists;
pub mod maps;
pub mod message;
pub mod natives;
pub mod object;
pub mod output;
pub mod ports;
pub mod records;
pub mod regexp;
pub mod reload;
pub mod restart;
pub mod rtt;
pub mod run;
pub mod spawn;
pub mod stack;
pub mod statics;
pub mod strings;
pub mod suspend;
pub mod thread;
pub mod types;
pub mod utf8;
