//! The garbage-collected heap of one isolate.
//!
//! Two kinds of memory: a *semispace* (Cheney copying collector) where every object the
//! program allocates lives, and an *immortal* space for objects that exist as long as the
//! program does (null, true, false, compile-time constants). Immortal objects are
//! immutable and only refer to other immortal objects, so they are never roots and never
//! traced. The collector is precise: the caller hands it every root slot (frames, statics,
//! handles) and it rewrites them to the objects' new addresses. Copying gives compaction
//! and returns memory when garbage dies (the semispaces shrink when live data is small).
//!
//! Generated code allocates through the bump pointer `top`/`end` pair that the thread
//! mirrors; Rust code allocates with [`Heap::try_allocate`] and collects through the
//! isolate, which knows the roots.

use crate::runtime::object::{
    cid_is_raw, header_cid, header_hash, header_is_forwarded, header_with_hash, make_header,
    object_size_words, Value,
};
use std::collections::HashMap;

/// The root set, as the collector asks for it: a function that calls its argument once
/// for every root slot.
pub type RootVisitor<'a> = &'a mut dyn FnMut(&mut dyn FnMut(&mut u64));

const MIN_SEMISPACE_WORDS: usize = 256 * 1024; // 2 MiB
const IMMORTAL_CHUNK_WORDS: usize = 64 * 1024;

struct Space {
    mem: Vec<u64>,
}

impl Space {
    fn new(words: usize) -> Space {
        Space {
            mem: vec![0; words],
        }
    }
    fn start(&self) -> *mut u64 {
        self.mem.as_ptr() as *mut u64
    }
    fn end(&self) -> *mut u64 {
        // SAFETY: one past the end of the allocation.
        unsafe { self.start().add(self.mem.len()) }
    }
    fn contains(&self, p: *mut u64) -> bool {
        p >= self.start() && p < self.end()
    }
}

/// How instances of some classes change shape in one collection (hot reload): by class
/// id, the new size in words (header included) and where each slot's value comes from.
/// The collector copies such an instance into its new shape, so every reference to it
/// (roots and other objects) ends up pointing at the migrated copy.
#[derive(Debug, Default)]
pub struct Morph {
    pub classes: HashMap<u32, Vec<MorphSlot>>,
}

#[derive(Debug, Clone, Copy)]
pub enum MorphSlot {
    /// Slot `i` (0-based, after the header) of the old instance; null when it had none.
    Old(usize, u64),
    /// A fixed value (an immortal constant, or null).
    Value(u64),
}

impl Morph {
    /// Words the collected space must grow by for every instance to fit its new shape.
    pub fn extra_words(&self, heap: &Heap) -> usize {
        let mut extra = 0;
        heap.for_each_object(|v| {
            // SAFETY: `v` is an object start found by the heap walk.
            let h = unsafe { v.header() };
            if let Some(slots) = self.classes.get(&header_cid(h)) {
                // SAFETY: as above.
                let old = unsafe { object_size_words(v.addr(), h) };
                extra += (slots.len() + 1).saturating_sub(old);
            }
        });
        extra
    }
}

/// Statistics of one collection, for `--verbose-gc` and the timeline.
#[derive(Debug, Clone, Copy)]
pub struct GcStats {
    pub before_bytes: usize,
    pub after_bytes: usize,
    pub capacity_bytes: usize,
    pub micros: u64,
}

pub struct Heap {
    active: Space,
    /// The other semispace, kept between collections so a collection does not allocate.
    spare: Option<Space>,
    /// Allocation pointer into `active` (next free word) and its limit.
    pub top: *mut u64,
    pub end: *mut u64,
    immortal: Vec<Box<[u64]>>,
    immortal_used: usize,
    pub collections: u64,
}

