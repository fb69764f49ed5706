//! The `dartrs` command: parses the command line (clap) and hands each subcommand to the
//! VM library. It owns process concerns only: argument syntax, logging setup, exit codes.

mod observe;
mod timeline;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dartrs_vm::hot::ConsoleMode;
use dartrs_vm::snapshot::{SnapshotMode, SnapshotSource, SplitPaths};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dartrs",
    version = dartrs_vm::VERSION,
    about = "A Dart 3 virtual machine: debug (JIT, hot reload), profile and release (AOT) modes",
    disable_help_subcommand = false
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Dart program (`.dart` source, or an AOT snapshot with --release/--profile).
    Run(RunArgs),
    /// Compile a Dart program ahead of time.
    #[command(subcommand)]
    Compile(CompileCommand),
    /// Attach to a running program's VM service and record its timeline.
    Timeline(TimelineArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
    Debug,
    Profile,
    Release,
}

#[derive(Args)]
struct RunArgs {
    /// Debug mode: JIT-compile each function on first call, asserts on (the default).
    #[arg(long, conflicts_with_all = ["profile", "release"])]
    debug: bool,
    /// Profile mode: run the AOT snapshot with the VM service open.
    #[arg(long, conflicts_with_all = ["debug", "release"])]
    profile: bool,
    /// Release mode: run the AOT snapshot, no service.
    #[arg(long, conflicts_with_all = ["debug", "profile"])]
    release: bool,
    /// Print one line per compiled function: name, code bytes, compile time.
    #[arg(long)]
    trace_compiler: bool,
    /// Print one line per garbage collection.
    #[arg(long)]
    verbose_gc: bool,
    /// Collect garbage at every allocation (finds rooting bugs; slow).
    #[arg(long)]
    gc_stress: bool,
    /// Enable assert statements (always on in debug mode).
    #[arg(long)]
    enable_asserts: bool,
    /// Package resolution file (default: nearest .dart_tool/package_config.json).
    #[arg(long)]
    packages: Option<PathBuf>,
    /// Do not watch source files for hot reload.
    #[arg(long)]
    no_watch: bool,
    /// Do not start the interactive console.
    #[arg(long)]
    no_console: bool,
    /// Read console commands (r, R, h, c, d, q) one per line from stdin even when it is
    /// not a terminal (for scripts and tests).
    #[arg(long, conflicts_with = "no_console")]
    console_lines: bool,
    /// Release/profile: print where start-up time goes (map, decode, isolate set-up).
    #[arg(long, hide = true)]
    trace_startup: bool,
    /// Serve the Dart VM service (default port 8181 on 127.0.0.1; 0 picks a free port).
    #[arg(long, value_name = "PORT[/ADDRESS]", num_args = 0..=1, require_equals = true, default_missing_value = "")]
    observe: Option<String>,
    /// Serve the VM service without the random auth code in its URI.
    #[arg(long)]
    disable_service_auth_codes: bool,
    /// Write the VM service URI to this file as JSON (`{"uri": ...}`).
    #[arg(long, value_name = "FILE", require_equals = true)]
    write_service_info: Option<PathBuf>,
    /// Wait for a VM service client's `resume` before running main.
    #[arg(long)]
    pause_isolates_on_start: bool,
    /// Timeline streams recorded from the start, comma separated (e.g. Dart,GC; `all`).
    #[arg(long, value_name = "STREAMS", require_equals = true)]
    timeline_streams: Option<String>,
    /// Run split AOT artefacts from this directory (as the Flutter engine does:
    /// `vm_snapshot_data`, `vm_snapshot_instr`, `isolate_snapshot_data`,
    /// `isolate_snapshot_instr`); every positional argument goes to `main`.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["debug", "aot_shared_library_path"])]
    aot_snapshot_path: Option<PathBuf>,
    /// With --aot-snapshot-path: the VM data file's name (or path).
    #[arg(long, value_name = "FILE", requires = "aot_snapshot_path")]
    vm_snapshot_data: Option<PathBuf>,
    /// With --aot-snapshot-path: the VM instructions file's name (or path).
    #[arg(long, value_name = "FILE", requires = "aot_snapshot_path")]
    vm_snapshot_instr: Option<PathBuf>,
    /// With --aot-snapshot-path: the isolate data file's name (or path).
    #[arg(long, value_name = "FILE", requires = "aot_snapshot_path")]
    isolate_snapshot_data: Option<PathBuf>,
    /// With --aot-snapshot-path: the isolate instructions file's name (or path).
    #[arg(long, value_name = "FILE", requires = "aot_snapshot_path")]
    isolate_snapshot_instr: Option<PathBuf>,
    /// Run this AOT snapshot (the single ELF file); every positional argument goes to `main`.
    #[arg(long, value_name = "FILE", conflicts_with = "debug")]
    aot_shared_library_path: Option<PathBuf>,
    /// The program to run (not given with --aot-snapshot-path/--aot-shared-library-path).
    #[arg(required_unless_present_any = ["aot_snapshot_path", "aot_shared_library_path"])]
    script: Option<PathBuf>,
    /// Arguments passed to the program's `main`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

impl RunArgs {
    fn service_flags(&self) -> observe::ServiceFlags {
        observe::ServiceFlags {
            observe: self.observe.clone(),
            disable_auth_codes: self.disable_service_auth_codes,
            write_service_info: self.write_service_info.clone(),
            pause_isolates_on_start: self.pause_isolates_on_start,
        }
    }

