//! The interactive console: one command per line (`r`, `R`, `h`, `c`, `d`, `q`), read
//! with rustyline on a terminal, or as plain lines from stdin with `--console-lines`
//! (scripts and tests drive a session through a pipe that way).

use super::{Command, Commands};
use std::io::BufRead;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleMode {
    Off,
    /// rustyline on the terminal.
    Terminal,
    /// Lines from stdin, whatever it is.
    Lines,
}

/// The command a line asks for (its first non-blank character), if any.
pub fn parse(line: &str) -> Option<Command> {
    match line.trim() {
        "r" => Some(Command::Reload),
        "R" => Some(Command::Restart),
        "q" | "Q" => Some(Command::Quit),
        "h" | "?" => Some(Command::Help),
        "c" => Some(Command::Clear),
        "d" | "D" => Some(Command::Detach),
        _ => None,
    }
}

/// Starts the console thread for `mode` (none when `Off`).
pub fn start(mode: ConsoleMode, commands: Commands) {
    let spawned = match mode {
        ConsoleMode::Off => return,
        ConsoleMode::Terminal => std::thread::Builder::new()
            .name("dartrs-console".into())
            .spawn(move || terminal(commands)),
        ConsoleMode::Lines => std::thread::Builder::new()
            .name("dartrs-console".into())
            .spawn(move || lines(commands)),
    };
    if let Err(e) = spawned {
        eprintln!("dartrs: cannot start the console: {e}");
    }
}

fn send(commands: &Commands, line: &str) -> bool {
    match parse(line) {
        Some(c) => commands.send(c) && c != Command::Detach,
        None => true,
    }
}

fn terminal(commands: Commands) {
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("dartrs: cannot start the console: {e}");
            return;
        }
    };
    loop {
        match editor.readline("") {
            Ok(line) => {
                if !send(&commands, &line) {
                    return;
                }
            }
            Err(
                rustyline::error::ReadlineError::Interrupted | rustyline::error::ReadlineError::Eof,
            ) => {
                commands.send(Command::Quit);
                return;
            }
            Err(e) => {
                eprintln!("dartrs: console: {e}");
                return;
            }
        }
    }
}

fn lines(commands: Commands) {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else {
            return;
        };
        if !send(&commands, &line) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_single_letters() {
        assert_eq!(parse("r"), Some(Command::Reload));
        assert_eq!(parse(" R \n"), Some(Command::Restart));
        assert_eq!(parse("q"), Some(Command::Quit));
        assert_eq!(parse("h"), Some(Command::Help));
        assert_eq!(parse("c"), Some(Command::Clear));
        assert_eq!(parse("d"), Some(Command::Detach));
        assert_eq!(parse("reload"), None);
        assert_eq!(parse(""), None);
    }
}
