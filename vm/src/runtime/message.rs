//! Messages between isolates: a copy of an object graph in a thread-neutral Rust form.
//!
//! Sending ([`export`]) walks the graph in the sender's heap and records every object as
//! plain data — class id, identity hash, and each slot as a [`Word`] — so no heap pointer,
//! handle or isolate-local id ever crosses a thread. Receiving ([`import`]) allocates the
//! objects in the receiver's heap and links them, so cycles and sharing survive.
//!
//! Both isolates run the same program, so class ids, field slots and kernel function ids
//! mean the same on both sides. What is numbered per isolate is translated through a
//! description: type-argument vectors (runtime type trees), record shapes, synthetic
//! entries (tear-off forwarders and accessor stubs, numbered lazily), constants (shared
//! as the Dart VM shares canonical objects: the receiver uses its own canonical copy, so
//! enum values stay identical), canonical static tear-offs and `Type` objects. A stack
//! trace travels as its text. Maps and sets are re-indexed on arrival (hash codes by
//! identity differ between isolates), as the Dart VM rehashes them.
//!
//! Objects the Dart VM refuses to send (receive ports, futures, completers, stream
//! controllers and subscriptions, timers, suspended frames) make [`export`] fail with the
//! VM's `Illegal argument in isolate message` text.

use super::isolate::{Isolate, IsolatePtr, Pending, SyntheticEntry};
use super::layout::*;
use super::object::*;
use super::rtt::{RtSig, RtType, RtTypeId, TypeArgsId};
use crate::front::intern::Symbol;
use crate::kernel::ir::{ClassId, ConstId, FunctionId, RecordShape};
use std::collections::HashMap;

/// One slot of a copied object.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Word {
    /// A Smi (or any non-pointer word), verbatim.
    Smi(u64),
    Null,
    True,
    False,
    /// The VM's internal marker (map tombstones).
    Sentinel,
    /// Another object of the message, by index.
    Ref(u32),
    /// A type-argument vector, by index into `Message::vectors`.
    TypeArgs(u32),
    /// A record shape, by index into `Message::shapes`.
    Shape(u32),
    /// A closure's entry, by index into `Message::entries`.
    Entry(u32),
    /// A program constant (the receiver uses its own canonical copy).
    Const(u32),
    /// The canonical tear-off of a static function.
    TearOff(u32),
    /// A canonical `Type` object, by index into `Message::types`.
    TypeObject(u32),
}

#[derive(Clone, Debug)]
enum Body {
    /// The words after the header of a raw object (numbers, strings), verbatim.
    Raw(Vec<u64>),
    Slots(Vec<Word>),
    /// A stack trace, as the text it prints.
    StackTrace(String),
}

#[derive(Clone, Debug)]
struct Obj {
    cid: u32,
    hash: u32,
    body: Body,
}

/// A closure's entry: a kernel function, or a synthetic entry by what it is.
#[derive(Clone, Debug, PartialEq)]
enum EntryDesc {
    Function(u32),
    Forwarder { target: FunctionId, bound: bool },
    Getter(u32),
    Setter(u32),
    Identity,
}