    /// The snapshot named by --aot-snapshot-path / --aot-shared-library-path.
    fn named_snapshot(&self) -> Option<SnapshotSource> {
        if let Some(lib) = &self.aot_shared_library_path {
            return Some(SnapshotSource::file(lib));
        }
        let dir = self.aot_snapshot_path.as_ref()?;
        let mut paths = SplitPaths::in_dir(dir);
        let named = [
            (&self.vm_snapshot_data, &mut paths.vm_data),
            (&self.vm_snapshot_instr, &mut paths.vm_instructions),
            (&self.isolate_snapshot_data, &mut paths.isolate_data),
            (
                &self.isolate_snapshot_instr,
                &mut paths.isolate_instructions,
            ),
        ];
        for (name, path) in named {
            if let Some(name) = name {
                *path = dir.join(name);
            }
        }
        Some(SnapshotSource::Split(paths))
    }

    fn mode(&self) -> Mode {
        let names_snapshot =
            self.aot_snapshot_path.is_some() || self.aot_shared_library_path.is_some();
        if self.release || (names_snapshot && !self.profile) {
            Mode::Release
        } else if self.profile {
            Mode::Profile
        } else {
            Mode::Debug
        }
    }
}

#[derive(Subcommand)]
enum CompileCommand {
    /// Write an AOT snapshot (an ELF shared object with the four Dart snapshot symbols).
    AotSnapshot(CompileArgs),
    /// Write a standalone executable: the AOT runtime plus the snapshot.
    Exe(CompileArgs),
}

#[derive(Args)]
struct CompileArgs {
    /// The program to compile.
    script: PathBuf,
    /// Where to write the result (default: the script's name with `.aot` / `.exe`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Compile for profile mode (default: release).
    #[arg(long)]
    profile: bool,
    /// Keep assert statements (off in release and profile by default).
    #[arg(long)]
    enable_asserts: bool,
    /// Package resolution file (default: nearest .dart_tool/package_config.json).
    #[arg(long)]
    packages: Option<PathBuf>,
    /// Print one line per compiled function.
    #[arg(long)]
    trace_compiler: bool,
    /// Print the sizes of the snapshot's parts, as gen_snapshot does.
    #[arg(long)]
    print_snapshot_sizes: bool,
    /// Write per-function instruction sizes (library, class, name, size) as JSON.
    #[arg(long, value_name = "FILE")]
    analyze_size: Option<PathBuf>,
    /// aot-snapshot: write the four blobs as separate files into this directory, as the
    /// Flutter engine loads them (`vm_snapshot_data`, `vm_snapshot_instr`,
    /// `isolate_snapshot_data`, `isolate_snapshot_instr`).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    split: Option<PathBuf>,
}

impl CompileArgs {
    fn aot_options(&self) -> dartrs_vm::driver::AotOptions {
        dartrs_vm::driver::AotOptions {
            packages: self.packages.clone(),
            enable_asserts: self.enable_asserts,
            mode: if self.profile {
                SnapshotMode::Profile
            } else {
                SnapshotMode::Release
            },
            trace_compiler: self.trace_compiler,
            print_snapshot_sizes: self.print_snapshot_sizes,
            analyze_size: self.analyze_size.clone(),
        }
    }
}

#[derive(Args)]
struct TimelineArgs {
    /// The VM service URI printed by `dartrs run` (http://…/CODE/ or ws://…/CODE/ws).
    uri: String,
    /// Timeline streams to record, comma separated.
    #[arg(long, default_value = timeline::DEFAULT_STREAMS)]
    streams: String,
    /// Where to write the Chrome trace JSON.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Stop recording after this many seconds.
    #[arg(long)]
    duration: Option<f64>,
}

/// Exit code for a command line that makes no sense (sysexits' EX_USAGE).
const EXIT_USAGE: u8 = 64;

fn main() -> ExitCode {
    if let Some(code) = run_appended_snapshot() {
        return exit(code);
    }
    init_logging();
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run(args),
        Command::Compile(CompileCommand::AotSnapshot(args)) => match &args.split {
            Some(dir) => exit(dartrs_vm::driver::compile_split_snapshot(
                &args.script,
                dir,
                &args.aot_options(),
            )),
            None => exit(dartrs_vm::driver::compile_aot_snapshot(
                &args.script,
                args.output.as_deref(),
                &args.aot_options(),
            )),
        },
        Command::Compile(CompileCommand::Exe(args)) if args.split.is_some() => {
            eprintln!("dartrs: --split is for `compile aot-snapshot`; an executable is one file.");
            ExitCode::from(EXIT_USAGE)
        }
        Command::Compile(CompileCommand::Exe(args)) => exit(dartrs_vm::driver::compile_exe(
            &args.script,
            args.output.as_deref(),
            &args.aot_options(),
        )),
        Command::Timeline(args) => record_timeline(&args),
    }
}

