//! The edit-save-see loop of `dartrs run --debug`: a session that runs the program in
//! an isolate whose event loop it hosts (`runtime::event_loop::LoopHost`), watches the
//! program's source files, reads console commands, and hot reloads (at a safepoint) or
//! hot restarts (a fresh isolate from `main`) in this process.
//!
//! Threads: the file watcher and the console only send [`Command`]s down one channel
//! and raise the isolate's interrupt ([`Commands`]). The isolate thread receives them
//! while it would otherwise sleep between timers, or at the next function entry or loop
//! back edge of the code it runs (so a long synchronous loop reloads, restarts or quits
//! too): every change to the isolate happens on its own thread at a safepoint. Messages
//! follow `flutter run`'s wording.

mod console;
mod watch;

use crate::driver::{RunOptions, EXIT_COMPILE_ERROR};
use crate::front::diagnostics::Diagnostics;
use crate::front::source::SourceMap;
use crate::kernel::{load_program, LoadOptions};
use crate::runtime::agent::AgentFactory;
use crate::runtime::event_loop::{LoopHost, LoopWaker, ObserverReload, Turn};
use crate::runtime::isolate::{Isolate, IsolateOptions, IsolatePtr};
use crate::runtime::ports::IsolateControl;
use crate::runtime::reload::{reload, ReloadFailure, ReloadReport};
use crate::runtime::restart::{reset, restart, PackageConfig};
use crate::runtime::run::EXIT_UNCAUGHT;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use console::ConsoleMode;

/// What the session is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `r`, or a watched file changed.
    Reload,
    /// `R`
    Restart,
    /// `q` (or end of input on a terminal)
    Quit,
    /// `h`
    Help,
    /// A port message or I/O completion reached the isolate's inbox: end the wait.
    EventArrived,
    /// `c`
    Clear,
    /// `d`: stop watching and reading commands; the program runs on to its end.
    Detach,
    /// The VM service has a request for the next event-loop turn (`reloadSources`).
    Service,
}

/// The sending end of the session's command channel: a command for the isolate also
/// raises its interrupt, so a busy isolate acts on it at its next safepoint.
#[derive(Clone)]
pub struct Commands {
    tx: Sender<Command>,
    /// The running isolate's control block (none between runs).
    isolate: Arc<Mutex<Option<Arc<IsolateControl>>>>,
}

impl Commands {
    /// Sends `command`; `false` when the session is gone.
    pub fn send(&self, command: Command) -> bool {
        if self.tx.send(command).is_err() {
            return false;
        }
        // After the send: the isolate clears the flag before it reads the channel.
        if !matches!(command, Command::EventArrived | Command::Service) {
            if let Some(control) = lock(&self.isolate).as_ref() {
                control.interrupt();
            }
        }
        true
    }
}

/// How the session behaves.
#[derive(Clone, Debug)]
pub struct SessionOptions {
    pub watch: bool,
    pub console: ConsoleMode,
}

/// Why there is no isolate to run.
enum Unprepared {
    /// The sources do not compile: the diagnostics, and the kept isolate (unchanged).
    CompileErrors(String, Option<Box<Isolate>>),
    /// The VM cannot run at all (e.g. no code heap): the exit code.
    Fatal(i32),
}

/// Why a run of the isolate ended early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Restart,
    Quit,
}

/// State the isolate thread (through the host) and the session thread share.
struct Shared {
    commands: Mutex<Receiver<Command>>,
    watcher: Mutex<Option<watch::Watcher>>,
    stop: Mutex<Option<Stop>>,
    detached: Mutex<bool>,
}

struct Session {
    root: PathBuf,
    /// Where the service wakes the isolate's wait (a sender of the command channel).
    commands: Commands,
    /// `--observe`: the VM service starts once the program first loads (as `dart run`
    /// reports compile errors before the service line).
    #[cfg(feature = "service")]
    observe: Option<crate::service::ObserveOptions>,
    /// Attaches each isolate (the first and every restart's) to the VM service.
    observer: std::cell::OnceCell<Option<Arc<dyn AgentFactory>>>,
    load: LoadOptions,
    isolate: IsolateOptions,
    console: ConsoleMode,
    shared: Arc<Shared>,
}