// SAFETY: the raw pointers point into memory owned by this struct.
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        let active = Space::new(MIN_SEMISPACE_WORDS);
        let (top, end) = (active.start(), active.end());
        Heap {
            active,
            spare: None,
            top,
            end,
            immortal: Vec::new(),
            immortal_used: IMMORTAL_CHUNK_WORDS,
            collections: 0,
        }
    }

    /// Bump-allocates `size_words` (header included) in the semispace, or `None` when a
    /// collection is needed first. The header is written; the body is zeroed (Smi 0),
    /// which is a valid value for every tagged slot.
    pub fn try_allocate(&mut self, cid: u32, size_words: usize) -> Option<Value> {
        let available = (self.end as usize - self.top as usize) / 8;
        if size_words > available {
            return None;
        }
        let obj = self.top;
        // SAFETY: [obj, obj + size_words) is free memory inside the active space.
        unsafe {
            self.top = obj.add(size_words);
            obj.write(make_header(cid, size_words));
            std::ptr::write_bytes(obj.add(1), 0, size_words - 1);
        }
        Some(Value::from_addr(obj))
    }

    /// Allocates an object that is never collected or moved (constants, null, booleans).
    pub fn allocate_immortal(&mut self, cid: u32, size_words: usize) -> Value {
        if self.immortal_used + size_words > self.immortal.last().map_or(0, |c| c.len()) {
            let words = size_words.max(IMMORTAL_CHUNK_WORDS);
            self.immortal.push(vec![0u64; words].into_boxed_slice());
            self.immortal_used = 0;
        }
        let chunk = self.immortal.last_mut().expect("chunk pushed above");
        let obj = &mut chunk[self.immortal_used..self.immortal_used + size_words];
        obj[0] = make_header(cid, size_words);
        self.immortal_used += size_words;
        Value::from_addr(obj.as_mut_ptr())
    }

    pub fn used_bytes(&self) -> usize {
        self.top as usize - self.active.start() as usize
    }

    pub fn capacity_bytes(&self) -> usize {
        self.active.mem.len() * 8
    }

    /// Whether `v` points into the collected space (as opposed to immortal or a Smi).
    pub fn is_movable(&self, v: Value) -> bool {
        v.is_heap() && self.active.contains(v.addr())
    }

    /// Copies every object reachable from the roots into a fresh semispace big enough to
    /// hold them plus `need_words`, then rewrites the roots. `visit_roots` must call its
    /// argument once for every root slot.
    pub fn collect(&mut self, need_words: usize, visit_roots: RootVisitor) -> GcStats {
        self.collect_morphing(need_words, visit_roots, None)
    }

    /// A collection that also migrates instances to new shapes (see [`Morph`]).
    pub fn collect_morphing(
        &mut self,
        need_words: usize,
        visit_roots: RootVisitor,
        morph: Option<&Morph>,
    ) -> GcStats {
        let started = std::time::Instant::now();
        let before = self.used_bytes();
        // The spare space is as large as the active one (plus what morphing adds), so
        // everything fits even if it all survives.
        let capacity = self.active.mem.len() + morph.map_or(0, |m| m.extra_words(self));
        let mut to = match self.spare.take() {
            Some(s) if s.mem.len() >= capacity => s,
            _ => Space::new(capacity),
        };
        let live = copy_live(&self.active, &mut to, visit_roots, morph);
        // Aim for three times the live data free after the request: grow when tighter,
        // shrink (returning memory) when the space is more than four times that.
        let target = ((live / 8 + need_words) * 3).max(MIN_SEMISPACE_WORDS);
        if target > to.mem.len() || target * 4 < to.mem.len() {
            let mut resized = Space::new(target);
            resized.mem[..live / 8].copy_from_slice(&to.mem[..live / 8]);
            relocate_roots(&to, &resized, live, visit_roots);
            self.spare = None;
            self.active = resized;
        } else {
            let old = std::mem::replace(&mut self.active, to);
            self.spare = Some(old);
        }
        self.top = (self.active.start() as usize + live) as *mut u64;
        self.end = self.active.end();
        self.collections += 1;
        GcStats {
            before_bytes: before,
            after_bytes: live,
            capacity_bytes: self.capacity_bytes(),
            micros: started.elapsed().as_micros() as u64,
        }
    }

    /// Checks the heap's invariants (debug builds run this after every collection): every
    /// object has a known-sized header, and every tagged slot holds a Smi, an immortal
    /// object, or the start of an object in the collected space.
    pub fn verify(&self, is_known_cid: impl Fn(u32) -> bool) -> Result<(), String> {
        let mut starts = std::collections::HashSet::new();
        self.for_each_object(|v| {
            starts.insert(v.0);
        });
        let mut problem = None;
        self.for_each_object(|v| {
            // SAFETY: `v` is an object start found by the walk above.
            let h = unsafe { v.header() };
            let cid = header_cid(h);
            if header_is_forwarded(h) || !is_known_cid(cid) {
                problem.get_or_insert(format!("object {v:?} has a bad header {h:#x}"));
                return;
            }
            if cid_is_raw(cid) {
                return;
            }
            // SAFETY: as above; the size comes from the header or the length slot.
            let size = unsafe { object_size_words(v.addr(), h) };
            for i in 0..size - 1 {
                // SAFETY: i < size - 1 slots follow the header.
                let slot = Value(unsafe { v.slot(i) });
                if slot.is_heap() && self.active.contains(slot.addr()) && !starts.contains(&slot.0) {
                    problem.get_or_insert(format!("slot {i} of {v:?} (class {cid}) points into the middle of an object: {slot:?}"));
                }
            }
        });
        problem.map_or(Ok(()), Err)
    }

    /// Walks all objects in the collected space, calling `f` with each (heap verification).
    pub fn for_each_object(&self, mut f: impl FnMut(Value)) {
        let mut p = self.active.start();
        while p < self.top {
            f(Value::from_addr(p));
            // SAFETY: p points at an object header written by try_allocate.
            p = unsafe { p.add(object_size_words(p, *p).max(1)) };
        }
    }
}