fn record_timeline(args: &TimelineArgs) -> ExitCode {
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("trace.json"));
    let recording = timeline::Recording {
        uri: &args.uri,
        streams: args
            .streams
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        output: &output,
        duration: args
            .duration
            .filter(|d| d.is_finite() && *d >= 0.0)
            .map(std::time::Duration::from_secs_f64),
    };
    match timeline::record(&recording) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("dartrs timeline: {message}");
            ExitCode::FAILURE
        }
    }
}

/// An executable made by `dartrs compile exe` runs its snapshot with every argument
/// (as a `dart compile exe` binary does), in release mode.
fn run_appended_snapshot() -> Option<i32> {
    let exe = std::env::current_exe().ok()?;
    let source = dartrs_vm::snapshot::exe::appended_snapshot(&exe)?;
    let args = std::env::args().skip(1).collect();
    Some(dartrs_vm::snapshot::run_snapshot(
        &source,
        SnapshotMode::Release,
        args,
        &dartrs_vm::snapshot::AotRunOptions::default(),
    ))
}

fn exit(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Clap requires the script unless a snapshot is named; this is the message if that
/// ever stops holding.
fn missing_script() -> ExitCode {
    eprintln!("dartrs: no program to run: give a script or --aot-snapshot-path.");
    ExitCode::from(EXIT_USAGE)
}

fn run(args: RunArgs) -> ExitCode {
    let mut service = args.service_flags();
    if args.mode() == Mode::Release && !service.given().is_empty() {
        eprintln!(
            "dartrs: {} cannot be used with --release: release mode has no VM service (use --profile).",
            service.given().join(", ")
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // Profile mode always serves the VM service (port 8181 unless `--observe` says else).
    if args.mode() == Mode::Profile && service.observe.is_none() {
        service.observe = Some(String::new());
    }
    let config = match observe::service_config(&service) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("dartrs: {message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let observe = config.map(|config| dartrs_vm::service::ObserveOptions {
        config,
        service_info_file: args.write_service_info.clone(),
        pause_on_start: args.pause_isolates_on_start,
        flags: flag_list(&args),
    });
    let mode = match args.mode() {
        Mode::Debug => None,
        Mode::Profile => Some(SnapshotMode::Profile),
        Mode::Release => Some(SnapshotMode::Release),
    };
    if let Some(mode) = mode {
        let options = dartrs_vm::driver::AotOptions {
            packages: args.packages.clone(),
            enable_asserts: args.enable_asserts,
            mode,
            trace_compiler: args.trace_compiler,
            print_snapshot_sizes: false,
            analyze_size: None,
        };
        let run = dartrs_vm::snapshot::AotRunOptions {
            verbose_gc: args.verbose_gc,
            gc_stress: args.gc_stress,
            trace_startup: args.trace_startup,
            observe,
        };
        dartrs_vm::timeline::set_recorded_streams(&timeline_streams(&args));
        if let Some(source) = args.named_snapshot() {
            // No script: every positional argument is the program's.
            let program_args = args.script.iter().map(|s| s.display().to_string());
            let program_args = program_args.chain(args.args).collect();
            return exit(dartrs_vm::snapshot::run_snapshot(
                &source,
                mode,
                program_args,
                &run,
            ));
        }
        let Some(script) = &args.script else {
            return missing_script();
        };
        return exit(dartrs_vm::driver::run_aot(
            script, args.args, &options, &run,
        ));
    }
    let Some(script) = args.script.clone() else {
        return missing_script();
    };
    let options = dartrs_vm::driver::RunOptions {
        packages: args.packages.clone(),
        trace_compiler: args.trace_compiler,
        verbose_gc: args.verbose_gc,
        gc_stress: args.gc_stress,
        // Debug mode always runs asserts, as `dart run` in JIT mode with asserts enabled.
        enable_asserts: true,
        timeline_streams: timeline_streams(&args),
        observe,
    };
    // The hot-reload session (watching, console) is for an explicit `--debug`; a plain
    // `dartrs run` runs the program as `dart run` does.
    let console = if args.no_console {
        ConsoleMode::Off
    } else if args.console_lines {
        ConsoleMode::Lines
    } else if std::io::stdin().is_terminal() {
        ConsoleMode::Terminal
    } else {
        ConsoleMode::Off
    };
    // A plain `dartrs run` runs the program as `dart run` does; the session (watching,
    // console) is for an explicit `--debug`. With the VM service open the session also
    // runs, so `reloadSources` and the watcher reload the same isolate, one at a time.
    let hot = args.debug && (!args.no_watch || console != ConsoleMode::Off);
    if hot || options.observe.is_some() {
        let session = dartrs_vm::hot::SessionOptions {
            watch: args.debug && !args.no_watch,
            console: if args.debug {
                console
            } else {
                ConsoleMode::Off
            },
        };
        return exit(dartrs_vm::hot::run_session(
            &script, args.args, &options, &session,
        ));
    }
    exit(dartrs_vm::driver::run_debug(&script, args.args, &options))
}

fn timeline_streams(args: &RunArgs) -> Vec<String> {
    args.timeline_streams
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The flags `getFlagList` reports (the Dart VM's names for them).
fn flag_list(args: &RunArgs) -> Vec<dartrs_devtools_protocol::types::Flag> {
    use observe::flag;
    let streams = timeline_streams(args).join(",");
    vec![
        flag("enable_asserts", "Enable assert statements.", true, true),
        flag(
            "pause_isolates_on_start",
            "Pause isolates before starting.",
            args.pause_isolates_on_start,
            args.pause_isolates_on_start,
        ),
        flag(
            "timeline_streams",
            "Comma separated list of timeline streams to record.",
            &streams,
            !streams.is_empty(),
        ),
        flag(
            "trace_compiler",
            "Print one line per compiled function.",
            args.trace_compiler,
            args.trace_compiler,
        ),
        flag(
            "verbose_gc",
            "Print one line per garbage collection.",
            args.verbose_gc,
            args.verbose_gc,
        ),
        flag(
            "gc_stress",
            "Collect garbage at every allocation.",
            args.gc_stress,
            args.gc_stress,
        ),
    ]
}