/// Runs `script` in a hot-reload session (with the VM service when `options.observe`
/// asks for it); returns the process exit code.
pub fn run_session(
    script: &Path,
    args: Vec<String>,
    options: &RunOptions,
    session: &SessionOptions,
) -> i32 {
    // Reloads re-resolve the whole program; the core library need not be parsed again.
    crate::kernel::parse::keep_core_units();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = Commands {
        tx,
        isolate: Arc::default(),
    };
    let watcher = if session.watch {
        match watch::Watcher::new(tx.clone()) {
            Ok(w) => Some(w),
            Err(e) => {
                eprintln!("dartrs: cannot watch the source files ({e}); hot reload needs 'r'");
                None
            }
        }
    } else {
        None
    };
    crate::timeline::set_recorded_streams(&options.timeline_streams);
    let s = Session {
        root: script.to_path_buf(),
        commands: tx.clone(),
        #[cfg(feature = "service")]
        observe: options.observe.clone(),
        observer: std::cell::OnceCell::new(),
        load: LoadOptions {
            packages: options.packages.clone(),
            enable_asserts: options.enable_asserts,
            instance_field_initializers: false,
            skip_core_bodies: false,
            reuse_bodies: None,
        },
        isolate: IsolateOptions {
            trace_compiler: options.trace_compiler,
            verbose_gc: options.verbose_gc,
            gc_stress: options.gc_stress,
            asserts: options.enable_asserts,
        },
        console: session.console,
        shared: Arc::new(Shared {
            commands: Mutex::new(rx),
            watcher: Mutex::new(watcher),
            stop: Mutex::new(None),
            detached: Mutex::new(false),
        }),
    };
    console::start(session.console, tx);
    if session.console != ConsoleMode::Off {
        print_help();
    }
    // The session runs on the isolate's thread, which keeps the isolate (and its code)
    // from one run to the next.
    let code = crate::runtime::run::on_isolate_thread(move || s.run(args));
    #[cfg(feature = "service")]
    crate::service::shutdown();
    code
}

/// Starts the VM service for `--observe`; `Err` is the exit code when it cannot start.
#[cfg(feature = "service")]
fn start_service(session: &Session) -> Result<Option<Arc<dyn AgentFactory>>, i32> {
    let Some(observe) = &session.observe else {
        return Ok(None);
    };
    match crate::service::start(observe) {
        Ok(factory) => Ok(Some(factory)),
        Err(e) => {
            eprintln!("dartrs: {e}");
            Err(crate::driver::EXIT_SERVICE_ERROR)
        }
    }
}

