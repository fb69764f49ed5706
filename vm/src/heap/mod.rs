//! The garbage-collected heap of one isolate.
//!
//! Three kinds of memory: a *nursery* where objects are born, an *old space* (a Cheney
//! semispace) where the survivors of a scavenge are promoted, and an *immortal* space for
//! objects that exist as long as the program does (null, true, false, compile-time
//! constants). Immortal objects are immutable and only refer to other immortal objects, so
//! they are never roots and never traced. A scavenge copies the nursery's survivors into
//! the old space, using the write barrier's remembered set (`barrier`) as extra roots; a
//! full collection copies everything live into a fresh old space, which grows or shrinks
//! (returning memory) with the live data. The collector is precise: the caller hands it
//! every root slot (frames, statics, handles) and it rewrites them.
//!
//! Generated code allocates through the bump pointer `top`/`end` pair that the thread
//! mirrors; Rust code allocates with [`Heap::try_allocate`] and collects through the
//! isolate, which knows the roots.

pub mod barrier;

use crate::runtime::object::{
    cid_is_raw, header_cid, header_hash, header_is_forwarded, header_with_hash, make_header,
    object_size_words, Value, REMEMBERED_BIT,
};
use std::collections::HashMap;

/// The root set, as the collector asks for it: a function that calls its argument once
/// for every root slot.
pub type RootVisitor<'a> = &'a mut dyn FnMut(&mut dyn FnMut(&mut u64));

/// The nursery, where every small object starts. Survivors of a scavenge are promoted
/// to the old space at once (no aging): most objects die young, and promotion keeps the
/// nursery empty after every collection, so the remembered set can be dropped then.
const NURSERY_WORDS: usize = 512 * 1024; // 4 MiB
/// Objects this large are allocated in the old space directly.
const LARGE_OBJECT_WORDS: usize = NURSERY_WORDS / 8;
const MIN_OLD_WORDS: usize = 256 * 1024; // 2 MiB
const IMMORTAL_CHUNK_WORDS: usize = 64 * 1024;

/// A contiguous collected space. Its memory is an anonymous mapping, not a `Vec`: the
/// kernel hands out zeroed pages lazily, where a large `vec![0; n]` reused from the
/// allocator's arena is cleared with a memset of the whole space (4 MiB for every
/// nursery, which dominated spawning an isolate).
struct Space {
    map: memmap2::MmapMut,
    words: usize,
}

impl Space {
    fn new(words: usize) -> Space {
        let map = memmap2::MmapMut::map_anon(words.max(1) * 8).unwrap_or_else(|e| {
            panic!("dartrs: out of memory for a heap space of {words} words: {e}")
        });
        Space { map, words }
    }
    fn len(&self) -> usize {
        self.words
    }
    fn words_mut(&mut self) -> &mut [u64] {
        // SAFETY: the mapping is page-aligned (so 8-byte aligned), `words * 8` bytes long,
        // readable and writable, and borrowed mutably here.
        unsafe { std::slice::from_raw_parts_mut(self.map.as_mut_ptr() as *mut u64, self.words) }
    }
    fn words(&self) -> &[u64] {
        // SAFETY: as for `words_mut`, borrowed shared.
        unsafe { std::slice::from_raw_parts(self.map.as_ptr() as *const u64, self.words) }
    }
    fn start(&self) -> *mut u64 {
        self.map.as_ptr() as *mut u64
    }
    fn end(&self) -> *mut u64 {
        // SAFETY: one past the end of the allocation.
        unsafe { self.start().add(self.words) }
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

/// Which collection ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GcKind {
    /// Nursery survivors promoted to the old space.
    Scavenge,
    /// Nursery and old space copied into a fresh old space.
    Full,
}

/// Statistics of one collection, for `--verbose-gc` and the timeline.
#[derive(Debug, Clone, Copy)]
pub struct GcStats {
    pub kind: GcKind,
    pub before_bytes: usize,
    pub after_bytes: usize,
    pub capacity_bytes: usize,
    pub micros: u64,
}

/// A generational heap: a nursery that generated code and Rust code bump-allocate in, an
/// old space (a Cheney semispace, collected in full when it runs short), and the immortal
/// space. Stores of nursery objects into objects outside it are recorded by the write
/// barrier (`barrier`), whose store buffer is the scavenge's extra roots.
pub struct Heap {
    nursery: Space,
    /// Allocation pointer into the nursery (next free word) and its limit; generated code
    /// bumps a copy of these through the thread block.
    pub top: *mut u64,
    pub end: *mut u64,
    old: Space,
    old_top: *mut u64,
    /// The other old semispace, kept between full collections so they do not allocate.
    spare: Option<Space>,
    /// Objects outside the nursery that may point into it (each with `REMEMBERED_BIT`).
    store_buffer: Vec<u64>,
    immortal: Vec<Box<[u64]>>,
    immortal_used: usize,
    pub collections: u64,
    pub full_collections: u64,
    /// Under `--gc-stress`: collect in full every this many collections (0 = as needed).
    pub full_every: u64,
}

// SAFETY: the raw pointers point into memory owned by this struct.
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        barrier::uninstall(&mut self.store_buffer);
    }
}

