//! Interned identifier names: a `Symbol` is a `u32`, so the resolver and compiler compare
//! and hash names without touching string bytes. The table is process-wide and append-only
//! (names are never freed), which is what lets `Symbol::as_str` hand out `&'static str`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

struct Interner {
    map: HashMap<&'static str, Symbol>,
    names: Vec<&'static str>,
}

fn interner() -> &'static Mutex<Interner> {
    static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();
    INTERNER.get_or_init(|| {
        Mutex::new(Interner {
            map: HashMap::new(),
            names: Vec::new(),
        })
    })
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
        sym
    }

    pub fn as_str(self) -> &'static str {
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

/// Symbols travel (in AOT snapshots) as their text: ids are per process.
impl serde::Serialize for Symbol {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Symbol {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Symbol, D::Error> {
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
    fn same_name_same_symbol() {
        let a = Symbol::intern("fooBar");
        let b = Symbol::intern("fooBar");
        assert_eq!(a, b);
        assert_ne!(a, Symbol::intern("fooBaz"));
        assert_eq!(a.as_str(), "fooBar");
    }
}
