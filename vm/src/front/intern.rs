//! Interned identifier names: a `Symbol` is a `u32`, so the resolver and compiler compare
//! and hash names without touching string bytes. The table is process-wide and append-only
//! (names are never freed), which is what lets `Symbol::as_str` hand out `&'static str`.

use rustc_hash::FxHashMap;
use std::sync::{Mutex, OnceLock};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

struct Interner {
    /// Fx-hashed: the resolver interns names on its hot paths (a hot reload's latency).
    map: FxHashMap<&'static str, Symbol>,
    names: Vec<&'static str>,
}

fn interner() -> &'static Mutex<Interner> {
    static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();
    INTERNER.get_or_init(|| {
        Mutex::new(Interner {
            map: FxHashMap::default(),
            names: Vec::new(),
        })
    })
}

/// The names again, readable without the interner's lock: `as_str` is the resolver's
/// most frequent call, and a lock per name was a measurable part of a hot reload.
/// Segment `k` holds ids from `FIRST_SEGMENT * (2^k - 1)` on, `FIRST_SEGMENT * 2^k` of
/// them; segments are never moved or freed, and each entry is set once (under the lock,
/// before its symbol is handed out).
static NAMES: [OnceLock<Box<[OnceLock<&'static str>]>>; SEGMENTS] =
    [const { OnceLock::new() }; SEGMENTS];

const SEGMENTS: usize = 24;
const FIRST_SEGMENT: usize = 1024;

/// The segment and the index in it of symbol id `id`.
fn locate(id: u32) -> (usize, usize) {
    let blocks = id as usize / FIRST_SEGMENT + 1;
    let segment = (usize::BITS - 1 - blocks.leading_zeros()) as usize;
    (segment, id as usize - FIRST_SEGMENT * ((1 << segment) - 1))
}

fn publish(id: u32, name: &'static str) {
    let (segment, index) = locate(id);
    let Some(slots) = NAMES.get(segment) else {
        return; // beyond the segments: `as_str` falls back to the lock
    };
    let slots = slots.get_or_init(|| {
        (0..FIRST_SEGMENT << segment)
            .map(|_| OnceLock::new())
            .collect()
    });
    let _ = slots[index].set(name);
}

impl Symbol {
    pub fn intern(name: &str) -> Symbol {
        let mut table = interner()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(&sym) = table.map.get(name) {
            return sym;
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let sym = Symbol(table.names.len() as u32);
        table.names.push(leaked);
        table.map.insert(leaked, sym);
        publish(sym.0, leaked);
        sym
    }

    pub fn as_str(self) -> &'static str {
        let (segment, index) = locate(self.0);
        let published = NAMES
            .get(segment)
            .and_then(|s| s.get())
            .and_then(|slots| slots[index].get());
        if let Some(name) = published {
            return name;
        }
        let table = interner()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        table.names[self.0 as usize]
    }

    pub fn index(self) -> u32 {
        self.0
    }
}

/// Names the runtime compares against on hot paths, interned once.
pub struct WellKnown {
    pub call: Symbol,
    pub equals: Symbol,
    pub to_string: Symbol,
    pub index: Symbol,
    pub index_set: Symbol,
    pub length: Symbol,
}

pub fn well_known() -> &'static WellKnown {
    static WELL_KNOWN: OnceLock<WellKnown> = OnceLock::new();
    WELL_KNOWN.get_or_init(|| WellKnown {
        call: Symbol::intern("call"),
        equals: Symbol::intern("=="),
        to_string: Symbol::intern("toString"),
        index: Symbol::intern("[]"),
        index_set: Symbol::intern("[]="),
        length: Symbol::intern("length"),
    })
}

impl std::fmt::Debug for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Symbols travel (in AOT snapshots) as their text: ids are per process. Inside
/// [`with_ids_written`] and [`with_id_table`] they travel as ids instead, with the table of
/// names stored once beside them (the program cache, where decoding speed is the point:
/// interning every occurrence's text again costs more than the rest of the decoding).
impl serde::Serialize for Symbol {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if ID_CODEC.with(|c| matches!(*c.borrow(), IdCodec::Writing)) {
            s.serialize_u32(self.0)
        } else {
            s.serialize_str(self.as_str())
        }
    }
}