/// A runtime type, independent of any isolate's type table.
#[derive(Clone, Debug, PartialEq)]
enum TypeDesc {
    Dynamic,
    Void,
    Never,
    Null,
    Interface {
        class: ClassId,
        args: Vec<TypeDesc>,
        nullable: bool,
    },
    Function {
        sig: Option<Box<SigDesc>>,
        nullable: bool,
    },
    Record {
        nullable: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct SigDesc {
    ret: TypeDesc,
    positional: Vec<TypeDesc>,
    required: u32,
    named: Vec<(Symbol, TypeDesc, bool)>,
}

/// A copied object graph (see the module doc); `Send`, holds no pointer into any heap.
#[derive(Clone, Debug)]
pub struct Message {
    objects: Vec<Obj>,
    root: Word,
    vectors: Vec<Vec<TypeDesc>>,
    shapes: Vec<RecordShape>,
    entries: Vec<EntryDesc>,
    types: Vec<TypeDesc>,
    consts: Vec<ConstId>,
}

/// Why a value cannot be sent.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    /// The Dart VM refuses this object: the ArgumentError's message.
    Illegal(String),
    /// dartrs cannot copy this yet (the program stops with this text).
    Unsupported(String),
}

/// Classes of the core libraries the Dart VM marks `vm:isolate-unsendable` (or refuses
/// natively): (library, class).
const UNSENDABLE: &[(&str, &str)] = &[
    ("dart:isolate", "_RawReceivePort"),
    ("dart:isolate", "_ReceivePortImpl"),
    ("dart:async", "_Future"),
    ("dart:async", "_AsyncCompleter"),
    ("dart:async", "_SyncCompleter"),
    ("dart:async", "_Timer"),
    ("dart:async", "_SuspendState"),
    ("dart:async", "_StreamController"),
    ("dart:async", "_AsyncStreamController"),
    ("dart:async", "_SyncStreamController"),
    ("dart:async", "_BroadcastStreamController"),
    ("dart:async", "_AsyncBroadcastStreamController"),
    ("dart:async", "_SyncBroadcastStreamController"),
    ("dart:async", "_AsBroadcastStreamController"),
    ("dart:async", "_BufferingStreamSubscription"),
    ("dart:async", "_ControllerSubscription"),
    ("dart:async", "_BroadcastSubscription"),
    ("dart:async", "_ControllerStream"),
    ("dart:async", "_BroadcastStream"),
    ("dart:async", "_StreamIterator"),
];

impl Message {
    /// A message of one string list, built without a heap (error reports to `onError`).
    pub fn strings(items: &[String]) -> Message {
        let mut objects = Vec::with_capacity(items.len() + 2);
        let mut elements = Vec::with_capacity(items.len());
        for s in items {
            elements.push(Word::Ref(objects.len() as u32));
            objects.push(string_obj(s));
        }
        let n = items.len() as u64;
        let mut array = vec![Word::Smi(Value::smi(n as i64).0), Word::Smi(0)];
        array.extend(elements);
        let array_index = objects.len() as u32;
        objects.push(Obj {
            cid: CID_ARRAY,
            hash: 0,
            body: Body::Slots(array),
        });
        objects.push(Obj {
            cid: CID_GROWABLE_LIST,
            hash: 0,
            body: Body::Slots(vec![
                Word::Smi(Value::smi(n as i64).0),
                Word::Ref(array_index),
                Word::Smi(0),
            ]),
        });
        Message {
            root: Word::Ref(objects.len() as u32 - 1),
            objects,
            ..Message::null()
        }
    }

    /// The message of one string.
    pub fn string(s: &str) -> Message {
        Message {
            objects: vec![string_obj(s)],
            root: Word::Ref(0),
            ..Message::null()
        }
    }

    /// The message `null`.
    pub fn null() -> Message {
        Message {
            objects: Vec::new(),
            root: Word::Null,
            vectors: Vec::new(),
            shapes: Vec::new(),
            entries: Vec::new(),
            types: Vec::new(),
            consts: Vec::new(),
        }
    }

    /// Objects copied (numbers and strings included; null, booleans and Smis are not).
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }
}

/// A Latin-1 or UTF-16 string object holding `s`.
fn string_obj(s: &str) -> Obj {
    let units: Vec<u16> = s.encode_utf16().collect();
    let one_byte = units.iter().all(|&u| u < 256);
    let len = units.len();
    let mut words = vec![Value::smi(len as i64).0, Value::smi(0).0];
    if one_byte {
        let mut bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
        bytes.resize(len.div_ceil(8) * 8, 0);
        words.extend(
            bytes
                .chunks(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))),
        );
    } else {
        let mut bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        bytes.resize((2 * len).div_ceil(8) * 8, 0);
        words.extend(
            bytes
                .chunks(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))),
        );
    }
    Obj {
        cid: if one_byte {
            CID_ONE_BYTE_STRING
        } else {
            CID_TWO_BYTE_STRING
        },
        hash: 0,
        body: Body::Raw(words),
    }
}

// ---------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------