impl Heap {
    pub fn new() -> Heap {
        let nursery = Space::new(NURSERY_WORDS);
        let old = Space::new(MIN_OLD_WORDS);
        let (top, end, old_top) = (nursery.start(), nursery.end(), old.start());
        Heap {
            nursery,
            top,
            end,
            old,
            old_top,
            spare: None,
            store_buffer: Vec::new(),
            immortal: Vec::new(),
            immortal_used: IMMORTAL_CHUNK_WORDS,
            collections: 0,
            full_collections: 0,
            full_every: 0,
        }
    }

    /// Makes this heap the one the current thread's write barrier records into. The heap
    /// must not move afterwards (the isolate keeps it in its box).
    pub fn install_barrier(&mut self) {
        // SAFETY: the store buffer lives as long as the heap, which uninstalls it on drop
        // and (per this function's contract) does not move.
        unsafe {
            barrier::install(
                self.nursery.start() as u64,
                self.nursery.end() as u64,
                &mut self.store_buffer,
            )
        }
    }

    /// Where generated code's inline barrier finds the nursery: its start and size.
    pub fn nursery_bounds(&self) -> (u64, u64) {
        (self.nursery.start() as u64, (NURSERY_WORDS * 8) as u64)
    }

    /// The slow path of generated code's barrier: records `object`.
    ///
    /// # Safety
    /// `object` must be a live heap object.
    pub unsafe fn remember(&mut self, object: Value) {
        // SAFETY: per the caller.
        unsafe { barrier::remember(object, &mut self.store_buffer) }
    }

