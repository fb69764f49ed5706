//! The VM side of the VM service (DESIGN.md decision 7): what the VM publishes for the
//! protocol server and how the server's requests reach isolates.
//!
//! [`VmService::start`] starts the server of `dartrs-devtools-protocol` with a backend
//! ([`registry::Registry`]) that answers VM-wide questions from data the isolates publish
//! (names, pause state, extension names: plain Rust values behind a mutex, never the Dart
//! heap) and forwards everything else to the isolate's mailbox, raising its interrupt
//! flag. The isolate answers at its next safepoint ([`agent::ServiceAgent`]), reading its
//! own memory on its own thread ([`inspect`]).

pub mod agent;
pub mod inspect;
pub mod interrupt;
pub mod registry;

use crate::runtime::agent::{AgentFactory, IsolateAgent};
use crate::runtime::isolate::Isolate;
use dartrs_devtools_protocol::server::{self, ServiceConfig, ServiceHandle};
use dartrs_devtools_protocol::types::Flag;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// How a run exposes the service (`--observe` and friends).
#[derive(Clone, Debug)]
pub struct ObserveOptions {
    pub config: ServiceConfig,
    /// `--write-service-info=<file>`: where to write `{"uri": "..."}`.
    pub service_info_file: Option<PathBuf>,
    /// `--pause-isolates-on-start`: wait for a client's `resume` before `main`.
    pub pause_on_start: bool,
    /// The command-line flags as `getFlagList` reports them.
    pub flags: Vec<Flag>,
}

/// A running VM service: the server and the registry of isolates it serves.
pub struct VmService {
    handle: ServiceHandle,
    registry: Arc<registry::Registry>,
    pause_on_start: bool,
}

impl VmService {
    /// Starts the server, writes the service-info file and prints the line tools look
    /// for (`The Dart VM service is listening on ...`).
    pub fn start(options: &ObserveOptions) -> Result<VmService, String> {
        let registry = Arc::new(registry::Registry::new(options.flags.clone()));
        let handle = server::start(options.config.clone(), registry.clone()).map_err(|e| {
            format!(
                "could not start the VM service on port {}: {e}",
                options.config.port
            )
        })?;
        registry.set_events(handle.events());
        if let Some(path) = &options.service_info_file {
            let info = serde_json::json!({ "uri": handle.http_uri() }).to_string();
            std::fs::write(path, info).map_err(|e| {
                format!(
                    "could not write the service info file {}: {e}",
                    path.display()
                )
            })?;
        }
        println!("The Dart VM service is listening on {}", handle.http_uri());
        use std::io::Write;
        let _ = std::io::stdout().flush();
        Ok(VmService {
            handle,
            registry,
            pause_on_start: options.pause_on_start,
        })
    }

    pub fn http_uri(&self) -> &str {
        self.handle.http_uri()
    }

    /// The factory that attaches new isolates to this service.
    pub fn agent_factory(&self) -> Arc<dyn AgentFactory> {
        Arc::new(Attach {
            registry: self.registry.clone(),
            pause_on_start: self.pause_on_start,
        })
    }

    /// Delivers the last events to clients and stops the server.
    pub fn shutdown(self) {
        self.handle.shutdown();
    }
}

struct Attach {
    registry: Arc<registry::Registry>,
    pause_on_start: bool,
}

impl AgentFactory for Attach {
    fn attach(&self, iso: &mut Isolate) -> Rc<dyn IsolateAgent> {
        agent::ServiceAgent::attach(&self.registry, iso, self.pause_on_start)
    }
}

/// The service of this process, once started (the exit paths shut it down).
static RUNNING: Mutex<Option<VmService>> = Mutex::new(None);

/// Starts the process's VM service and returns the factory that attaches isolates to
/// it. The service stays up until [`shutdown`] (called when the program ends, including
/// through `exit(n)`). This is the entry point every mode that serves the protocol
/// (debug with `--observe`, profile) calls.
pub fn start(options: &ObserveOptions) -> Result<Arc<dyn AgentFactory>, String> {
    let service = VmService::start(options)?;
    let factory = service.agent_factory();
    *registry::lock(&RUNNING) = Some(service);
    crate::runtime::agent::set_exit_hook(shutdown);
    Ok(factory)
}

/// Delivers the last events to clients and stops the process's service (idempotent).
pub fn shutdown() {
    let service = registry::lock(&RUNNING).take();
    if let Some(s) = service {
        s.shutdown();
    }
}
