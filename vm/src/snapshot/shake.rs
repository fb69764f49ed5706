//! Tree shaking: which functions an AOT snapshot must contain.
//!
//! A worklist over the resolved IR starting from `main` and the runtime's entry points
//! into dart:core (`_throw*`). It is conservative where dispatch is dynamic: a selector
//! (method, getter or setter name) used by any reachable instance call keeps every
//! method of that name in every class whose instances can exist (classes allocated by
//! reachable code or constants, built-in classes the runtime allocates, and the classes
//! they inherit or mix in). Getter selectors also keep the tear-off forwarders of
//! same-named methods, and static tear-offs keep theirs. The runtime itself calls
//! `toString`, `==`, `hashCode` and `call` on arbitrary objects, so those are always live.

use crate::front::intern::Symbol;
use crate::kernel::ir::*;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Selectors the runtime invokes on objects of any class (natives, string
/// interpolation, map hashing, NoSuchMethodError text, closure calls).
const RUNTIME_SELECTORS: &[&str] = &["toString", "==", "hashCode", "call", "noSuchMethod"];

/// What the snapshot must contain.
#[derive(Debug, Default)]
pub struct Reachable {
    /// By `FunctionId`: compiled into the snapshot.
    pub functions: Vec<bool>,
    /// Static functions torn off (their forwarders are compiled).
    pub static_tear_offs: BTreeSet<FunctionId>,
    /// Methods that may be torn off from a receiver (bound forwarders are compiled).
    pub bound_tear_offs: BTreeSet<FunctionId>,
    /// By `ClassId`: instances may exist (methods of these and their supertypes dispatch).
    pub dispatch_classes: Vec<bool>,
    /// By `ClassId`: instances of exactly this class may exist (allocated by reachable
    /// code or constants, or by the runtime); what class hierarchy analysis starts from.
    pub allocated_classes: Vec<bool>,
}

impl Reachable {
    pub fn live_functions(&self) -> impl Iterator<Item = FunctionId> + '_ {
        self.functions
            .iter()
            .enumerate()
            .filter(|(_, &l)| l)
            .map(|(i, _)| FunctionId(i as u32))
    }
}

struct Shaker<'p> {
    program: &'p Program,
    out: Reachable,
    work: Vec<FunctionId>,
    selectors: HashSet<Symbol>,
    getter_names: HashSet<Symbol>,
    constants_seen: Vec<bool>,
    /// Instance members (methods, getters, setters) by name.
    members_by_name: HashMap<Symbol, Vec<FunctionId>>,
}

/// dart:async functions the event loop calls (`runtime::event_loop`).
const EVENT_LOOP_HOOKS: &[&str] = &["_drainMicrotasks", "_nextTimerWakeup", "_runExpiredTimers"];
/// dart:io functions the runtime calls (`runtime::natives::io`).
const IO_HOOKS: &[&str] = &["_ioDispatch", "_throwOSError"];
/// dart:developer functions the VM service calls by name (`service::agent`).
const SERVICE_HOOKS: &[&str] = &["_invokeExtension"];
/// dart:isolate functions the runtime calls (`runtime::ports`, `runtime::spawn`).
const ISOLATE_HOOKS: &[&str] = &["_startIsolate", "_handlePortMessage"];
/// dart:async functions the code of suspendable functions calls (`emit_suspend`), by kind.
const ASYNC_HELPERS: &[&str] = &[
    "_initAsync",
    "_awaitHelper",
    "_returnAsync",
    "_handleAsyncException",
];
const SYNC_STAR_HELPERS: &[&str] = &[
    "_initSyncStar",
    "_suspendSyncStarAtStart",
    "_syncStarYield",
    "_syncStarYieldStar",
];
const ASYNC_STAR_HELPERS: &[&str] = &[
    "_initAsyncStar",
    "_suspendAsyncStarAtStart",
    "_yieldAsyncStar",
    "_yieldStarAsyncStar",
    "_returnAsyncStar",
    "_handleAsyncStarException",
    "_awaitHelper",
];

/// Computes what is reachable from `main` and the runtime's entry points.
pub fn reachable(program: &Program) -> Reachable {
    let mut s = Shaker::new(program);
    s.add_roots();
    while let Some(f) = s.work.pop() {
        s.visit_function(f);
    }
    s.collect_bound_tear_offs();
    s.out
}