/// Copies the graph reachable from `root` out of `iso`'s heap. Reads only: nothing is
/// allocated, so no object moves during the walk.
pub fn export(iso: &mut Isolate, root: Value) -> Result<Message, SendError> {
    let index = CanonicalIndex::refreshed(iso.send_index.take(), iso);
    let result = export_with(iso, &index.reverse, root);
    iso.send_index = Some(index);
    result
}

fn export_with(iso: &Isolate, reverse: &Reverse, root: Value) -> Result<Message, SendError> {
    let mut ex = Exporter {
        iso,
        seen: HashMap::new(),
        msg: Message::null(),
        work: Vec::new(),
        reverse,
        vector_ids: HashMap::new(),
        shape_ids: HashMap::new(),
        entry_ids: HashMap::new(),
    };
    ex.msg.root = ex.word(root)?;
    while let Some((index, v)) = ex.work.pop() {
        let body = ex.body(v)?;
        ex.msg.objects[index as usize].body = body;
    }
    Ok(ex.msg)
}

/// Immortal canonical objects of the sender, by address.
struct Reverse {
    constants: HashMap<u64, ConstId>,
    tear_offs: HashMap<u64, u32>,
    types: HashMap<u64, i64>,
}

/// An isolate's [`Reverse`] index, kept between sends (an AOT isolate has thousands of
/// constants) and rebuilt when one of its tables has grown. Canonical objects are
/// immortal and never removed, so the sizes tell whether the index is current.
pub struct CanonicalIndex {
    sizes: (usize, usize, usize),
    reverse: Reverse,
}

impl CanonicalIndex {
    fn sizes_of(iso: &Isolate) -> (usize, usize, usize) {
        (
            iso.constant_slots.len(),
            iso.tear_offs.len(),
            iso.type_objects.len(),
        )
    }

    fn refreshed(old: Option<Box<CanonicalIndex>>, iso: &Isolate) -> Box<CanonicalIndex> {
        let sizes = Self::sizes_of(iso);
        if let Some(index) = old.filter(|i| i.sizes == sizes) {
            return index;
        }
        Box::new(CanonicalIndex {
            sizes,
            reverse: Reverse {
                constants: iso
                    .constant_slots
                    .iter()
                    .filter_map(|(&id, &slot)| iso.constants.get(slot as usize).map(|&w| (w, id)))
                    .collect(),
                tear_offs: iso.tear_offs.iter().map(|(&e, v)| (v.0, e)).collect(),
                types: iso.type_objects.iter().map(|(&c, v)| (v.0, c)).collect(),
            },
        })
    }
}

struct Exporter<'a> {
    iso: &'a Isolate,
    seen: HashMap<u64, u32>,
    msg: Message,
    work: Vec<(u32, Value)>,
    reverse: &'a Reverse,
    vector_ids: HashMap<u32, u32>,
    shape_ids: HashMap<u32, u32>,
    entry_ids: HashMap<u32, u32>,
}

