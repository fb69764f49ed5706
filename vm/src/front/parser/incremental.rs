//! Reparsing an edited file by top-level declarations: the declarations before and after
//! the edited text are taken from the file's previous syntax tree (moved to the new file
//! id, and by the edit's change of length after it); only the text between them is lexed
//! and parsed. A hot reload after a one-line edit of a large file then parses a few
//! lines instead of the file.
//!
//! The result must be exactly what parsing the whole new text gives (the unit tests
//! check that over many edits of the corpus). That holds when:
//! - the previous tree came from an error-free parse (the caller keeps only those);
//! - the directives and the reused leading declarations lie in the unchanged prefix, and
//!   the last of them ends with `;` or `}` (tokens that no following text can extend);
//! - the reused trailing declarations lie in the unchanged suffix, and the reparsed text
//!   before them ends with a line break and indentation, so no comment, string or token
//!   of the new text runs into them;
//! - the reparsed text lexes and parses on its own without any diagnostic and without
//!   directives, so its brackets balance and it ends outside any comment or string.
//!
//! Otherwise [`reparse`] gives up and the caller parses the whole file.

use super::{lexer, Parser};
use crate::front::ast::{CompilationUnit, Declaration, Directive};
use crate::front::diagnostics::Diagnostics;
use crate::front::source::{unchanged_ends, FileId, Span};
use crate::front::span_map::move_spans;

/// How much of the previous tree a reparse reused (for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    /// Declarations taken from before the edit.
    pub leading: usize,
    /// Declarations taken from after the edit.
    pub trailing: usize,
    /// Declarations parsed from the edited text.
    pub parsed: usize,
}

/// The tree of `new_text` (file `file`), built from `old`, the error-free tree of
/// `old_text`; `Err` gives `old` back when the edit does not allow it.
pub fn reparse(
    new_text: &str,
    file: FileId,
    old_text: &str,
    old: CompilationUnit,
) -> Result<(CompilationUnit, Reuse), CompilationUnit> {
    let Some(plan) = Plan::of(new_text.as_bytes(), old_text.as_bytes(), &old) else {
        return Err(old);
    };
    let Some(middle) = super::on_parser_stack(|| parse_middle(new_text, file, &plan)) else {
        return Err(old);
    };
    Ok(plan.assemble(old, middle, new_text.len(), file))
}

/// Which declarations of the old tree survive, and the new text between them.
struct Plan {
    /// Leading declarations kept (`old.declarations[..leading]`).
    leading: usize,
    /// First trailing declaration kept (`old.declarations[trailing..]`).
    trailing: usize,
    /// The reparsed byte range of the new text.
    from: usize,
    to: usize,
    /// New offset minus old offset of the text after the edit.
    delta: i64,
}

impl Plan {
    fn of(new: &[u8], old: &[u8], unit: &CompilationUnit) -> Option<Plan> {
        let (prefix, suffix) = unchanged_ends(old, new);
        let delta = new.len() as i64 - old.len() as i64;
        let decls = &unit.declarations;
        let directives_end = unit.directives.last().map_or(0, |d| directive_span(d).end) as usize;
        if directives_end > prefix || (directives_end > 0 && !ends_closed(old, directives_end)) {
            return None;
        }
        let mut leading = decls
            .iter()
            .take_while(|d| decl_range(d).1 <= prefix)
            .count();
        while leading > 0 && !ends_closed(old, decl_range(&decls[leading - 1]).1) {
            leading -= 1;
        }
        let from = match leading {
            0 => directives_end,
            n => decl_range(&decls[n - 1]).1,
        };
        let unchanged_from = old.len() - suffix;
        let trailing = (leading..decls.len())
            .find(|&i| {
                let start = decl_range(&decls[i]).0;
                start >= unchanged_from && starts_on_own_line(new, from, shifted(start, delta))
            })
            .unwrap_or(decls.len());
        let to = match decls.get(trailing) {
            Some(d) => shifted(decl_range(d).0, delta),
            None => new.len(),
        };
        (from <= to).then_some(Plan {
            leading,
            trailing,
            from,
            to,
            delta,
        })
    }