    /// Allocates `size_words` (header included): small objects in the nursery, large ones
    /// in the old space; `None` when a collection is needed first. The header is written;
    /// the body is zeroed (Smi 0), which is a valid value for every tagged slot.
    pub fn try_allocate(&mut self, cid: u32, size_words: usize) -> Option<Value> {
        let (top, end) = if size_words > LARGE_OBJECT_WORDS {
            (&mut self.old_top, self.old.end())
        } else {
            (&mut self.top, self.end)
        };
        let available = (end as usize - *top as usize) / 8;
        if size_words > available {
            return None;
        }
        let obj = *top;
        // SAFETY: [obj, obj + size_words) is free memory inside the space.
        unsafe {
            *top = obj.add(size_words);
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

    fn young_bytes(&self) -> usize {
        self.top as usize - self.nursery.start() as usize
    }

    fn old_bytes(&self) -> usize {
        self.old_top as usize - self.old.start() as usize
    }

    pub fn used_bytes(&self) -> usize {
        self.young_bytes() + self.old_bytes()
    }

    pub fn capacity_bytes(&self) -> usize {
        (self.nursery.len() + self.old.len()) * 8
    }

    /// Whether `v` points into the collected spaces (as opposed to immortal or a Smi).
    pub fn is_movable(&self, v: Value) -> bool {
        v.is_heap() && (self.nursery.contains(v.addr()) || self.old.contains(v.addr()))
    }

    /// Collects so that `need_words` can be allocated: a scavenge when the old space can
    /// take every nursery object, a full collection otherwise. `visit_roots` must call
    /// its argument once for every root slot.
    pub fn collect(&mut self, need_words: usize, visit_roots: RootVisitor) -> GcStats {
        self.collect_morphing(need_words, visit_roots, None)
    }

    /// A collection that also migrates instances to new shapes (see [`Morph`]); morphing
    /// always collects in full.
    pub fn collect_morphing(
        &mut self,
        need_words: usize,
        visit_roots: RootVisitor,
        morph: Option<&Morph>,
    ) -> GcStats {
        let started = std::time::Instant::now();
        let before = self.used_bytes();
        let old_free = self.old.end() as usize - self.old_top as usize;
        let stress_full = self.full_every > 0 && (self.collections + 1) % self.full_every == 0;
        let kind = if need_words <= LARGE_OBJECT_WORDS
            && old_free >= self.young_bytes()
            && !stress_full
            && morph.is_none()
        {
            self.scavenge(visit_roots);
            GcKind::Scavenge
        } else {
            self.full(need_words, visit_roots, morph);
            self.full_collections += 1;
            GcKind::Full
        };
        self.collections += 1;
        GcStats {
            kind,
            before_bytes: before,
            after_bytes: self.used_bytes(),
            capacity_bytes: self.capacity_bytes(),
            micros: started.elapsed().as_micros() as u64,
        }
    }

    /// Promotes the nursery's survivors (reachable from the roots or from remembered
    /// objects) to the old space, which has room for all of them.
    fn scavenge(&mut self, visit_roots: RootVisitor) {
        #[cfg(debug_assertions)]
        if let Err(problem) = self.check_remembered_set() {
            panic!("write barrier missed a store: {problem}");
        }
        let nursery = &self.nursery;
        let scan_from = self.old_top;
        let free = std::cell::Cell::new(self.old_top);
        let mut forward = |slot: &mut u64| {
            let mut f = free.get();
            // SAFETY: the old space has room for every nursery object (checked by
            // `collect`), and `slot` holds a valid value.
            unsafe { *slot = evacuate(nursery, &mut f, Value(*slot), None).0 };
            free.set(f);
        };
        visit_roots(&mut forward);
        for &object in &self.store_buffer {
            // SAFETY: remembered objects are live objects outside the nursery.
            unsafe {
                let obj = Value(object).addr();
                *obj &= !REMEMBERED_BIT;
                for_each_slot(obj, &mut forward);
            }
        }
        let mut scan = scan_from;
        while scan < free.get() {
            // SAFETY: `scan` walks the headers of objects just promoted.
            unsafe {
                for_each_slot(scan, &mut forward);
                scan = scan.add(object_size_words(scan, *scan));
            }
        }
        self.store_buffer.clear();
        self.old_top = free.get();
        self.top = self.nursery.start();
    }

    /// Copies everything reachable (from the nursery and the old space) into a fresh old
    /// space sized for the live data plus `need_words`, then empties the nursery.
    fn full(&mut self, need_words: usize, visit_roots: RootVisitor, morph: Option<&Morph>) {
        let capacity = self.old.len() + NURSERY_WORDS + morph.map_or(0, |m| m.extra_words(self));
        let mut to = match self.spare.take() {
            Some(s) if s.len() >= capacity => s,
            _ => Space::new(capacity),
        };
        // Remembered immortal objects (which should not point into the heap at all) are
        // kept consistent as roots; remembered old objects are copied if reachable.
        let remembered = std::mem::take(&mut self.store_buffer);
        let live = {
            let (nursery, old) = (&self.nursery, &self.old);
            let mut roots = |visit: &mut dyn FnMut(&mut u64)| {
                visit_roots(visit);
                for &object in &remembered {
                    let obj = Value(object).addr();
                    if !nursery.contains(obj) && !old.contains(obj) {
                        // SAFETY: a live immortal object.
                        unsafe {
                            *obj &= !REMEMBERED_BIT;
                            for_each_slot(obj, visit);
                        }
                    }
                }
            };
            copy_live(&[nursery, old], &mut to, &mut roots, morph)
        };
        // Room for twice the live data, the request and one worst-case scavenge: grow
        // when tighter, shrink (returning memory) when the space is four times that.
        let target = (2 * live / 8 + need_words + NURSERY_WORDS).max(MIN_OLD_WORDS);
        if target > to.len() || target * 4 < to.len() {
            let mut resized = Space::new(target);
            resized.words_mut()[..live / 8].copy_from_slice(&to.words()[..live / 8]);
            relocate(&to, &resized, live, visit_roots);
            self.spare = None;
            self.old = resized;
        } else {
            let previous = std::mem::replace(&mut self.old, to);
            self.spare = Some(previous);
        }
        self.old_top = (self.old.start() as usize + live) as *mut u64;
        self.top = self.nursery.start();
    }

    /// Debug builds, before a scavenge: every object outside the nursery that points into
    /// it is remembered (the write barrier did not miss a store).
    #[cfg(debug_assertions)]
    fn check_remembered_set(&self) -> Result<(), String> {
        let nursery = &self.nursery;
        let mut problem = None;
        let mut check = |obj: *mut u64| {
            // SAFETY: `obj` is an object start in the old space.
            unsafe {
                let remembered = *obj & REMEMBERED_BIT != 0;
                for_each_slot(obj, &mut |slot| {
                    let v = Value(*slot);
                    if !remembered && v.is_heap() && nursery.contains(v.addr()) {
                        problem.get_or_insert(format!(
                            "old object {:?} (class {}) points to nursery object {v:?}",
                            Value::from_addr(obj),
                            header_cid(*obj)
                        ));
                    }
                });
            }
        };
        walk(self.old.start(), self.old_top, &mut check);
        problem.map_or(Ok(()), Err)
    }

    /// Checks the heap's invariants (debug builds run this after every collection): every
    /// object has a known-sized header, and every tagged slot holds a Smi, an immortal
    /// object, or the start of an object in a collected space.
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
            // SAFETY: as above.
            unsafe {
                for_each_slot(v.addr(), &mut |slot| {
                    let s = Value(*slot);
                    if self.is_movable(s) && !starts.contains(&s.0) {
                        problem.get_or_insert(format!(
                            "a slot of {v:?} (class {cid}) points into the middle of an object: {s:?}"
                        ));
                    }
                });
            }
        });
        problem.map_or(Ok(()), Err)
    }

    /// Walks all objects in the collected spaces (verification, heap census).
    pub fn for_each_object(&self, mut f: impl FnMut(Value)) {
        let mut visit = |p: *mut u64| f(Value::from_addr(p));
        walk(self.old.start(), self.old_top, &mut visit);
        walk(self.nursery.start(), self.top, &mut visit);
    }
}