impl Exporter<'_> {
    fn word(&mut self, v: Value) -> Result<Word, SendError> {
        if v.is_smi() {
            return Ok(Word::Smi(v.0));
        }
        let th = &self.iso.thread;
        if v == th.null_value {
            return Ok(Word::Null);
        }
        if v == th.true_value {
            return Ok(Word::True);
        }
        if v == th.false_value {
            return Ok(Word::False);
        }
        if v.0 == th.uninitialized_static {
            return Ok(Word::Sentinel);
        }
        if let Some(&i) = self.seen.get(&v.0) {
            return Ok(Word::Ref(i));
        }
        if !self.iso.heap.is_movable(v) {
            if let Some(w) = self.canonical(v)? {
                return Ok(w);
            }
        }
        // SAFETY: a live heap object of the sender.
        let (cid, hash) = unsafe { (v.cid(), header_hash(v.header())) };
        if cid == CID_NULL {
            return Ok(Word::Null);
        }
        let index = self.msg.objects.len() as u32;
        self.msg.objects.push(Obj {
            cid,
            hash,
            body: Body::Slots(Vec::new()),
        });
        self.seen.insert(v.0, index);
        self.work.push((index, v));
        Ok(Word::Ref(index))
    }

    /// An immortal object the receiver has its own canonical copy of.
    fn canonical(&mut self, v: Value) -> Result<Option<Word>, SendError> {
        let iso = self.iso;
        let reverse = self.reverse;
        if let Some(&id) = reverse.constants.get(&v.0) {
            let i = push_index(&mut self.msg.consts, id);
            return Ok(Some(Word::Const(i)));
        }
        if let Some(&f) = reverse.tear_offs.get(&v.0) {
            return Ok(Some(Word::TearOff(f)));
        }
        if let Some(&code) = reverse.types.get(&v.0) {
            if !(0..(2 << 32)).contains(&code) || !iso.rtt.is_type(code) {
                return Err(SendError::Unsupported(
                    "dartrs does not support sending record Type objects yet".into(),
                ));
            }
            let t = self.type_desc(RtTypeId(code as u32));
            let i = push_index(&mut self.msg.types, t);
            return Ok(Some(Word::TypeObject(i)));
        }
        Ok(None)
    }

    fn body(&mut self, v: Value) -> Result<Body, SendError> {
        // SAFETY: `v` is a live heap object of the sender; every slot read is within the
        // size its header (or length) gives.
        unsafe {
            let cid = v.cid();
            let size = object_size_words(v.addr(), v.header());
            let slot = |i: usize| Value(v.slot(i));
            if cid_is_raw(cid) {
                return Ok(Body::Raw((0..size - 1).map(|i| v.slot(i)).collect()));
            }
            let mut words = Vec::with_capacity(size - 1);
            match cid {
                CID_STACK_TRACE => {
                    return Ok(Body::StackTrace(super::natives::format_trace(self.iso, v)));
                }
                CID_TYPE => {
                    return Err(SendError::Unsupported(
                        "dartrs does not support sending this Type object yet".into(),
                    ))
                }
                CID_CLOSURE => {
                    let entry = slot(CLOSURE_FUNCTION).smi_value() as u32;
                    words.push(self.entry(entry)?);
                    words.push(self.word(slot(CLOSURE_CAPTURES))?);
                    words.push(self.word(slot(CLOSURE_BOUND_RECEIVER))?);
                }
                CID_ARRAY | CID_IMMUTABLE_ARRAY => {
                    words.push(Word::Smi(slot(ARRAY_LENGTH).0));
                    words.push(self.type_args(slot(ARRAY_TYPE_ARGS))?);
                    for i in ARRAY_HEADER_SLOTS..size - 1 {
                        words.push(self.word(slot(i))?);
                    }
                }
                CID_GROWABLE_LIST => {
                    words.push(Word::Smi(slot(GROWABLE_LENGTH).0));
                    words.push(self.word(slot(GROWABLE_DATA))?);
                    words.push(self.type_args(slot(GROWABLE_TYPE_ARGS))?);
                }
                CID_MAP | CID_SET | CID_CONST_MAP => {
                    words.push(Word::Smi(slot(MAP_USED).0));
                    words.push(Word::Smi(slot(MAP_DELETED).0));
                    words.push(self.word(slot(MAP_DATA))?);
                    // Rebuilt by the receiver: hash codes by identity differ there.
                    words.push(Word::Null);
                    words.push(self.type_args(slot(MAP_TYPE_ARGS))?);
                }
                CID_RECORD => {
                    let shape = slot(RECORD_SHAPE).smi_value() as u32;
                    words.push(self.shape(shape)?);
                    for i in RECORD_HEADER_SLOTS..size - 1 {
                        words.push(self.word(slot(i))?);
                    }
                }
                _ => {
                    let class = self.iso.classes.class_of_cid(cid);
                    if let Some(c) = class {
                        self.check_sendable(c)?;
                    }
                    let ta_slot = class.and_then(|c| self.iso.program.class(c).type_args_slot);
                    for i in 0..size - 1 {
                        if Some(i as u32) == ta_slot {
                            words.push(self.type_args(slot(i))?);
                        } else {
                            words.push(self.word(slot(i))?);
                        }
                    }
                }
            }
            Ok(Body::Slots(words))
        }
    }

    /// Refuses instances of the classes the Dart VM will not send (and their subclasses).
    fn check_sendable(&self, class: ClassId) -> Result<(), SendError> {
        let p = &self.iso.program;
        let mut c = Some(class);
        while let Some(id) = c {
            let cl = p.class(id);
            let uri = &p.libraries[cl.library.index()].uri;
            let name = cl.name.as_str();
            // Objects of the VM's own ReceivePort and SuspendState classes.
            let vm_class = match (uri.as_str(), name) {
                ("dart:isolate", "_RawReceivePort") => Some("ReceivePort"),
                ("dart:async", "_SuspendState") => Some("SuspendState"),
                _ => None,
            };
            if let Some(kind) = vm_class {
                return Err(SendError::Illegal(format!(
                    "Illegal argument in isolate message: (object is a {kind})"
                )));
            }
            if UNSENDABLE.iter().any(|(l, n)| l == uri && *n == name) {
                return Err(SendError::Illegal(format!(
                    "Illegal argument in isolate message: object is unsendable - \
                     Library:'{uri}' Class: {name} (see restrictions listed at \
                     `SendPort.send()` documentation for more information)"
                )));
            }
            c = cl.superclass;
        }
        Ok(())
    }

    fn type_args(&mut self, v: Value) -> Result<Word, SendError> {
        if !v.is_smi() {
            return self.word(v);
        }
        let id = v.smi_value();
        if !self.iso.rtt.is_vector(id) {
            return Ok(Word::Smi(v.0));
        }
        if let Some(&i) = self.vector_ids.get(&(id as u32)) {
            return Ok(Word::TypeArgs(i));
        }
        let vector = TypeArgsId(id as u32);
        let rtt = &self.iso.rtt;
        let types: Vec<RtTypeId> = (0..rtt.vector_len(vector))
            .map(|i| rtt.arg(vector, i))
            .collect();
        let desc = types.into_iter().map(|t| self.type_desc(t)).collect();
        let i = self.msg.vectors.len() as u32;
        self.msg.vectors.push(desc);
        self.vector_ids.insert(id as u32, i);
        Ok(Word::TypeArgs(i))
    }

    fn type_desc(&self, t: RtTypeId) -> TypeDesc {
        let rtt = &self.iso.rtt;
        match rtt.get(t).clone() {
            RtType::Dynamic => TypeDesc::Dynamic,
            RtType::Void => TypeDesc::Void,
            RtType::Never => TypeDesc::Never,
            RtType::Null => TypeDesc::Null,
            RtType::Interface {
                class,
                args,
                nullable,
            } => TypeDesc::Interface {
                class,
                args: (0..rtt.vector_len(args))
                    .map(|i| self.type_desc(rtt.arg(args, i)))
                    .collect(),
                nullable,
            },
            RtType::Function { sig, nullable } => TypeDesc::Function {
                sig: sig.map(|s| {
                    Box::new(SigDesc {
                        ret: self.type_desc(s.ret),
                        positional: s.positional.iter().map(|&p| self.type_desc(p)).collect(),
                        required: s.required,
                        named: s
                            .named
                            .iter()
                            .map(|(n, t, r)| (*n, self.type_desc(*t), *r))
                            .collect(),
                    })
                }),
                nullable,
            },
            RtType::Record { nullable } => TypeDesc::Record { nullable },
        }
    }

    fn shape(&mut self, id: u32) -> Result<Word, SendError> {
        if let Some(&i) = self.shape_ids.get(&id) {
            return Ok(Word::Shape(i));
        }
        let Some(shape) = self.iso.record_shapes.get(id) else {
            return Err(SendError::Unsupported(format!(
                "dartrs cannot send a record of unknown shape {id}"
            )));
        };
        let i = self.msg.shapes.len() as u32;
        self.msg.shapes.push(shape.clone());
        self.shape_ids.insert(id, i);
        Ok(Word::Shape(i))
    }

    fn entry(&mut self, entry: u32) -> Result<Word, SendError> {
        if let Some(&i) = self.entry_ids.get(&entry) {
            return Ok(Word::Entry(i));
        }
        let desc = match self.iso.synthetic_at(entry) {
            None => EntryDesc::Function(entry),
            Some(SyntheticEntry::Forwarder { target, bound, .. }) => EntryDesc::Forwarder {
                target: *target,
                bound: *bound,
            },
            Some(SyntheticEntry::FieldGetter(s)) => EntryDesc::Getter(*s),
            Some(SyntheticEntry::FieldSetter(s)) => EntryDesc::Setter(*s),
            Some(SyntheticEntry::ReturnFirstArgument) => EntryDesc::Identity,
        };
        let i = self.msg.entries.len() as u32;
        self.msg.entries.push(desc);
        self.entry_ids.insert(entry, i);
        Ok(Word::Entry(i))
    }
}

