//! Incremental reparsing must give exactly the tree a full parse gives: every program
//! of the language corpus is edited many times (deterministic pseudo-random splices of
//! syntax fragments and of its own text) and each successful reparse is compared with
//! a full parse of the same text.

use super::*;
use crate::front::parser::parse_compilation_unit;
use crate::front::source::SourceMap;

fn full_parse(text: &str) -> (CompilationUnit, bool, SourceMap, FileId) {
    let mut sources = SourceMap::new();
    let file = sources.add_virtual("edited.dart", text);
    let mut diags = Diagnostics::new();
    let unit = parse_compilation_unit(&sources, file, &mut diags);
    (unit, diags.items.is_empty(), sources, file)
}

/// A small deterministic generator (the tests must not depend on a seed from outside).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

const FRAGMENTS: &[&str] = &[
    "",
    "x",
    "1",
    ";",
    "}",
    "{",
    "(",
    "/*",
    "*/",
    "// c",
    "'",
    "'''",
    "\n",
    " ",
    "\nint added = 0;\n",
    "\nvoid added() {}\n",
    "\n@pragma('x')\n",
    "\nclass Added {}\n",
    "import 'dart:math';\n",
    "${",
    "r'",
    "\u{feff}",
    "#!x\n",
    "=> 1;",
    "\n  ",
];

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One edit of `text`: a range replaced by a fragment or by a range of `text` itself.
fn edit(text: &str, rng: &mut Lcg) -> String {
    let at = char_boundary(text, rng.next(text.len() + 1));
    let len = [0, 1, 3, 10, 40][rng.next(5)];
    let end = char_boundary(text, (at + len).min(text.len()));
    let insert = if rng.next(3) == 0 {
        let from = char_boundary(text, rng.next(text.len() + 1));
        let to = char_boundary(text, (from + rng.next(60)).min(text.len()));
        text[from..to].to_string()
    } else {
        FRAGMENTS[rng.next(FRAGMENTS.len())].to_string()
    };
    format!("{}{}{}", &text[..at], insert, &text[end..])
}

fn corpus() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/language");
    let mut texts = Vec::new();
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return texts;
    };
    let mut paths: Vec<_> = dirs
        .flatten()
        .filter_map(|d| std::fs::read_dir(d.path()).ok())
        .flat_map(|files| files.flatten().map(|f| f.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "dart"))
        .collect();
    paths.sort();
    for p in paths {
        if let Ok(text) = std::fs::read_to_string(&p) {
            texts.push(text);
        }
    }
    texts
}

#[test]
fn reparse_equals_full_parse_over_edits_of_the_corpus() {
    let texts = corpus();
    assert!(texts.len() > 100, "the language corpus was not found");
    let mut rng = Lcg(0x5eed);
    let (mut valid, mut reused, mut partial) = (0, 0, 0);
    for text in &texts {
        let (old, ok, _, _) = full_parse(text);
        if !ok {
            continue;
        }
        for _ in 0..12 {
            let new_text = edit(text, &mut rng);
            let (full, full_ok, _, file) = full_parse(&new_text);
            valid += full_ok as usize;
            let Ok((unit, reuse)) = reparse(&new_text, file, text, old.clone()) else {
                continue;
            };
            assert!(
                full_ok,
                "a reparse succeeded where the full parse has errors:\n{new_text}"
            );
            assert_eq!(
                unit, full,
                "the trees differ after editing into:\n{new_text}"
            );
            reused += 1;
            if reuse.leading + reuse.trailing > 0 {
                partial += 1;
            }
        }
    }
    // Most edits that leave a valid program are reparsed, most reusing declarations.
    eprintln!("{reused} of {valid} valid edits reparsed, {partial} reusing declarations");
    assert!(
        reused * 3 > valid * 2,
        "only {reused} of {valid} valid edits were reparsed"
    );
    assert!(
        partial * 2 > reused,
        "only {partial} of {reused} reused declarations"
    );
}

#[test]
fn a_body_edit_reparses_one_declaration() {
    let old_text = "int a() => 1;\n\nint b() {\n  return 2;\n}\n\nint c() => 3;\n";
    let new_text = old_text.replace("return 2;", "return 2 + 20;");
    let (old, ok, _, _) = full_parse(old_text);
    assert!(ok);
    let (full, _, _, file) = full_parse(&new_text);
    let (unit, reuse) = reparse(&new_text, file, old_text, old).expect("reparsed");
    assert_eq!(
        reuse,
        Reuse {
            leading: 1,
            trailing: 1,
            parsed: 1
        }
    );
    assert_eq!(unit, full);
}

#[test]
fn text_running_into_a_kept_declaration_is_reparsed() {
    // The edit opens a comment on the line before `c`: `c` is commented out.
    let old_text = "int a() => 1;\nint b() => 2;\nint c() => 3;\n";
    let new_text = "int a() => 1;\nint b() => 2; /*\nint c() => 3;\n*/\n";
    let (old, _, _, _) = full_parse(old_text);
    let (full, ok, _, file) = full_parse(new_text);
    assert!(ok);
    let (unit, reuse) = reparse(new_text, file, old_text, old).expect("reparsed");
    assert_eq!(reuse.trailing, 0);
    assert_eq!(unit, full);
}

#[test]
fn a_line_comment_before_a_kept_declaration_refuses_reuse() {
    let old_text = "int a() => 1;\nint b() => 2;\n";
    let new_text = "int a() => 1; // int b() => 2;\n";
    let (old, _, _, _) = full_parse(old_text);
    let (full, _, _, file) = full_parse(new_text);
    if let Ok((unit, _)) = reparse(new_text, file, old_text, old) {
        assert_eq!(unit, full);
    }
}
