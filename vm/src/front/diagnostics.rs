//! Compile-time diagnostics in the Dart front end's format:
//! `path:line:col: Error: message`, the source line, and a caret line under the span.

use super::source::{SourceMap, Span};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Context,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Extra located notes ("Context: ..."), printed after the main message.
    pub context: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            context: Vec::new(),
        }
    }

    pub fn with_context(mut self, span: Span, message: impl Into<String>) -> Self {
        self.context.push((span, message.into()));
        self
    }
}

/// Where diagnostics accumulate during a compilation.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.items.push(Diagnostic::error(span, message));
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Renders every diagnostic, in order, as the Dart front end prints them.
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        for d in &self.items {
            render_one(&mut out, sources, d.severity, d.span, &d.message);
            for (span, msg) in &d.context {
                render_one(&mut out, sources, Severity::Context, *span, msg);
            }
        }
        out
    }
}

fn render_one(
    out: &mut String,
    sources: &SourceMap,
    severity: Severity,
    span: Span,
    message: &str,
) {
    let file = sources.get(span.file);
    let (line, col) = file.line_col(span.start);
    let label = match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Context => "Context",
    };
    let _ = writeln!(
        out,
        "{}:{}:{}: {}: {}",
        file.display_path, line, col, label, message
    );
    let text = file.line_text(line);
    if text.is_empty() && span.start as usize >= file.text.len() {
        return;
    }
    let _ = writeln!(out, "{}", text);
    let width = caret_width(text, col, span);
    let _ = writeln!(out, "{}{}", " ".repeat(col as usize - 1), "^".repeat(width));
}

/// Carets cover the span on its first line, at least one.
fn caret_width(line_text: &str, col: u32, span: Span) -> usize {
    let rest: usize = line_text
        .encode_utf16()
        .count()
        .saturating_sub(col as usize - 1);
    (span.len() as usize).min(rest).max(1)
}