fn push_index<T: PartialEq>(list: &mut Vec<T>, item: T) -> u32 {
    if let Some(i) = list.iter().position(|x| *x == item) {
        return i as u32;
    }
    list.push(item);
    list.len() as u32 - 1
}

// ---------------------------------------------------------------------------------------
// Receiving
// ---------------------------------------------------------------------------------------

/// Rebuilds `msg` in `p`'s heap and returns its root. `Err(Pending)`: a `hashCode` run
/// while re-indexing a map threw.
pub fn import(p: IsolatePtr, msg: &Message) -> Result<Value, Pending> {
    let resolved = resolve_shared(p, msg);
    let iso = p.get();
    let base = iso.handles.len();
    for obj in &msg.objects {
        let v = allocate_obj(iso, obj, &resolved);
        iso.handles.push(v.0);
    }
    let iso = p.get();
    for (k, obj) in msg.objects.iter().enumerate() {
        if let Body::Slots(words) = &obj.body {
            let v = Value(iso.handles[base + k]);
            for (i, w) in words.iter().enumerate() {
                if let Word::Ref(r) = w {
                    // SAFETY: `v` was allocated with one slot per word.
                    unsafe { v.set_slot(i, iso.handles[base + *r as usize]) };
                }
            }
        }
    }
    let root = match msg.root {
        Word::TearOff(f) => super::entries::static_tear_off(iso, f),
        w => value_of(iso, w, &resolved, base),
    };
    iso.handles.push(root.0);
    for (k, obj) in msg.objects.iter().enumerate() {
        if matches!(obj.cid, CID_MAP | CID_SET) {
            if let Err(e) = super::maps::reindex(p, base + k) {
                p.get().handles.truncate(base);
                return Err(e);
            }
        }
    }
    let iso = p.get();
    let root = Value(iso.handles.pop().unwrap_or(root.0));
    iso.handles.truncate(base);
    Ok(root)
}