#[cfg(not(feature = "service"))]
fn start_service(_: &Session) -> Result<Option<Arc<dyn AgentFactory>>, i32> {
    Ok(None)
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn print_help() {
    for line in [
        "dartrs run key commands.",
        "r Hot reload.",
        "R Hot restart.",
        "h List all available interactive commands.",
        "d Detach (terminate \"dartrs run\" but leave application running).",
        "c Clear the screen",
        "q Quit (terminate the application).",
    ] {
        say(line);
    }
}

/// The `flutter run` way of saying a reload was refused.
fn say_rejected(reason: &str) {
    say("Hot reload was rejected:");
    say(reason);
    say("Try performing a hot restart instead.");
}

impl Session {
    fn run(&self, args: Vec<String>) -> i32 {
        let mut restart_started: Option<Instant> = None;
        // The isolate of the last run, reset: a restart runs it again with its code.
        let mut kept: Option<Box<Isolate>> = None;
        let mut packages = PackageConfig::default();
        loop {
            let first = restart_started.is_none() && kept.is_none();
            let code = match self.prepare(first, kept.take(), &mut packages) {
                Ok(mut iso) => {
                    if let Some(started) = restart_started.take() {
                        say(&format!(
                            "Restarted application in {}ms.",
                            started.elapsed().as_millis()
                        ));
                    }
                    let code = match self.run_once(&mut iso, &args) {
                        Ok(code) => code,
                        Err(code) => return code,
                    };
                    reset(&mut iso);
                    kept = Some(iso);
                    Some(code)
                }
                Err(Unprepared::Fatal(code)) => return code,
                Err(Unprepared::CompileErrors(diagnostics, iso)) => {
                    eprint!("{diagnostics}");
                    if first {
                        return EXIT_COMPILE_ERROR;
                    }
                    kept = iso;
                    say("Hot restart failed: the program has compile errors; fix them and save or press R.");
                    None
                }
            };
            let stop = lock(&self.shared.stop).take();
            match stop {
                Some(Stop::Quit) => return code.unwrap_or(0),
                Some(Stop::Restart) => {
                    restart_started = Some(Instant::now());
                    continue;
                }
                None => {}
            }
            let attached = self.console != ConsoleMode::Off && !*lock(&self.shared.detached);
            let Some(code) = code else {
                match self.wait_after_end(false, true) {
                    Stop::Quit => return 0,
                    Stop::Restart => restart_started = Some(Instant::now()),
                }
                continue;
            };
            if !attached {
                return code;
            }
            let crashed = code == EXIT_UNCAUGHT;
            say("Application finished.");
            match self.wait_after_end(crashed, false) {
                Stop::Quit => return code,
                Stop::Restart => restart_started = Some(Instant::now()),
            }
        }
    }

    /// The isolate the next run uses: on a restart the kept one, brought up to date with
    /// the sources (`runtime::restart`: its code is reused), or else a new isolate over
    /// a program loaded afresh (the first start may come from the program cache).
    fn prepare(
        &self,
        first: bool,
        kept: Option<Box<Isolate>>,
        packages: &mut PackageConfig,
    ) -> Result<Box<Isolate>, Unprepared> {
        if let Some(mut iso) = kept {
            let started = Instant::now();
            match restart(&mut iso, &self.root, &self.load, packages) {
                Ok(how) => {
                    let micros = started.elapsed().as_micros() as u64;
                    tracing::debug!(target: "dartrs::reload", micros, ?how, "restart reuses the isolate");
                    self.watch(&crate::runtime::reload::user_files(
                        &iso.program,
                        &iso.sources,
                    ));
                    return Ok(iso);
                }
                Err(ReloadFailure::CompileErrors(d)) => {
                    return Err(Unprepared::CompileErrors(d, Some(iso)))
                }
                Err(ReloadFailure::Rejected(why)) => {
                    tracing::debug!(target: "dartrs::reload", why, "restart needs a new isolate");
                }
            }
        }
        *packages = PackageConfig::now(&self.root, &self.load);
        let loaded = if first {
            crate::program_cache::load(&self.root, &self.load)
        } else {
            self.load_program()
        };
        let (program, sources) =
            loaded.map_err(|diagnostics| Unprepared::CompileErrors(diagnostics, None))?;
        self.watch(&crate::runtime::reload::user_files(&program, &sources));
        Isolate::new(Arc::new(program), Arc::new(sources), self.isolate.clone()).map_err(|e| {
            eprintln!("dartrs: {e}");
            Unprepared::Fatal(70)
        })
    }

    /// Runs `main` of `iso` (on this, the isolate thread) to its end or until a restart
    /// or quit stops it; `Err` is the exit code when the VM service cannot start.
    fn run_once(&self, iso: &mut Isolate, args: &[String]) -> Result<i32, i32> {
        *lock(&self.shared.stop) = None;
        let observer = match self.observer.get() {
            Some(o) => o.clone(),
            None => {
                let o = start_service(self)?;
                self.observer.get_or_init(|| o).clone()
            }
        };
        let host = Box::new(Host {
            shared: self.shared.clone(),
            isolate: self.commands.isolate.clone(),
            root: self.root.clone(),
            load: self.load.clone(),
            commands: self.commands.clone(),
        });
        Ok(crate::runtime::run::run_hosted_here(
            iso, args, host, observer,
        ))
    }

    fn load_program(&self) -> Result<(crate::kernel::ir::Program, SourceMap), String> {
        let mut sources = SourceMap::new();
        let mut diags = Diagnostics::new();
        match load_program(&self.root, &self.load, &mut sources, &mut diags) {
            Some(p) if !diags.has_errors() => Ok((p, sources)),
            _ => Err(diags.render(&sources)),
        }
    }

    fn watch(&self, files: &[PathBuf]) {
        if let Some(w) = lock(&self.shared.watcher).as_mut() {
            w.watch(files);
        }
    }

    /// After the program ended (or failed to start): only a restart or quitting helps.
    /// A file change after a failed start retries the start.
    fn wait_after_end(&self, crashed: bool, not_started: bool) -> Stop {
        let commands = lock(&self.shared.commands);
        loop {
            let Ok(command) = commands.recv() else {
                return Stop::Quit;
            };
            match command {
                Command::Restart => {
                    say("Performing hot restart...");
                    return Stop::Restart;
                }
                Command::Quit => return Stop::Quit,
                Command::Reload if not_started => {
                    say("Performing hot restart...");
                    return Stop::Restart;
                }
                Command::Reload if crashed => say(
                    "Cannot hot reload: the isolate was stopped by an unhandled exception. Try performing a hot restart instead.",
                ),
                Command::Reload => say(
                    "Cannot hot reload: the application has finished. Try performing a hot restart instead.",
                ),
                Command::Help => print_help(),
                Command::Clear => clear_screen(),
                Command::Detach => return Stop::Quit,
                // No isolate runs: the service answers its requests with `Collected`.
                Command::Service | Command::EventArrived => {}
            }
        }
    }
}

fn clear_screen() {
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "\x1b[2J\x1b[H");
    let _ = out.flush();
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The session's side of the isolate's event loop.
struct Host {
    shared: Arc<Shared>,
    /// Where [`Commands`] finds the isolate to interrupt.
    isolate: Arc<Mutex<Option<Arc<IsolateControl>>>>,
    /// The root library and package configuration reloads use (`reloadSources` may
    /// change them).
    root: PathBuf,
    load: LoadOptions,
    commands: Commands,
}

/// What handling one command leaves the host to do.
enum Handled {
    /// Go on reading commands.
    Next,
    /// The wait of this turn is over (an event arrived).
    EndWait,
    /// The isolate must end (hot restart or quit; `Shared::stop` says which).
    Stop,
}

impl LoopHost for Host {
    fn attach(&mut self, iso: &mut Isolate) {
        *lock(&self.isolate) = Some(crate::runtime::ports::control_of(iso));
    }

    fn safepoint(&mut self, iso: IsolatePtr) {
        loop {
            let next = lock(&self.shared.commands).try_recv();
            let Ok(command) = next else {
                return;
            };
            // The agent has just answered the service at this safepoint, and an event
            // that arrived is seen by the loop's next turn without a wake-up.
            if matches!(command, Command::Service | Command::EventArrived) {
                continue;
            }
            if let Handled::Stop = self.handle(iso, command) {
                // Unwinds every Dart frame (no `catch` or `finally` runs) back to the
                // session, which restarts or quits.
                crate::runtime::ports::terminate(iso);
                return;
            }
        }
    }

    fn turn(&mut self, iso: IsolatePtr, wait: Option<Duration>) -> Turn {
        // What the program printed shows before the session waits (a live console).
        iso.get().out.flush();
        self.serve(iso);
        let deadline = wait.map(|w| Instant::now() + w);
        loop {
            let next = {
                let commands = lock(&self.shared.commands);
                match deadline {
                    Some(d) => {
                        match commands.recv_timeout(d.saturating_duration_since(Instant::now())) {
                            Ok(c) => Some(c),
                            Err(RecvTimeoutError::Timeout) => None,
                            Err(RecvTimeoutError::Disconnected) => {
                                std::thread::sleep(d.saturating_duration_since(Instant::now()));
                                None
                            }
                        }
                    }
                    None => commands.try_recv().ok(),
                }
            };
            let Some(command) = next else {
                return Turn::Continue;
            };
            match self.handle(iso, command) {
                Handled::Next => {}
                Handled::EndWait => return Turn::Continue,
                Handled::Stop => return Turn::Stop,
            }
        }
    }

    fn event_waker(&self) -> Option<LoopWaker> {
        let commands = self.commands.clone();
        Some(Arc::new(move || {
            commands.send(Command::EventArrived);
        }))
    }

    fn waker(&self) -> Option<LoopWaker> {
        let commands = self.commands.clone();
        Some(Arc::new(move || {
            commands.send(Command::Service);
        }))
    }

    fn reload_for_observer(
        &mut self,
        iso: IsolatePtr,
        request: &ObserverReload,
    ) -> Result<ReloadReport, ReloadFailure> {
        let old = (self.root.clone(), self.load.packages.clone());
        if let Some(root) = &request.root {
            self.root = root.clone();
        }
        if let Some(packages) = &request.packages {
            self.load.packages = Some(packages.clone());
        }
        let result = self.apply(iso);
        if result.is_err() {
            (self.root, self.load.packages) = old;
        }
        result
    }
}

impl Host {
    /// Acts on one command, at an event-loop turn or a safepoint of running code.
    fn handle(&mut self, iso: IsolatePtr, command: Command) -> Handled {
        match command {
            Command::Service => self.serve(iso),
            Command::EventArrived => return Handled::EndWait,
            _ if *lock(&self.shared.detached) => {}
            Command::Reload => self.reload(iso),
            Command::Restart => {
                iso.get().out.flush();
                say("Performing hot restart...");
                *lock(&self.shared.stop) = Some(Stop::Restart);
                return Handled::Stop;
            }
            Command::Quit => {
                *lock(&self.shared.stop) = Some(Stop::Quit);
                return Handled::Stop;
            }
            Command::Help => print_help(),
            Command::Clear => clear_screen(),
            Command::Detach => {
                *lock(&self.shared.detached) = true;
                *lock(&self.shared.watcher) = None;
            }
        }
        Handled::Next
    }

    /// Lets the VM service answer what waits for an event-loop turn (`reloadSources`).
    fn serve(&mut self, iso: IsolatePtr) {
        if let Some(agent) = crate::runtime::agent::agent_of(iso) {
            agent.loop_turn(iso, self);
        }
    }

    /// Reloads at this safepoint (for the console, the watcher or the service): the one
    /// place the session's isolate changes, so reloads happen one at a time.
    fn apply(&mut self, iso: IsolatePtr) -> Result<ReloadReport, ReloadFailure> {
        let result = reload(iso.get(), &self.root, &self.load);
        if let Ok(report) = &result {
            if let Some(w) = lock(&self.shared.watcher).as_mut() {
                w.watch(&report.files);
            }
        }
        if let Some(agent) = crate::runtime::agent::agent_of(iso) {
            agent.reloaded(result.is_ok());
        }
        result
    }

    /// Reloads at this safepoint and says how it went.
    fn reload(&mut self, iso: IsolatePtr) {
        let started = Instant::now();
        iso.get().out.flush();
        say("Performing hot reload...");
        match self.apply(iso) {
            Ok(report) => {
                tracing::debug!(target: "dartrs::reload", micros = started.elapsed().as_micros() as u64, "reloaded");
                say(&format!(
                    "Reloaded {} of {} libraries in {}ms.",
                    report.libraries_changed,
                    report.libraries_total,
                    started.elapsed().as_millis()
                ));
            }
            Err(ReloadFailure::Rejected(reason)) => say_rejected(&reason),
            Err(ReloadFailure::CompileErrors(diagnostics)) => {
                eprint!("{diagnostics}");
                say("Hot reload failed: the program has compile errors; nothing was changed.");
            }
        }
    }
}