/// Cheney's algorithm: copies the objects reachable from the roots from `from` into
/// `to`, rewriting the roots; returns the bytes copied.
fn copy_live(
    from: &Space,
    to: &mut Space,
    visit_roots: RootVisitor,
    morph: Option<&Morph>,
) -> usize {
    let mut scan = to.start();
    let mut free = to.start();
    let mut forward = |slot: &mut u64| {
        // SAFETY: `to` is at least as large as `from` (plus morphing growth), so it can
        // hold every live object.
        unsafe { *slot = evacuate(from, &mut free, Value(*slot), morph).0 };
    };
    visit_roots(&mut forward);
    while scan < free {
        // SAFETY: `scan` walks object headers in `to`, each written by evacuate.
        unsafe {
            let h = *scan;
            let size = object_size_words(scan, h);
            if !cid_is_raw(header_cid(h)) {
                for i in 1..size {
                    let slot = &mut *scan.add(i);
                    *slot = evacuate(from, &mut free, Value(*slot), morph).0;
                }
            }
            scan = scan.add(size);
        }
    }
    free as usize - to.start() as usize
}

/// Copies `v` into `to` (at `*free`) unless it is a Smi, immortal, or already copied.
///
/// # Safety
/// `*free` must have room for the object; `v` must be a valid value.
unsafe fn evacuate(from: &Space, free: &mut *mut u64, v: Value, morph: Option<&Morph>) -> Value {
    if !v.is_heap() || !from.contains(v.addr()) {
        return v;
    }
    let obj = v.addr();
    // SAFETY: obj is a live object in from-space.
    unsafe {
        let h = *obj;
        if header_is_forwarded(h) {
            return Value::from_addr((h & !1) as *mut u64);
        }
        let size = object_size_words(obj, h);
        let new = *free;
        if let Some(slots) = morph.and_then(|m| m.classes.get(&header_cid(h))) {
            let new_size = slots.len() + 1;
            new.write(header_with_hash(
                make_header(header_cid(h), new_size),
                header_hash(h),
            ));
            for (i, s) in slots.iter().enumerate() {
                let value = match *s {
                    MorphSlot::Old(j, _) if j + 1 < size => *obj.add(1 + j),
                    MorphSlot::Old(_, null) => null,
                    MorphSlot::Value(v) => v,
                };
                new.add(1 + i).write(value);
            }
            *free = new.add(new_size);
            *obj = new as u64 | 1;
            return Value::from_addr(new);
        }
        std::ptr::copy_nonoverlapping(obj, new, size);
        *free = new.add(size);
        *obj = new as u64 | 1;
        Value::from_addr(new)
    }
}

/// After moving the to-space's contents to a smaller space, rewrites the roots and every
/// interior pointer by the constant displacement between the two spaces.
fn relocate_roots(old: &Space, new: &Space, live: usize, visit_roots: RootVisitor) {
    let delta = new.start() as i64 - old.start() as i64;
    let old_start = old.start() as u64;
    let old_live_end = old_start + live as u64;
    let fix = |w: &mut u64| {
        if *w & 1 == 1 && *w >= old_start && *w < old_live_end {
            *w = (*w as i64 + delta) as u64;
        }
    };
    visit_roots(&mut |slot| fix(slot));
    let mut p = new.start();
    let end = (new.start() as usize + live) as *mut u64;
    while p < end {
        // SAFETY: p walks the headers of the objects just copied into `new`.
        unsafe {
            let size = object_size_words(p, *p);
            if !cid_is_raw(header_cid(*p)) {
                for i in 1..size {
                    fix(&mut *p.add(i));
                }
            }
            p = p.add(size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::object::{CID_ARRAY, CID_MINT};

    #[test]
    fn collection_keeps_reachable_and_drops_garbage() {
        let mut heap = Heap::new();
        let keep = heap.try_allocate(CID_ARRAY, 3).expect("room");
        let inner = heap.try_allocate(CID_MINT, 2).expect("room");
        // SAFETY: both objects were just allocated with these sizes.
        unsafe {
            inner.set_slot(0, 0xdead_beef);
            keep.set_slot(0, Value::smi(1).0);
            keep.set_slot(1, inner.0);
        }
        for _ in 0..1000 {
            heap.try_allocate(CID_MINT, 2).expect("room");
        }
        let mut root = keep.0;
        let stats = heap.collect(0, &mut |visit| visit(&mut root));
        assert_eq!(stats.after_bytes, (3 + 2) * 8);
        let moved = Value(root);
        // SAFETY: `moved` is the relocated array; its slot 1 the relocated Mint.
        unsafe {
            assert_eq!(Value(moved.slot(0)).smi_value(), 1);
            let inner2 = Value(moved.slot(1));
            assert_eq!(inner2.slot(0), 0xdead_beef);
        }
    }

    #[test]
    fn immortal_objects_are_not_moved() {
        let mut heap = Heap::new();
        let imm = heap.allocate_immortal(CID_MINT, 2);
        let mut root = imm.0;
        heap.collect(0, &mut |visit| visit(&mut root));
        assert_eq!(root, imm.0);
        assert!(!heap.is_movable(imm));
    }
}