impl<'p> Shaker<'p> {
    fn new(program: &'p Program) -> Self {
        let mut members_by_name: HashMap<Symbol, Vec<FunctionId>> = HashMap::new();
        for c in &program.classes {
            for &m in &c.methods {
                members_by_name
                    .entry(program.function(m).name)
                    .or_default()
                    .push(m);
            }
        }
        Shaker {
            program,
            out: Reachable {
                functions: vec![false; program.functions.len()],
                dispatch_classes: vec![false; program.classes.len()],
                allocated_classes: vec![false; program.classes.len()],
                ..Reachable::default()
            },
            work: Vec::new(),
            selectors: HashSet::new(),
            getter_names: HashSet::new(),
            constants_seen: vec![false; program.constants.len()],
            members_by_name,
        }
    }

    fn add_roots(&mut self) {
        let p = self.program;
        if let Some(main) = p.main {
            self.function(main);
        }
        for lib in p.libraries.iter().filter(|l| l.uri == "dart:core") {
            for &f in &lib.functions {
                if p.function(f).name.as_str().starts_with("_throw") {
                    self.function(f);
                }
            }
        }
        // A failed dynamic call on an object that overrides `noSuchMethod` goes through this.
        self.library_functions("dart:core", &["_forwardNoSuchMethod"]);
        // The event loop calls these dart:async hooks by name.
        self.async_helpers(EVENT_LOOP_HOOKS);
        // dart:io's natives and deliveries call these by name (when dart:io is loaded).
        self.library_functions("dart:io", IO_HOOKS);
        self.library_functions("dart:typed_data", &["_uint8ListOfStore"]);
        // The VM service answers `ext.*` requests through this dart:developer function
        // (`service::agent`); it is only there when the program imports dart:developer.
        self.library_functions("dart:developer", SERVICE_HOOKS);
        // The runtime starts spawned isolates and delivers port messages through these.
        self.library_functions("dart:isolate", ISOLATE_HOOKS);
        for name in RUNTIME_SELECTORS {
            self.selector(Symbol::intern(name));
        }
        self.getter_names.insert(Symbol::intern("hashCode"));
        for (i, c) in p.classes.iter().enumerate() {
            if is_runtime_allocated(p, c) {
                self.allocated(ClassId(i as u32));
            }
        }
    }

    fn function(&mut self, f: FunctionId) {
        if let Some(live) = self.out.functions.get_mut(f.index()) {
            if !*live {
                *live = true;
                self.work.push(f);
            }
        }
    }

    fn selector(&mut self, name: Symbol) {
        if !self.selectors.insert(name) {
            return;
        }
        let members = self.members_by_name.get(&name).cloned().unwrap_or_default();
        for m in members {
            if self.owner_dispatches(m) {
                self.function(m);
            }
        }
    }

    fn owner_dispatches(&self, m: FunctionId) -> bool {
        self.program
            .function(m)
            .owner
            .is_some_and(|c| self.out.dispatch_classes[c.index()])
    }

    /// Instances of `class` may exist: it and everything it inherits or mixes in can be
    /// the target of dispatch.
    fn allocated(&mut self, class: ClassId) {
        self.out.allocated_classes[class.index()] = true;
        let mut stack = vec![class];
        while let Some(c) = stack.pop() {
            if std::mem::replace(&mut self.out.dispatch_classes[c.index()], true) {
                continue;
            }
            let cl = self.program.class(c);
            for &m in &cl.methods {
                if self.selectors.contains(&self.program.function(m).name) {
                    self.function(m);
                }
            }
            stack.extend(cl.superclass);
            stack.extend(cl.mixins.iter().copied());
        }
    }

    fn constant(&mut self, id: ConstId) {
        match self.constants_seen.get_mut(id.index()) {
            Some(seen) if !*seen => *seen = true,
            _ => return,
        }
        match self.program.constant(id) {
            Constant::List { elements, .. } => elements.iter().for_each(|&e| self.constant(e)),
            Constant::Set { elements, .. } => {
                if let Some(class) = self.program.core_class("_ConstSet") {
                    self.allocated(class);
                }
                elements.iter().for_each(|&e| self.constant(e))
            }
            Constant::Map { entries, .. } => {
                for &(k, v) in entries {
                    self.constant(k);
                    self.constant(v);
                }
            }
            Constant::Instance { class, fields } => {
                self.allocated(*class);
                fields.iter().for_each(|&(_, c)| self.constant(c));
            }
            Constant::Record { positional, named } => {
                positional.iter().for_each(|&c| self.constant(c));
                named.iter().for_each(|&(_, c)| self.constant(c));
            }
            Constant::Function(f) => self.static_tear_off(*f),
            Constant::Null
            | Constant::Bool(_)
            | Constant::Int(_)
            | Constant::Double(_)
            | Constant::String(_)
            | Constant::Type(_) => {}
        }
    }