/// Calls `f` with every object start in `[from, to)`.
fn walk(from: *mut u64, to: *mut u64, f: &mut dyn FnMut(*mut u64)) {
    let mut p = from;
    while p < to {
        f(p);
        // SAFETY: p points at an object header written by the allocator or a collection.
        p = unsafe { p.add(object_size_words(p, *p).max(1)) };
    }
}

/// Calls `f` with each tagged slot of the object at `obj` (none for raw classes).
///
/// # Safety
/// `obj` must be a live, not forwarded object.
unsafe fn for_each_slot(obj: *mut u64, f: &mut dyn FnMut(&mut u64)) {
    // SAFETY: per the caller; the size comes from the header or the length slot.
    unsafe {
        let h = *obj;
        if cid_is_raw(header_cid(h)) {
            return;
        }
        let size = object_size_words(obj, h);
        for i in 1..size {
            f(&mut *obj.add(i));
        }
    }
}

/// Cheney's algorithm: copies the objects reachable from the roots that live in `from`
/// into `to`, rewriting the roots; returns the bytes copied.
fn copy_live(
    from: &[&Space],
    to: &mut Space,
    visit_roots: RootVisitor,
    morph: Option<&Morph>,
) -> usize {
    let mut scan = to.start();
    let free = std::cell::Cell::new(to.start());
    let mut forward = |slot: &mut u64| {
        let mut f = free.get();
        // SAFETY: `to` is at least as large as all of `from`, so it holds every live object.
        unsafe { *slot = evacuate_any(from, &mut f, Value(*slot), morph).0 };
        free.set(f);
    };
    visit_roots(&mut forward);
    while scan < free.get() {
        // SAFETY: `scan` walks object headers in `to`, each written by evacuate.
        unsafe {
            for_each_slot(scan, &mut forward);
            scan = scan.add(object_size_words(scan, *scan));
        }
    }
    free.get() as usize - to.start() as usize
}