/// What the receiver uses for the message's isolate-local ids and canonical objects.
struct Resolved {
    vectors: Vec<u64>,
    shapes: Vec<u64>,
    entries: Vec<u64>,
    consts: Vec<u64>,
    types: Vec<u64>,
}

fn resolve_shared(p: IsolatePtr, msg: &Message) -> Resolved {
    let iso = p.get();
    let vectors = msg
        .vectors
        .iter()
        .map(|v| {
            let ids: Vec<RtTypeId> = v.iter().map(|t| intern_type(iso, t)).collect();
            Value::smi(iso.rtt.intern_vector(ids).0 as i64).0
        })
        .collect();
    let shapes = msg
        .shapes
        .iter()
        .map(|s| Value::smi(iso.record_shapes.intern(s) as i64).0)
        .collect();
    let entries = msg
        .entries
        .iter()
        .map(|e| Value::smi(entry_index(iso, e) as i64).0)
        .collect();
    let consts = msg
        .consts
        .iter()
        .map(|&id| {
            let slot = match crate::compiler::CompileContext::constant_slot(iso, id) {
                Ok(s) => s,
                Err(e) => super::entries::die(iso, super::isolate::Fatal::Internal(e)),
            };
            iso.constants[slot as usize]
        })
        .collect();
    let types = msg
        .types
        .iter()
        .map(|t| {
            let id = intern_type(iso, t);
            super::types::type_object(iso, id).0
        })
        .collect();
    Resolved {
        vectors,
        shapes,
        entries,
        consts,
        types,
    }
}