    fn static_tear_off(&mut self, f: FunctionId) {
        self.out.static_tear_offs.insert(f);
        self.function(f);
    }

    /// Keeps the dart:async top-level functions named `names` (called by name from
    /// generated code or the runtime).
    fn async_helpers(&mut self, names: &[&str]) {
        self.library_functions("dart:async", names);
    }

    /// Keeps the top-level functions named `names` of library `uri`.
    fn library_functions(&mut self, uri: &str, names: &[&str]) {
        let p = self.program;
        for lib in p.libraries.iter().filter(|l| l.uri == uri) {
            for &f in &lib.functions {
                if names.contains(&p.function(f).name.as_str()) {
                    self.function(f);
                }
            }
        }
    }

    fn visit_function(&mut self, f: FunctionId) {
        let func = self.program.function(f);
        // A suspendable function's code calls dart:async's helpers for its kind.
        match func.async_marker {
            AsyncMarker::Sync => {}
            AsyncMarker::Async => self.async_helpers(ASYNC_HELPERS),
            AsyncMarker::SyncStar => self.async_helpers(SYNC_STAR_HELPERS),
            AsyncMarker::AsyncStar => self.async_helpers(ASYNC_STAR_HELPERS),
        }
        let func = self.program.function(f);
        let params = &func.params;
        for c in params.positional_defaults.iter().flatten() {
            self.constant(*c);
        }
        for np in &params.named {
            if let Some(c) = np.default {
                self.constant(c);
            }
        }
        if let Some(body) = &func.body {
            self.stmt(body);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Block(list) => list.iter().for_each(|s| self.stmt(s)),
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::VarDecl { init, .. } => init.iter().for_each(|e| self.expr(e)),
            StmtKind::If {
                condition,
                then,
                otherwise,
            } => {
                self.expr(condition);
                self.stmt(then);
                otherwise.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::Loop { body, update, .. } => {
                self.stmt(body);
                update.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::Labeled { body, .. } => self.stmt(body),
            StmtKind::Return(e) => e.iter().for_each(|e| self.expr(e)),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.stmt(body);
                catches.iter().for_each(|c| self.stmt(&c.body));
                finally.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::Assert { condition, message } => {
                self.expr(condition);
                message.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Yield { value, .. } => self.expr(value),
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Rethrow
            | StmtKind::FreshBox(_) => {}
        }
    }

    fn args(&mut self, a: &Args) {
        a.type_args.iter().for_each(|t| self.expr(t));
        a.positional.iter().for_each(|e| self.expr(e));
        a.named.iter().for_each(|(_, e)| self.expr(e));
    }

    fn static_field(&mut self, field: FieldId) {
        if let Some(init) = self.program.field(field).initializer {
            self.function(init);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Const(c) => self.constant(*c),
            ExprKind::StaticGet(f) => self.static_field(*f),
            ExprKind::StaticSet(f, v) => {
                self.static_field(*f);
                self.expr(v);
            }
            ExprKind::StaticCall {
                target,
                receiver,
                args,
            } => {
                self.function(*target);
                receiver.iter().for_each(|r| self.expr(r));
                self.args(args);
            }
            ExprKind::InstanceCall {
                receiver,
                selector,
                args,
            } => {
                self.selector(*selector);
                self.expr(receiver);
                self.args(args);
            }
            ExprKind::InstanceGet { receiver, name } => {
                self.getter_names.insert(*name);
                self.selector(*name);
                self.expr(receiver);
            }
            ExprKind::InstanceSet {
                receiver,
                name,
                value,
            } => {
                self.selector(*name);
                self.expr(receiver);
                self.expr(value);
            }
            ExprKind::New {
                class,
                constructor,
                args,
                type_args,
            } => {
                self.allocated(*class);
                self.function(*constructor);
                self.args(args);
                type_args.iter().for_each(|t| self.expr(t));
            }
            ExprKind::Closure(f) => self.function(*f),
            ExprKind::StaticTearOff(f) => self.static_tear_off(*f),
            _ => self.sub_exprs(e),
        }
    }

    /// Expressions that reference no declarations themselves: visit their operands.
    fn sub_exprs(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::StringConcat(parts) => parts.iter().for_each(|p| self.expr(p)),
            ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) => self.expr(v),
            ExprKind::FieldGet { receiver, .. } => self.expr(receiver),
            ExprKind::FieldSet {
                receiver, value, ..
            } => {
                self.expr(receiver);
                self.expr(value);
            }
            ExprKind::FunctionCall { callee, args } => {
                self.expr(callee);
                self.args(args);
            }
            ExprKind::Equals { left, right, .. }
            | ExprKind::Identical(left, right)
            | ExprKind::And(left, right)
            | ExprKind::Or(left, right) => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Not(x)
            | ExprKind::NullCheck(x)
            | ExprKind::Throw(x)
            | ExprKind::Is { expr: x, .. }
            | ExprKind::As { expr: x, .. } => self.expr(x),
            ExprKind::Conditional {
                condition,
                then,
                otherwise,
            } => {
                self.expr(condition);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::ListLiteral {
                elements,
                type_args,
                ..
            } => {
                type_args.iter().for_each(|t| self.expr(t));
                elements.iter().for_each(|x| self.expr(x));
            }
            ExprKind::MapLiteral {
                entries, type_args, ..
            } => {
                type_args.iter().for_each(|t| self.expr(t));
                for (k, v) in entries {
                    self.expr(k);
                    self.expr(v);
                }
            }
            ExprKind::TypeArgs { env, .. } => env.iter().for_each(|e| self.expr(&e.source)),
            ExprKind::InstanceTypeArgs { receiver, .. } | ExprKind::RecordGet { receiver, .. } => {
                self.expr(receiver)
            }
            ExprKind::IsRuntime {
                expr, type_args, ..
            }
            | ExprKind::AsRuntime {
                expr, type_args, ..
            } => {
                self.expr(expr);
                self.expr(type_args);
            }
            ExprKind::TypeValue(x) | ExprKind::Await(x) => self.expr(x),
            ExprKind::RecordLiteral { fields, .. } => fields.iter().for_each(|x| self.expr(x)),
            ExprKind::Let { value, body, .. } => {
                self.expr(value);
                self.expr(body);
            }
            ExprKind::Block { stmts, value } => {
                stmts.iter().for_each(|s| self.stmt(s));
                self.expr(value);
            }
            ExprKind::Native { args, .. } => args.iter().for_each(|x| self.expr(x)),
            // Leaves, and the kinds `expr` handles itself (listed so that a new kind of
            // expression is a compile error here rather than silently unvisited).
            ExprKind::Const(_)
            | ExprKind::LocalGet(_)
            | ExprKind::CapturedGet(_)
            | ExprKind::This
            | ExprKind::StaticGet(_)
            | ExprKind::StaticSet(..)
            | ExprKind::StaticCall { .. }
            | ExprKind::InstanceCall { .. }
            | ExprKind::InstanceGet { .. }
            | ExprKind::InstanceSet { .. }
            | ExprKind::New { .. }
            | ExprKind::Closure(_)
            | ExprKind::StaticTearOff(_) => {}
        }
    }

    /// A getter selector on a receiver whose class has a method of that name tears the
    /// method off: keep its bound forwarder.
    fn collect_bound_tear_offs(&mut self) {
        let p = self.program;
        for name in &self.getter_names {
            for &m in self.members_by_name.get(name).into_iter().flatten() {
                if p.function(m).kind == FunctionKind::Method && self.out.functions[m.index()] {
                    self.out.bound_tear_offs.insert(m);
                }
            }
        }
    }
}

/// Built-in classes whose instances the runtime makes itself (ints, strings, lists,
/// maps, sets, closures, records, types, stack traces, null and booleans).
fn is_runtime_allocated(program: &Program, c: &Class) -> bool {
    if c.native_kind.is_some() {
        return true;
    }
    let uri = &program.libraries[c.library.index()].uri;
    // Suspension states are made by the `Suspend` runtime entry, not by Dart code.
    if uri == "dart:async" && c.name.as_str() == "_SuspendState" {
        return true;
    }
    uri == "dart:core"
        && matches!(
            c.name.as_str(),
            "Null"
                | "bool"
                | "int"
                | "double"
                | "String"
                | "List"
                | "Map"
                | "Set"
                | "Function"
                | "Record"
                | "Type"
                | "StackTrace"
        )
}
