//! The VM's entry point for the command line: load and check a program, report
//! compile-time errors in the front end's format (exit code 254), then run it in an
//! isolate and return its exit code.

use crate::front::diagnostics::Diagnostics;
use crate::front::source::SourceMap;
use crate::kernel::loader::{load_program, LoadOptions};
use crate::runtime::isolate::IsolateOptions;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Exit code for a program with compile-time errors (as `dart run`).
pub const EXIT_COMPILE_ERROR: i32 = 254;

/// How to run a program in debug mode.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub packages: Option<PathBuf>,
    pub trace_compiler: bool,
    pub verbose_gc: bool,
    pub gc_stress: bool,
    pub enable_asserts: bool,
    /// Timeline streams recorded from the start (`--timeline-streams`).
    pub timeline_streams: Vec<String>,
    /// Serve the VM service while the program runs (`--observe`).
    #[cfg(feature = "service")]
    pub observe: Option<crate::service::ObserveOptions>,
}

/// Loads, checks and runs `script`; returns the process exit code.
pub fn run_debug(script: &Path, args: Vec<String>, options: &RunOptions) -> i32 {
    let mut sources = SourceMap::new();
    let mut diags = Diagnostics::new();
    let load = LoadOptions {
        packages: options.packages.clone(),
        enable_asserts: options.enable_asserts,
    };
    let program = load_program(script, &load, &mut sources, &mut diags);
    if diags.has_errors() || program.is_none() {
        eprint!("{}", diags.render(&sources));
        return EXIT_COMPILE_ERROR;
    }
    let Some(program) = program else {
        return EXIT_COMPILE_ERROR;
    };
    // Debugging aid: `DARTRS_DUMP_KERNEL=name` prints the IR of functions whose qualified
    // name contains `name` before running.
    if let Some(filter) = std::env::var_os("DARTRS_DUMP_KERNEL") {
        let filter = filter.to_string_lossy();
        for f in program
            .functions
            .iter()
            .filter(|f| f.qualified_name.contains(&*filter))
        {
            let mut out = String::new();
            crate::kernel::dump::dump_function(&mut out, &program, f, 0);
            eprintln!("{out}");
        }
    }
    let isolate_options = IsolateOptions {
        trace_compiler: options.trace_compiler,
        verbose_gc: options.verbose_gc,
        gc_stress: options.gc_stress,
        asserts: options.enable_asserts,
    };
    crate::timeline::set_recorded_streams(&options.timeline_streams);
    #[cfg(feature = "service")]
    if let Some(observe) = &options.observe {
        return run_observed(program, sources, isolate_options, args, observe);
    }
    crate::runtime::run::run_program(
        Arc::new(program),
        Arc::new(sources),
        isolate_options,
        args,
        None,
    )
}

/// Runs the program with the VM service open; returns the exit code.
#[cfg(feature = "service")]
fn run_observed(
    program: crate::kernel::ir::Program,
    sources: SourceMap,
    isolate_options: IsolateOptions,
    args: Vec<String>,
    observe: &crate::service::ObserveOptions,
) -> i32 {
    let factory = match crate::service::start(observe) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("dartrs: {e}");
            return EXIT_SERVICE_ERROR;
        }
    };
    let code = crate::runtime::run::run_program(
        Arc::new(program),
        Arc::new(sources),
        isolate_options,
        args,
        Some(factory),
    );
    crate::service::shutdown();
    code
}

/// Exit code when the VM service cannot start (e.g. its port is taken).
pub const EXIT_SERVICE_ERROR: i32 = 70;