fn entry_index(iso: &mut Isolate, e: &EntryDesc) -> u32 {
    let made = match e {
        EntryDesc::Function(f) => return *f,
        EntryDesc::Forwarder { target, bound } => iso.forwarder_entry(*target, *bound),
        EntryDesc::Getter(s) => iso.accessor_entry(*s, false),
        EntryDesc::Setter(s) => iso.accessor_entry(*s, true),
        EntryDesc::Identity => iso.return_first_argument_entry(),
    };
    match made {
        Ok(i) => i,
        Err(f) => super::entries::die(iso, f),
    }
}

fn intern_type(iso: &mut Isolate, t: &TypeDesc) -> RtTypeId {
    let ty = match t {
        TypeDesc::Dynamic => return super::rtt::RuntimeTypes::DYNAMIC,
        TypeDesc::Void => RtType::Void,
        TypeDesc::Never => RtType::Never,
        TypeDesc::Null => RtType::Null,
        TypeDesc::Interface {
            class,
            args,
            nullable,
        } => {
            let ids: Vec<RtTypeId> = args.iter().map(|a| intern_type(iso, a)).collect();
            RtType::Interface {
                class: *class,
                args: iso.rtt.intern_vector(ids),
                nullable: *nullable,
            }
        }
        TypeDesc::Function { sig, nullable } => RtType::Function {
            sig: sig.as_ref().map(|s| RtSig {
                ret: intern_type(iso, &s.ret),
                positional: s.positional.iter().map(|p| intern_type(iso, p)).collect(),
                required: s.required,
                named: s
                    .named
                    .iter()
                    .map(|(n, t, r)| (*n, intern_type(iso, t), *r))
                    .collect(),
            }),
            nullable: *nullable,
        },
        TypeDesc::Record { nullable } => RtType::Record {
            nullable: *nullable,
        },
    };
    iso.rtt.intern(ty)
}

/// The receiver's value of a word that is not a reference (references are linked later).
fn value_of(iso: &Isolate, w: Word, r: &Resolved, base: usize) -> Value {
    let th = &iso.thread;
    Value(match w {
        Word::Smi(raw) => raw,
        Word::Null => th.null_value.0,
        Word::True => th.true_value.0,
        Word::False => th.false_value.0,
        Word::Sentinel => th.uninitialized_static,
        Word::Ref(i) => iso.handles[base + i as usize],
        Word::TypeArgs(i) => r.vectors[i as usize],
        Word::Shape(i) => r.shapes[i as usize],
        Word::Entry(i) => r.entries[i as usize],
        Word::Const(i) => r.consts[i as usize],
        Word::TearOff(_) => th.null_value.0,
        Word::TypeObject(i) => r.types[i as usize],
    })
}

/// Allocates `obj` with every slot but its references filled (those are null until
/// linked), so a collection during the next allocation sees a well-formed object.
fn allocate_obj(iso: &mut Isolate, obj: &Obj, r: &Resolved) -> Value {
    let v = match &obj.body {
        Body::Raw(words) => {
            let v = iso.allocate(obj.cid, 1 + words.len());
            for (i, w) in words.iter().enumerate() {
                // SAFETY: a fresh raw object with `words.len()` words after its header.
                unsafe { *v.addr().add(1 + i) = *w };
            }
            v
        }
        Body::Slots(words) => {
            let tear_offs = resolve_tear_offs(iso, words);
            let v = iso.allocate(obj.cid, 1 + words.len());
            for (i, w) in words.iter().enumerate() {
                let value = match w {
                    Word::Ref(_) => iso.null(),
                    Word::TearOff(f) => tear_offs
                        .iter()
                        .find(|(g, _)| g == f)
                        .map_or(iso.null(), |(_, t)| *t),
                    other => value_of(iso, *other, r, 0),
                };
                // SAFETY: a fresh object with one slot per word.
                unsafe { v.set_slot(i, value.0) };
            }
            v
        }
        Body::StackTrace(text) => {
            let s = super::entries::new_string(iso, text);
            iso.handles.push(s.0);
            let v = iso.allocate(CID_STACK_TRACE, 1 + STACK_TRACE_SLOTS);
            let s = iso.handles.pop().unwrap_or(s.0);
            // SAFETY: a fresh stack trace.
            unsafe { v.set_slot(STACK_TRACE_FRAMES, s) };
            v
        }
    };
    if obj.hash != 0 {
        // SAFETY: `v` is a fresh object; only the hash bits of its header change.
        unsafe { *v.addr() = header_with_hash(*v.addr(), obj.hash) };
    }
    v
}