/// [`evacuate`] from whichever of `spaces` holds `v`.
///
/// # Safety
/// As for [`evacuate`].
unsafe fn evacuate_any(
    spaces: &[&Space],
    free: &mut *mut u64,
    v: Value,
    morph: Option<&Morph>,
) -> Value {
    if !v.is_heap() {
        return v;
    }
    match spaces.iter().find(|s| s.contains(v.addr())) {
        // SAFETY: per the caller.
        Some(space) => unsafe { evacuate(space, free, v, morph) },
        None => v,
    }
}

/// Copies `v` to `*free` unless it is a Smi, outside `from`, or already copied, in its
/// new shape when `morph` reshapes its class. The copy is not remembered (it starts with
/// no pointers into the nursery it left).
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
        *new &= !REMEMBERED_BIT;
        *free = new.add(size);
        *obj = new as u64 | 1;
        Value::from_addr(new)
    }
}

/// After moving the to-space's contents to another space, rewrites the roots and every
/// interior pointer by the constant displacement between the two spaces.
fn relocate(old: &Space, new: &Space, live: usize, visit_roots: RootVisitor) {
    let delta = new.start() as i64 - old.start() as i64;
    let old_start = old.start() as u64;
    let old_live_end = old_start + live as u64;
    let mut fix = |w: &mut u64| {
        if *w & 1 == 1 && *w >= old_start && *w < old_live_end {
            *w = (*w as i64 + delta) as u64;
        }
    };
    visit_roots(&mut fix);
    let end = (new.start() as usize + live) as *mut u64;
    walk(new.start(), end, &mut |p| {
        // SAFETY: p is an object just copied into `new`.
        unsafe { for_each_slot(p, &mut fix) }
    });
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
    fn scavenge_keeps_what_only_a_remembered_old_object_reaches() {
        let mut heap = Heap::new();
        heap.install_barrier();
        let holder = heap.try_allocate(CID_ARRAY, 3).expect("room");
        let mut root = holder.0;
        // Promote the holder: it is now an old object.
        let stats = heap.collect(0, &mut |visit| visit(&mut root));
        assert_eq!(stats.kind, GcKind::Scavenge);
        let holder = Value(root);
        assert!(!heap.nursery.contains(holder.addr()));
        let young = heap.try_allocate(CID_MINT, 2).expect("room");
        // SAFETY: both objects are live with these sizes; set_slot runs the barrier.
        unsafe {
            young.set_slot(0, 42);
            holder.set_slot(1, young.0);
            assert_ne!(holder.header() & REMEMBERED_BIT, 0);
        }
        // The holder is the only root: the young object survives through the store buffer.
        heap.collect(0, &mut |visit| visit(&mut root));
        // SAFETY: the holder's slot 1 now points at the promoted Mint.
        unsafe {
            let moved = Value(Value(root).slot(1));
            assert!(heap.is_movable(moved));
            assert!(!heap.nursery.contains(moved.addr()));
            assert_eq!(moved.slot(0), 42);
            assert_eq!(Value(root).header() & REMEMBERED_BIT, 0);
        }
        barrier::uninstall(&mut heap.store_buffer);
    }

    #[test]
    fn large_objects_start_in_the_old_space() {
        let mut heap = Heap::new();
        let big = heap
            .try_allocate(CID_ARRAY, LARGE_OBJECT_WORDS + 1)
            .expect("room");
        assert!(heap.old.contains(big.addr()));
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