/// How symbols serialise on this thread.
enum IdCodec {
    Text,
    /// As process ids; [`names`] gives the table to store with them.
    Writing,
    /// As indices into this table (the names stored with the data, interned here).
    Reading(Vec<Symbol>),
}

thread_local! {
    static ID_CODEC: std::cell::RefCell<IdCodec> = const { std::cell::RefCell::new(IdCodec::Text) };
}

/// Puts the thread back to text symbols when dropped, also on unwinding.
struct CodecGuard;

impl Drop for CodecGuard {
    fn drop(&mut self) {
        ID_CODEC.with(|c| *c.borrow_mut() = IdCodec::Text);
    }
}

/// Runs `f` (a serialisation) with symbols written as ids; the reader needs [`names`]
/// taken after `f`.
pub fn with_ids_written<R>(f: impl FnOnce() -> R) -> R {
    ID_CODEC.with(|c| *c.borrow_mut() = IdCodec::Writing);
    let _guard = CodecGuard;
    f()
}

/// Runs `f` (a deserialisation) reading symbol ids as indices into `names` (as returned by
/// [`names`] in the writing process); an index outside it is a decoding error.
pub fn with_id_table<R>(names: &[&str], f: impl FnOnce() -> R) -> R {
    let table = names.iter().map(|n| Symbol::intern(n)).collect();
    ID_CODEC.with(|c| *c.borrow_mut() = IdCodec::Reading(table));
    let _guard = CodecGuard;
    f()
}

/// Every name interned so far, in id order: the table ids written by
/// [`with_ids_written`] index.
pub fn names() -> Vec<&'static str> {
    let table = interner()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    table.names.clone()
}

impl<'de> serde::Deserialize<'de> for Symbol {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Symbol, D::Error> {
        let by_id = ID_CODEC.with(|c| match &*c.borrow() {
            IdCodec::Reading(_) => true,
            IdCodec::Text | IdCodec::Writing => false,
        });
        if by_id {
            let id = <u32 as serde::Deserialize>::deserialize(d)?;
            return ID_CODEC
                .with(|c| match &*c.borrow() {
                    IdCodec::Reading(table) => table.get(id as usize).copied(),
                    IdCodec::Text | IdCodec::Writing => None,
                })
                .ok_or_else(|| serde::de::Error::custom("a name id outside the table"));
        }
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Symbol;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Symbol, E> {
                Ok(Symbol::intern(v))
            }
        }
        d.deserialize_str(Visit)
    }
}

impl From<&str> for Symbol {
    fn from(s: &str) -> Symbol {
        Symbol::intern(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_locate_in_growing_segments() {
        assert_eq!(locate(0), (0, 0));
        assert_eq!(locate(1023), (0, 1023));
        assert_eq!(locate(1024), (1, 0));
        assert_eq!(locate(3071), (1, 2047));
        assert_eq!(locate(3072), (2, 0));
        let many: Vec<Symbol> = (0..5000)
            .map(|i| Symbol::intern(&format!("n{i}")))
            .collect();
        for (i, s) in many.iter().enumerate() {
            assert_eq!(s.as_str(), format!("n{i}"));
        }
    }

    #[test]
    fn same_name_same_symbol() {
        let a = Symbol::intern("fooBar");
        let b = Symbol::intern("fooBar");
        assert_eq!(a, b);
        assert_ne!(a, Symbol::intern("fooBaz"));
        assert_eq!(a.as_str(), "fooBar");
    }

    #[test]
    fn ids_round_trip_through_the_name_table() {
        let syms = vec![Symbol::intern("alpha"), Symbol::intern("beta")];
        let bytes = with_ids_written(|| postcard::to_allocvec(&syms)).unwrap();
        let table = names();
        let back: Vec<Symbol> = with_id_table(&table, || postcard::from_bytes(&bytes)).unwrap();
        assert_eq!(back, syms);
        // Outside the codec, symbols are text again.
        let text = postcard::to_allocvec(&syms).unwrap();
        assert_ne!(text, bytes);
        // An id outside the table is an error, not a panic.
        let short: Result<Vec<Symbol>, _> = with_id_table(&[], || postcard::from_bytes(&bytes));
        assert!(short.is_err());
    }
}
