//! Robustness: the lexer and parser must terminate without panicking on any input —
//! arbitrary bytes, random token soup, mutated corpus files — and pathological nesting
//! must become a `Nesting too deep.` diagnostic rather than a native stack overflow.

use std::path::Path;

use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::parser::parse_compilation_unit;
use dartrs_vm::front::source::SourceMap;
use proptest::prelude::*;

/// Parses `src` and renders its diagnostics (rendering is exercised too: it must cope with
/// any span the parser produces).
fn parse(src: &str) -> String {
    let mut sources = SourceMap::new();
    let file = sources.add_virtual("fuzz.dart", src);
    let mut diags = Diagnostics::new();
    let _ = parse_compilation_unit(&sources, file, &mut diags);
    diags.render(&sources)
}

/// Runs `f` on a thread with a 2 MiB stack, the size of an ordinary test or worker
/// thread, so deep-nesting tests prove the parser fits in it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("parser thread must not crash")
}

const TOKENS: &[&str] = &[
    "class",
    "C",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    ">>",
    ">>>",
    "=",
    "==",
    ";",
    ",",
    ".",
    "..",
    "?..",
    "...",
    "...?",
    "?",
    "?.",
    "??",
    "??=",
    ":",
    "=>",
    "+",
    "-",
    "*",
    "/",
    "~/",
    "!",
    "~",
    "&&",
    "||",
    "is",
    "as",
    "var",
    "final",
    "const",
    "late",
    "int",
    "x",
    "y",
    "f",
    "if",
    "else",
    "for",
    "in",
    "while",
    "do",
    "switch",
    "case",
    "default",
    "when",
    "return",
    "yield",
    "await",
    "async",
    "sync",
    "try",
    "catch",
    "on",
    "finally",
    "throw",
    "new",
    "this",
    "super",
    "get",
    "set",
    "operator",
    "static",
    "factory",
    "enum",
    "mixin",
    "extension",
    "type",
    "typedef",
    "Function",
    "void",
    "import",
    "export",
    "part",
    "of",
    "library",
    "show",
    "hide",
    "@",
    "#",
    "1",
    "0x1F",
    "1.5e3",
    "'s'",
    "\"d\"",
    "'a$x'",
    "'${x}'",
    "r'raw'",
    "'''m'''",
    "_",
    "required",
    "covariant",
    "extends",
    "with",
    "implements",
    "sealed",
    "base",
    "interface",
    "abstract",
    "external",
    "break",
    "continue",
    "assert",
    "rethrow",
    "null",
    "true",
    "false",
    "/*",
    "*/",
    "//",
    "\n",
    "${",
    "$",
    "'",
    "\"",
    "\\",
];

fn corpus_files() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "dart"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus file"))
        .collect()
}

/// Applies byte-level edits (delete, duplicate, insert a token) at char boundaries.
fn mutate(src: &str, edits: &[(usize, u8, usize)]) -> String {
    let mut s = src.to_string();
    for &(at, op, tok) in edits {
        if s.is_empty() {
            s.push_str(TOKENS[tok % TOKENS.len()]);
            continue;
        }
        let mut i = at % s.len();
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        let mut j = (i + 1 + tok % 7).min(s.len());
        while !s.is_char_boundary(j) {
            j += 1;
        }
        match op % 3 {
            0 => s.replace_range(i..j, ""),
            1 => {
                let piece = s[i..j].to_string();
                s.insert_str(i, &piece);
            }
            _ => s.insert_str(i, TOKENS[tok % TOKENS.len()]),
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        parse(&text);
    }

    #[test]
    fn token_soup_never_panics(
        toks in proptest::collection::vec(0..TOKENS.len(), 0..250),
        spaced in any::<bool>(),
    ) {
        let words: Vec<&str> = toks.iter().map(|&i| TOKENS[i]).collect();
        parse(&words.join(if spaced { " " } else { "" }));
    }

    #[test]
    fn mutated_corpus_never_panics(
        file in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..6),
    ) {
        let files = corpus_files();
        let src = &files[file % files.len()];
        parse(&mutate(src, &edits));
    }
}

/// `(prefix, open, middle, close, suffix)`: repeating `open`/`close` nests one construct
/// inside itself.
const NESTERS: &[(&str, &str, &str, &str, &str)] = &[
    ("var x = ", "(", "1", ")", ";"),
    ("var x = ", "[", "1", "]", ";"),
    ("var x = ", "{", "1", "}", ";"),
    ("var x = ", "-", "1", "", ";"),
    ("var x = ", "!", "1", "", ";"),
    ("var x = ", "a ? b : ", "c", "", ";"),
    ("var x = ", "a = ", "b", "", ";"),
    ("var x = ", "() => ", "1", "", ";"),
    ("var x = ", "f(", "1", ")", ";"),
    ("var x = ", "[...", "[]", "]", ";"),
    ("var x = ", "[if (c) ", "1", "]", ";"),
    ("var x = ", "\"${", "1", "}\"", ";"),
    ("var x = ", "(a, ", "1", ")", ";"),
    ("var x = ", "await ", "1", "", ";"),
    ("var x = ", "throw ", "1", "", ";"),
    ("var x = ", "switch (x) { _ => ", "1", "}", ";"),
    ("void main() ", "{", "", "}", ";"),
    ("void main() { ", "if (x) ", ";", "", ";"),
    ("void main() { ", "while (x) ", ";", "", ";"),
    ("void main() { switch (x) { case ", "[", "1", "]", ";"),
    ("void main() { if (x case ", "(", "1", ")", ";"),
    ("", "List<", "int", ">", " x;"),
    ("", "Function(", "int", ")", " x;"),
    ("", "(", "int", ",)", " x;"),
];

#[test]
fn deep_nesting_reports_instead_of_crashing() {
    for &(prefix, open, middle, close, suffix) in NESTERS {
        for depth in [100_000usize] {
            let src = format!(
                "{prefix}{}{middle}{}{suffix}",
                open.repeat(depth),
                close.repeat(depth)
            );
            let out = on_small_stack(move || parse(&src));
            assert!(
                out.contains("Nesting too deep."),
                "{open:?} x {depth}: expected a nesting diagnostic, got {}",
                &out[..out.len().min(300)]
            );
        }
    }
}

#[test]
fn moderate_nesting_is_fine() {
    for &(prefix, open, middle, close, suffix) in NESTERS {
        let src = format!(
            "{prefix}{}{middle}{}{suffix}",
            open.repeat(60),
            close.repeat(60)
        );
        let out = on_small_stack(move || parse(&src));
        assert!(!out.contains("Nesting too deep."), "{open:?}: {out}");
    }
}

#[test]
fn unbalanced_inputs_terminate() {
    for src in [
        "(".repeat(50_000),
        ")".repeat(50_000),
        "{".repeat(50_000),
        "}".repeat(50_000),
        "[(".repeat(30_000),
        "'${".repeat(30_000),
        "/*".repeat(30_000),
        "<".repeat(50_000),
        ">".repeat(50_000),
        "class C { ".repeat(10_000),
        "f(a b c d e ".repeat(10_000),
    ] {
        on_small_stack(move || parse(&src));
    }
}
