//! Source files and spans: the text the front end reads, and how a byte offset becomes
//! the `line:col` that every diagnostic and stack trace prints.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in a [`SourceMap`].
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct FileId(pub u32);

/// A half-open byte range `[start, end)` in one source file.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }

    /// The smallest span covering both `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One loaded source file.
#[derive(Debug)]
pub struct SourceFile {
    pub id: FileId,
    /// `file:///abs/path.dart` or `dart:core` etc.
    pub uri: String,
    /// Path as it should appear in diagnostics (relative to the working directory when the
    /// user named it that way, as the Dart front end prints it).
    pub display_path: String,
    /// Absolute path on disk, if the file came from disk.
    pub path: Option<PathBuf>,
    pub text: Arc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(
        id: FileId,
        uri: String,
        display_path: String,
        path: Option<PathBuf>,
        text: Arc<str>,
    ) -> Self {
        let mut line_starts = vec![0u32];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceFile {
            id,
            uri,
            display_path,
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (column counted in UTF-16 code units, as Dart does).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map(|s| s.encode_utf16().count())
            .unwrap_or(end - start);
        (line as u32 + 1, col as u32 + 1)
    }

    /// Text of the 1-based line `line`, without its line terminator.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start as usize..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// All files of one program, indexed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<Arc<SourceFile>>,
    /// Files below this id are from before a hot reload: the loader reads user files
    /// afresh (they may have changed) and reuses only the embedded `dart:` ones.
    stale_below: u32,
    /// For a file that a later version of the same URI replaced: where its unchanged
    /// text went (see [`SourceMap::resolve`]).
    forwards: Vec<Option<Forward>>,
}

/// How an older version of a file maps into its next version: text before `prefix`
/// is at the same offsets, text from `suffix_from` on moved by `delta`; the edited text
/// between has no counterpart.
#[derive(Debug, Clone, Copy)]
struct Forward {
    to: FileId,
    prefix: u32,
    suffix_from: u32,
    delta: i64,
}

impl Forward {
    fn between(old: &SourceFile, new: &SourceFile) -> Forward {
        let (a, b) = (old.text.as_bytes(), new.text.as_bytes());
        let (prefix, suffix) = unchanged_ends(a, b);
        Forward {
            to: new.id,
            prefix: prefix as u32,
            suffix_from: (a.len() - suffix) as u32,
            delta: b.len() as i64 - a.len() as i64,
        }
    }
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(
        &mut self,
        uri: String,
        display_path: String,
        path: Option<PathBuf>,
        text: Arc<str>,
    ) -> FileId {
        let id = FileId(self.files.len() as u32);
        let file = Arc::new(SourceFile::new(id, uri, display_path, path, text));
        if let Some(previous) = self.files.iter().rev().find(|f| f.uri == file.uri) {
            let forward = Forward::between(previous, &file);
            let at = previous.id.0 as usize;
            if self.forwards.len() <= at {
                self.forwards.resize(at + 1, None);
            }
            self.forwards[at] = Some(forward);
        }
        self.files.push(file);
        id
    }

    /// Where the text of `span` is in the newest version of its file: a hot reload may
    /// keep code (and its spans) of an older version whose text is unchanged but has
    /// moved. Stack traces and other positions shown to the user go through this; a
    /// span in text an edit changed stays in its own version.
    pub fn resolve(&self, mut span: Span) -> Span {
        while let Some(Some(f)) = self.forwards.get(span.file.0 as usize) {
            if span.end <= f.prefix {
                span.file = f.to;
            } else if span.start >= f.suffix_from {
                span = Span::new(
                    f.to,
                    (span.start as i64 + f.delta) as u32,
                    (span.end as i64 + f.delta) as u32,
                );
            } else {
                break;
            }
        }
        span
    }

    /// Adds a file from memory (tests, fuzzing); its URI is `file:///` + name.
    pub fn add_virtual(&mut self, name: &str, text: &str) -> FileId {
        self.add(
            format!("file:///{}", name.trim_start_matches('/')),
            name.to_string(),
            None,
            Arc::from(text),
        )
    }

    pub fn get(&self, id: FileId) -> &Arc<SourceFile> {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = &Arc<SourceFile>> {
        self.files.iter()
    }

    /// The newest file loaded from `uri` (see [`SourceMap::for_reload`]).
    pub fn find_by_uri(&self, uri: &str) -> Option<FileId> {
        self.files
            .iter()
            .rev()
            .find(|f| f.uri == uri && (f.id.0 >= self.stale_below || uri.starts_with("dart:")))
            .map(|f| f.id)
    }

    /// A copy to load a new version of the program into: old files keep their ids (so
    /// spans of code still running stay valid), user files will be read again.
    pub fn for_reload(&self) -> SourceMap {
        SourceMap {
            files: self.files.clone(),
            stale_below: self.files.len() as u32,
            forwards: self.forwards.clone(),
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The lengths of the common prefix and the common suffix of two versions of a text,
/// not overlapping (their sum is at most the shorter length): what an edit left alone.
pub fn unchanged_ends(old: &[u8], new: &[u8]) -> (usize, usize) {
    let prefix = old.iter().zip(new).take_while(|(x, y)| x == y).count();
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(old.len().min(new.len()) - prefix)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

/// `file://` URI for an absolute path.
pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_unchanged_text_resolve_to_the_newest_version() {
        let mut sources = SourceMap::new();
        let v0 = sources.add_virtual("a.dart", "int a;\nint b = 1;\nint c;\n");
        let v1 = sources.add_virtual("a.dart", "int a;\nint b = 22;\n\nint c;\n");
        let v2 = sources.add_virtual("a.dart", "int a;\nint b = 3;\n\nint c;\n");
        // `a` is before every edit, `c` after both, `b`'s initialiser was edited.
        assert_eq!(sources.resolve(Span::new(v0, 4, 5)), Span::new(v2, 4, 5));
        assert_eq!(
            sources.resolve(Span::new(v0, 22, 23)),
            Span::new(v2, 23, 24)
        );
        assert_eq!(sources.get(v2).line_col(23), (4, 5));
        assert_eq!(
            sources.resolve(Span::new(v0, 15, 16)),
            Span::new(v0, 15, 16)
        );
        assert_eq!(
            sources.resolve(Span::new(v1, 11, 12)),
            Span::new(v2, 11, 12)
        );
        // Another file is not a version of this one.
        let other = sources.add_virtual("b.dart", "int a;\n");
        assert_eq!(
            sources.resolve(Span::new(other, 4, 5)),
            Span::new(other, 4, 5)
        );
    }
}
