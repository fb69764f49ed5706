//! `dartrs-aot-runtime`: the AOT-only runtime, as the Dart SDK's `dartaotruntime`. It runs
//! a release snapshot (`dartrs-aot-runtime app.aot [args]`) or, as the runtime inside an
//! executable made by `dartrs compile exe`, the snapshot appended to its own file. It
//! calls nothing of the front end, the compiler or the VM service, so the linker leaves
//! those out; `dartrs compile exe` prefers it to copying the whole `dartrs`.

use std::process::ExitCode;

/// sysexits' EX_USAGE, as `dartrs` uses for a command line that makes no sense.
const EXIT_USAGE: u8 = 64;

fn main() -> ExitCode {
    let mut args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let appended = std::env::current_exe()
        .ok()
        .and_then(|exe| dartrs_vm::snapshot::exe::appended_snapshot(&exe));
    let code = match appended {
        Some(source) => dartrs_vm::snapshot::run_release_snapshot(&source, args.collect()),
        None => match args.next() {
            Some(path) if !path.starts_with('-') => {
                let source = dartrs_vm::snapshot::SnapshotSource::file(path.as_ref());
                dartrs_vm::snapshot::run_release_snapshot(&source, args.collect())
            }
            _ => {
                eprintln!("Usage: dartrs-aot-runtime <app.aot> [<arguments>]");
                eprintln!("Runs a release AOT snapshot made by `dartrs compile aot-snapshot`.");
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    ExitCode::from((code & 0xff) as u8)
}