/// Canonical tear-offs (immortal: they never move) a slot list refers to.
fn resolve_tear_offs(iso: &mut Isolate, words: &[Word]) -> Vec<(u32, Value)> {
    words
        .iter()
        .filter_map(|w| match w {
            Word::TearOff(f) => Some((*f, super::entries::static_tear_off(iso, *f))),
            _ => None,
        })
        .collect()
}

/// The ArgumentError's message for an unsendable value, or the program-ending text.
pub fn describe(e: &SendError) -> &str {
    match e {
        SendError::Illegal(m) | SendError::Unsupported(m) => m,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_objects_pack_latin1_and_utf16() {
        let a = string_obj("abcdefghij");
        assert_eq!(a.cid, CID_ONE_BYTE_STRING);
        match &a.body {
            Body::Raw(w) => assert_eq!(w.len(), 2 + 2),
            _ => panic!("raw body expected"),
        }
        let b = string_obj("\u{1F600}");
        assert_eq!(b.cid, CID_TWO_BYTE_STRING);
    }

    fn bare_isolate() -> Box<Isolate> {
        let program = std::sync::Arc::new(crate::kernel::ir::Program::default());
        let sources = std::sync::Arc::new(crate::front::source::SourceMap::new());
        Isolate::new(program, sources, Default::default()).expect("an isolate")
    }

    /// An array `[text, big int, 2.5, itself]`, copied from one heap into another, keeps
    /// its values, its identity hash and its cycle.
    #[test]
    fn cyclic_array_survives_a_copy_between_heaps() {
        let mut a = bare_isolate();
        let list = super::super::lists::new_array(&mut a, CID_ARRAY, 4);
        a.handles.push(list.0);
        let text = super::super::entries::new_string(&mut a, "h\u{e9}llo \u{1F600}");
        a.handles.push(text.0);
        let big = super::super::natives::new_int(&mut a, i64::MAX - 1);
        a.handles.push(big.0);
        let d = super::super::natives::new_double(&mut a, 2.5);
        let list = Value(a.handles[0]);
        // SAFETY: a live four-element array; the header keeps its size and class bits.
        unsafe {
            list.set_slot(array_element_slot(0), a.handles[1]);
            list.set_slot(array_element_slot(1), a.handles[2]);
            list.set_slot(array_element_slot(2), d.0);
            list.set_slot(array_element_slot(3), list.0);
            *list.addr() = header_with_hash(*list.addr(), 12345);
        }
        let msg = export(&mut a, list).expect("sendable");
        assert_eq!(msg.object_count(), 4);
        let mut b = bare_isolate();
        let p = IsolatePtr::new(&mut b);
        let copy = import(p, &msg).expect("imports");
        let b = p.get();
        // SAFETY: `copy` is the array just rebuilt in `b`'s heap.
        unsafe {
            assert_eq!(copy.cid(), CID_ARRAY);
            assert_eq!(header_hash(copy.header()), 12345);
            let el = |i| Value(copy.slot(array_element_slot(i)));
            assert_eq!(
                super::super::strings::string_to_rust(el(0)),
                "h\u{e9}llo \u{1F600}"
            );
            assert_eq!(super::super::natives::int_of(el(1)), Some(i64::MAX - 1));
            assert_eq!(f64::from_bits(el(2).slot(0)), 2.5);
            assert_eq!(el(3), copy);
            assert!(b.heap.is_movable(copy));
        }
    }

    #[test]
    fn string_list_message_has_array_and_list() {
        let m = Message::strings(&["a".into(), "b".into()]);
        assert_eq!(m.object_count(), 4);
        assert_eq!(m.root, Word::Ref(3));
    }
}