    /// The new tree: kept directives and leading declarations, the reparsed middle,
    /// the kept trailing declarations moved by the edit's change of length.
    fn assemble(
        &self,
        old: CompilationUnit,
        middle: Middle,
        new_len: usize,
        file: FileId,
    ) -> (CompilationUnit, Reuse) {
        let CompilationUnit {
            script_tag,
            mut directives,
            declarations,
            span: old_span,
            ..
        } = old;
        let old_count = declarations.len();
        let mut declarations = declarations;
        let mut trailing: Vec<Declaration> = declarations.drain(self.trailing..).collect();
        declarations.truncate(self.leading);
        move_spans(&mut directives, file, 0);
        move_spans(&mut declarations, file, 0);
        move_spans(&mut trailing, file, self.delta);
        let parsed = middle.declarations.len();
        let script_tag = if self.from == 0 {
            middle.script_tag
        } else {
            script_tag
        };
        let start = if self.from > 0 {
            old_span.start
        } else if let Some(s) = middle.first_token {
            s
        } else if let Some(d) = trailing.first() {
            decl_range(d).0 as u32
        } else {
            new_len as u32
        };
        let end = if self.trailing < old_count {
            shifted(old_span.end as usize, self.delta) as u32
        } else if let Some(e) = middle.last_token_end {
            e
        } else {
            self.from as u32
        };
        let reuse = Reuse {
            leading: declarations.len(),
            trailing: trailing.len(),
            parsed,
        };
        declarations.extend(middle.declarations);
        declarations.extend(trailing);
        let unit = CompilationUnit {
            file,
            script_tag,
            directives,
            declarations,
            span: Span::new(file, start, end.max(start)),
        };
        (unit, reuse)
    }
}

/// The reparsed text's declarations, already at their place in the new file.
struct Middle {
    declarations: Vec<Declaration>,
    script_tag: Option<String>,
    first_token: Option<u32>,
    last_token_end: Option<u32>,
}

/// Lexes and parses `new_text[plan.from..plan.to]` on its own; `None` on any diagnostic,
/// directive, or a script tag or byte order mark that is not at the start of the file.
fn parse_middle(new_text: &str, file: FileId, plan: &Plan) -> Option<Middle> {
    let text = new_text.get(plan.from..plan.to)?;
    if plan.from > 0 && (text.starts_with('\u{feff}') || text.starts_with("#!")) {
        return None;
    }
    let mut diags = Diagnostics::new();
    let lexed = lexer::lex(text, file, &mut diags);
    let real_tokens = lexed.tokens.len().saturating_sub(1);
    let first_token = lexed
        .tokens
        .first()
        .filter(|_| real_tokens > 0)
        .map(|t| t.start);
    let last_token_end = real_tokens.checked_sub(1).map(|i| lexed.tokens[i].end);
    if !diags.items.is_empty() || lexed.unmatched_brackets {
        return None;
    }
    let mut parser = Parser::new(text, file, lexed.tokens, &mut diags, false);
    let mut unit = parser.compilation_unit(lexed.script_tag);
    drop(parser);
    if !diags.items.is_empty() || !unit.directives.is_empty() {
        return None;
    }
    let base = plan.from as u32;
    move_spans(&mut unit.declarations, file, base as i64);
    Some(Middle {
        declarations: unit.declarations,
        script_tag: unit.script_tag,
        first_token: first_token.map(|s| s + base),
        last_token_end: last_token_end.map(|e| e + base),
    })
}

fn shifted(offset: usize, delta: i64) -> usize {
    (offset as i64 + delta) as usize
}

/// The text before `end` closes with `;` or `}`, which nothing after can extend.
fn ends_closed(text: &[u8], end: usize) -> bool {
    end > 0 && matches!(text.get(end - 1), Some(b';' | b'}'))
}

/// `at` begins a line of the reparsed text `text[from..at]` (after a line break and
/// only spaces or tabs), or that text is empty.
fn starts_on_own_line(text: &[u8], from: usize, at: usize) -> bool {
    if at == from {
        return true;
    }
    let Some(before) = text.get(from..at) else {
        return false;
    };
    let indent = before
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    before.len() > indent && before[before.len() - indent - 1] == b'\n'
}

/// A declaration's text: from its first annotation (or itself) to its end.
fn decl_range(d: &Declaration) -> (usize, usize) {
    let (metadata, span) = match d {
        Declaration::Class(c) => (&c.metadata, c.span),
        Declaration::Mixin(m) => (&m.metadata, m.span),
        Declaration::Extension(e) => (&e.metadata, e.span),
        Declaration::ExtensionType(e) => (&e.metadata, e.span),
        Declaration::Enum(e) => (&e.metadata, e.span),
        Declaration::Typedef(t) => (&t.metadata, t.span),
        Declaration::Function(f) => (&f.metadata, f.span),
        Declaration::Variables(v) => (&v.metadata, v.span),
    };
    let start = metadata
        .first()
        .map_or(span.start, |a| a.span.start.min(span.start));
    (start as usize, span.end as usize)
}

fn directive_span(d: &Directive) -> Span {
    match d {
        Directive::Library { span, .. }
        | Directive::Import { span, .. }
        | Directive::Export { span, .. }
        | Directive::Part { span, .. }
        | Directive::PartOf { span, .. } => *span,
    }
}

#[cfg(test)]
mod tests;
