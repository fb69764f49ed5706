//! The resolved program IR: what both compilers consume and what hot reload diffs.
//!
//! Every name is resolved to a declaration (`FunctionId`, `FieldId`, `ClassId`, a local
//! variable slot), every variable knows whether closures capture it, and syntactic sugar
//! that the machine-code emitter should not care about is lowered away: `for` loops,
//! compound assignments, `?.`, `??`, cascades, string interpolation, collection literals'
//! control flow. Operators on instances stay instance calls (`a + b` calls `+`), so the
//! emitter can give `int` a fast inline path and everything else normal dispatch.
//!
//! The program is a flat set of tables indexed by small integer ids; ids are stable across
//! a hot reload for declarations that survive it.

use crate::front::intern::Symbol;
use crate::front::source::{FileId, Span};
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A library (one `.dart` file plus its parts, or a `dart:` library).
    LibraryId
);
id_type!(
    /// A class, mixin, enum, or one of the VM's built-in classes (`int`, `String`, ...).
    ClassId
);
id_type!(
    /// Any piece of code: a top-level function, method, getter, setter, constructor,
    /// factory, closure body, or lazy static-field initialiser.
    FunctionId
);
id_type!(
    /// A static (top-level or class-static) or instance field.
    FieldId
);
id_type!(
    /// A constant in the program's constant table (canonicalised).
    ConstId
);

/// A whole program after resolution.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Program {
    pub libraries: Vec<Library>,
    pub classes: Vec<Class>,
    pub functions: Vec<Function>,
    pub fields: Vec<Field>,
    pub constants: Vec<Constant>,
    /// The entry point: the root library's `main`.
    pub main: Option<FunctionId>,
    /// Built-in classes the emitter and runtime need by identity.
    pub core: CoreClasses,
}

impl Program {
    pub fn function(&self, id: FunctionId) -> &Function {
        &self.functions[id.index()]
    }
    pub fn class(&self, id: ClassId) -> &Class {
        &self.classes[id.index()]
    }
    pub fn field(&self, id: FieldId) -> &Field {
        &self.fields[id.index()]
    }
    pub fn constant(&self, id: ConstId) -> &Constant {
        &self.constants[id.index()]
    }
    /// The class `name` of `dart:core` (e.g. `_ConstSet`, the class of constant sets).
    pub fn core_class(&self, name: &str) -> Option<ClassId> {
        let sym = crate::front::intern::Symbol::intern(name);
        self.libraries
            .iter()
            .filter(|l| l.uri == "dart:core")
            .flat_map(|l| l.classes.iter())
            .copied()
            .find(|&c| self.class(c).name == sym)
    }
}

/// Ids of the classes the VM implements natively. Filled in by `kernel` when it loads
/// `dart:core`.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct CoreClasses {
    pub object: Option<ClassId>,
    pub null: Option<ClassId>,
    pub bool_: Option<ClassId>,
    pub int: Option<ClassId>,
    pub double: Option<ClassId>,
    pub num: Option<ClassId>,
    pub string: Option<ClassId>,
    pub list: Option<ClassId>,
    pub map: Option<ClassId>,
    pub function: Option<ClassId>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Library {
    pub uri: String,
    pub file: FileId,
    /// Files of `part` directives, in order.
    pub parts: Vec<FileId>,
    pub classes: Vec<ClassId>,
    pub functions: Vec<FunctionId>,
    pub fields: Vec<FieldId>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Class {
    pub name: Symbol,
    pub library: LibraryId,
    pub span: Span,
    pub is_abstract: bool,
    pub is_enum: bool,
    pub superclass: Option<ClassId>,
    /// Mixins applied in order (`with A, B`), and implemented interfaces.
    pub mixins: Vec<ClassId>,
    pub interfaces: Vec<ClassId>,
    /// Instance fields declared by this class only (inherited ones live on superclasses).
    pub instance_fields: Vec<FieldId>,
    pub static_fields: Vec<FieldId>,
    /// Instance methods, getters, setters and operators declared here, by selector.
    pub methods: Vec<FunctionId>,
    pub constructors: Vec<FunctionId>,
    pub static_methods: Vec<FunctionId>,
    /// How the runtime represents instances: user classes are `Instance`; built-ins
    /// (`int`, `String`, `List`, ...) have their own layout.
    pub native_kind: Option<NativeClassKind>,
    /// Declared type parameters, in order (their names as `TypeParameter` uses them).
    pub type_params: Vec<Symbol>,
    /// Direct supertypes with their type arguments written over `type_params`: the
    /// superclass, then mixins, then interfaces. The runtime walks these to find what a
    /// `Foo<int>` is as an `Iterable<...>`.
    pub supertypes: Vec<DartType>,
    /// Generic classes: the instance slot holding the instance's type-argument vector (a
    /// Smi id into the isolate's runtime type table).
    pub type_args_slot: Option<u32>,
}

/// Built-in classes whose instances have a VM-defined layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NativeClassKind {
    Null,
    Bool,
    Int,
    Double,
    String,
    List,
    Map,
    Closure,
    Record,
    Type,
    StackTrace,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Field {
    pub name: Symbol,
    pub owner: FieldOwner,
    pub span: Span,
    pub is_static: bool,
    pub is_final: bool,
    pub is_const: bool,
    pub is_late: bool,
    /// Static fields: the lazy initialiser function (runs on first read). Instance fields:
    /// the initialiser expression is inlined into constructors by `kernel`; programs
    /// loaded for a hot reload (`LoadOptions::instance_field_initializers`) also have
    /// the function here, which the reload runs for fields added to live instances.
    pub initializer: Option<FunctionId>,
    /// Instance fields: the slot index in the instance (inherited fields first).
    pub slot: u32,
    pub ty: DartType,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldOwner {
    Library(LibraryId),
    Class(ClassId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FunctionKind {
    /// Top-level or static function.
    Static,
    /// Instance method (receiver is parameter 0).
    Method,
    Getter,
    Setter,
    /// Generative constructor: receives the freshly allocated instance as parameter 0.
    Constructor,
    /// Factory or static-like constructor returning the instance.
    Factory,
    /// A function literal or local function: parameter 0 is the closure object.
    Closure,
    /// Initialiser of a static or top-level field, run lazily on first access.
    FieldInitializer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AsyncMarker {
    Sync,
    SyncStar,
    Async,
    AsyncStar,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Function {
    pub name: Symbol,
    /// `main`, `Foo.bar`, `Foo.named`, `main.<anonymous closure>` as stack traces print it.
    pub qualified_name: String,
    pub kind: FunctionKind,
    pub library: LibraryId,
    pub owner: Option<ClassId>,
    pub span: Span,
    pub async_marker: AsyncMarker,
    pub params: Parameters,
    /// All local variables; parameters are the first `params.count()` entries
    /// (after the implicit receiver/closure slot for methods, constructors and closures).
    /// AOT snapshots keep them: frame layouts and closures' runtime types depend on them.
    pub locals: Vec<Local>,
    /// `None` for abstract and external functions. AOT snapshots carry no bodies (the
    /// code is compiled), so they are skipped when serialised.
    #[serde(skip)]
    pub body: Option<Stmt>,
    /// For `Closure` functions: what the closure captures, in capture-index order.
    pub captures: Vec<Capture>,
    /// External functions implemented by the VM: the native's name.
    pub native: Option<Symbol>,
    /// Declared return type (closures' runtime function types are built from it and the
    /// parameters' local types).
    pub return_type: DartType,
    /// Generic functions and factories of generic classes: the names their type-argument
    /// vector binds (a factory binds its class's parameters), and the hidden local the
    /// prologue stores the vector in (a Smi id; callers pass it as the first argument after
    /// the receiver, flagged in the argument descriptor).
    pub type_params: Vec<Symbol>,
    pub type_args_local: Option<LocalId>,
    /// The type arguments a call that passes none gets (a dynamic call, `Function.apply`):
    /// the parameters' instantiated bounds when they are closed types and not all
    /// `dynamic`; empty otherwise (every argument `dynamic`).
    #[serde(default)]
    pub default_type_args: Vec<DartType>,
    /// Parameters whose declared types the prologue checks at run time, in parameter
    /// order (decision 39).
    #[serde(default)]
    pub param_checks: Vec<ParamCheck>,
}

/// A parameter the callee checks against its declared type: Dart checks in the callee
/// what the caller's static types cannot guarantee.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParamCheck {
    /// The parameter's local slot; its type is the declared type. A type that mentions
    /// the class's or the function's type parameters is instantiated from `this` and the
    /// function's type-argument vector.
    pub local: LocalId,
    /// `covariant` parameters (written, or inherited from an overridden member) and those
    /// whose type mentions a class type parameter: every call is checked, as a subclass or
    /// a supertype view (`C<Object>` for a `C<int>`) may pass what the declaration does not
    /// accept. Other parameters are checked only on dynamic calls, whose arguments no
    /// static type vouches for.
    pub always: bool,
}

/// Parameters after the implicit receiver. Locals `0..receiver_slots` hold the receiver
/// (or closure); positional parameters follow, then named ones in declaration order.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Parameters {
    /// 1 when the function takes a receiver or closure object as hidden first argument.
    pub receiver_slots: u32,
    pub required_positional: u32,
    pub optional_positional: u32,
    pub named: Vec<NamedParam>,
    /// Default values of optional positional parameters, in order (`None` means `null`).
    pub positional_defaults: Vec<Option<ConstId>>,
}

impl Parameters {
    pub fn positional(&self) -> u32 {
        self.required_positional + self.optional_positional
    }
    /// Number of declared parameters (without the receiver).
    pub fn count(&self) -> u32 {
        self.positional() + self.named.len() as u32
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NamedParam {
    pub name: Symbol,
    pub required: bool,
    pub default: Option<ConstId>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Local {
    pub name: Symbol,
    pub span: Span,
    pub is_final: bool,
    pub is_late: bool,
    /// Captured by a closure: the slot holds a box (a heap cell) and every access goes
    /// through it, so the closure and the frame share one variable.
    pub captured: bool,
    pub ty: DartType,
}

/// Where a closure's captured variable comes from when the closure is created.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum Capture {
    /// The enclosing function's local (whose slot holds a box).
    Local(LocalId),
    /// The enclosing closure's own capture (nested closures).
    Captured(u32),
    /// The enclosing method's receiver (`this`), captured by value: the capture slot holds
    /// the receiver itself, not a box, and `CapturedGet(n)` reads it. The creating function
    /// copies it from its local 0 (a method or constructor) or from its own `This` capture
    /// (a closure nested in a closure). Inside closures `this` is always such a
    /// `CapturedGet`, never `ExprKind::This`.
    This,
}

id_type!(
    /// Index into `Function::locals`.
    LocalId
);

/// Static types, as far as the compilers use them (unboxing, fast paths, checks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DartType {
    Dynamic,
    Void,
    Never,
    Null,
    /// A class type with type arguments; `nullable` is the `?`.
    Interface {
        class: ClassId,
        args: Vec<DartType>,
        nullable: bool,
    },
    TypeParameter {
        name: Symbol,
        nullable: bool,
    },
    /// `Function` (no signature) or a function type `R Function(P, [Q], {S s})`.
    Function {
        nullable: bool,
        sig: Option<Box<FunctionSig>>,
    },
    /// The `Record` class: the supertype of every record type.
    Record {
        nullable: bool,
    },
    /// A record type, `(int, {String name})`: a shape plus a type per field.
    RecordType(Box<RecordType>),
    /// Static only, never in a resolved program: an extension type `E<args>` (Dart 3.3),
    /// or the receiver of an explicit extension application `Ext<args>(r)`. `index` is
    /// the resolver's extension index; the resolver erases this type (to the
    /// representation type, or the extension's `on` type) before its program is used.
    Extension {
        index: u32,
        args: Vec<DartType>,
        nullable: bool,
    },
}

/// The shape of a record: how many positional fields, and the names of the named ones in
/// sorted (string) order. Fields are stored and indexed positional first, then named.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordShape {
    pub positional: u32,
    pub named: Vec<Symbol>,
}

impl RecordShape {
    /// Sorts `named` into the canonical (string) order.
    pub fn new(positional: u32, mut named: Vec<Symbol>) -> RecordShape {
        named.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        RecordShape { positional, named }
    }
    pub fn field_count(&self) -> usize {
        self.positional as usize + self.named.len()
    }
    /// Index of the field a getter `name` reads (`$1` is positional 0).
    pub fn field_index(&self, name: &str) -> Option<usize> {
        if let Some(i) = positional_getter_index(name) {
            return (i < self.positional as usize).then_some(i);
        }
        let k = self.named.iter().position(|n| n.as_str() == name)?;
        Some(self.positional as usize + k)
    }
    /// The getter that reads field `i` (`$1`, `$2`, ... then the names).
    pub fn field_name(&self, i: usize) -> Symbol {
        match i.checked_sub(self.positional as usize) {
            Some(k) => self.named[k],
            None => Symbol::intern(&format!("${}", i + 1)),
        }
    }
}

/// `$1` → 0, `$2` → 1; `None` for every other name (`$0`, `$01`, `x`).
pub fn positional_getter_index(name: &str) -> Option<usize> {
    let digits = name.strip_prefix('$')?;
    if digits.starts_with('0') || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_sub(1)
}

/// A record type: field types in storage order (positional, then named sorted by name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordType {
    pub shape: RecordShape,
    pub fields: Vec<DartType>,
    pub nullable: bool,
}

/// The parameter and return types of a function type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionSig {
    pub return_type: DartType,
    pub positional: Vec<DartType>,
    pub required_positional: u32,
    /// Named parameters sorted by name: (name, type, required).
    pub named: Vec<(Symbol, DartType, bool)>,
}

impl FunctionSig {
    pub fn types(&self) -> impl Iterator<Item = &DartType> {
        std::iter::once(&self.return_type)
            .chain(self.positional.iter())
            .chain(self.named.iter().map(|n| &n.1))
    }
}

impl DartType {
    /// The `Function` type (any function).
    pub fn any_function(nullable: bool) -> DartType {
        DartType::Function {
            nullable,
            sig: None,
        }
    }

    pub fn is_nullable(&self) -> bool {
        match self {
            DartType::Dynamic | DartType::Void | DartType::Null => true,
            DartType::Never => false,
            DartType::Interface { nullable, .. }
            | DartType::TypeParameter { nullable, .. }
            | DartType::Function { nullable, .. }
            | DartType::Record { nullable }
            | DartType::Extension { nullable, .. } => *nullable,
            DartType::RecordType(r) => r.nullable,
        }
    }
}

/// Where `ExprKind::TypeArgs` finds type parameters: `source` evaluates to a vector whose
/// i-th type is the value of `names[i]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TypeEnvEntry {
    pub names: Vec<Symbol>,
    pub source: Expr,
}

impl DartType {
    /// Does the type mention a type parameter (so it can only be built at run time)?
    pub fn is_open(&self) -> bool {
        match self {
            DartType::TypeParameter { .. } => true,
            DartType::Interface { args, .. } => args.iter().any(DartType::is_open),
            DartType::Function { sig: Some(sig), .. } => sig.types().any(DartType::is_open),
            _ => false,
        }
    }
}

/// Adds the names of the type parameters `ty` mentions to `out`.
pub fn free_type_params(ty: &DartType, out: &mut Vec<Symbol>) {
    match ty {
        DartType::TypeParameter { name, .. } if !out.contains(name) => out.push(*name),
        DartType::Interface { args, .. } => args.iter().for_each(|a| free_type_params(a, out)),
        DartType::Function { sig: Some(sig), .. } => {
            sig.types().for_each(|t| free_type_params(t, out))
        }
        _ => {}
    }
}

/// Does `ty` mention a type parameter anywhere, record fields included?
pub fn mentions_type_param(ty: &DartType) -> bool {
    match ty {
        DartType::TypeParameter { .. } => true,
        DartType::Interface { args, .. } | DartType::Extension { args, .. } => {
            args.iter().any(mentions_type_param)
        }
        DartType::Function { sig: Some(sig), .. } => sig.types().any(mentions_type_param),
        DartType::RecordType(r) => r.fields.iter().any(mentions_type_param),
        _ => false,
    }
}

/// Compile-time constants, canonicalised: equal constants share one `ConstId`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Constant {
    Null,
    Bool(bool),
    Int(i64),
    Double(f64),
    String(String),
    List {
        element_type: DartType,
        elements: Vec<ConstId>,
    },
    /// Entries in insertion order, keys distinct (by primitive equality).
    Map {
        key_type: DartType,
        value_type: DartType,
        entries: Vec<(ConstId, ConstId)>,
    },
    /// Elements in insertion order, distinct (by primitive equality).
    Set {
        element_type: DartType,
        elements: Vec<ConstId>,
    },
    Instance {
        class: ClassId,
        fields: Vec<(FieldId, ConstId)>,
    },
    Record {
        positional: Vec<ConstId>,
        named: Vec<(Symbol, ConstId)>,
    },
    Type(DartType),
    /// A tear-off of a static function.
    Function(FunctionId),
}

// ---------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------

id_type!(
    /// A break/continue target within one function.
    LabelId
);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum StmtKind {
    Block(Vec<Stmt>),
    Expr(Expr),
    /// Declares (and for captured locals, allocates the box of) a local variable.
    /// `init: None` leaves it `null` (or unassigned, for `late`).
    VarDecl {
        local: LocalId,
        init: Option<Expr>,
    },
    If {
        condition: Expr,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
    },
    /// `loop { body }` with `break`/`continue` labels; `for`, `while`, `do` all lower to
    /// this with explicit condition checks. `continue` jumps to `continue_target`
    /// (the update part of a `for`), which then falls back to the top.
    Loop {
        label: LabelId,
        body: Box<Stmt>,
        update: Option<Box<Stmt>>,
    },
    /// A labelled block that `break label` leaves.
    Labeled {
        label: LabelId,
        body: Box<Stmt>,
    },
    Break(LabelId),
    Continue(LabelId),
    Return(Option<Expr>),
    Try {
        body: Box<Stmt>,
        catches: Vec<Catch>,
        finally: Option<Box<Stmt>>,
    },
    Throw(Expr),
    Rethrow,
    /// Debug mode only (kernel drops asserts when asserts are off).
    Assert {
        condition: Expr,
        message: Option<Expr>,
    },
    /// For captured loop variables: give the next iteration a fresh box holding the current
    /// value (Dart's per-iteration `for` variable semantics).
    FreshBox(LocalId),
    /// `yield e` / `yield* e` in generators.
    Yield {
        value: Expr,
        star: bool,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catch {
    /// `None` catches everything (`catch (e)` without `on`).
    pub on_type: Option<DartType>,
    pub exception: Option<LocalId>,
    pub stack_trace: Option<LocalId>,
    pub body: Stmt,
}

// ---------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Static type, as inferred by `kernel` (often `Dynamic` for now).
    pub ty: DartType,
}

/// Arguments of a call: positional in order, then named (in source order, with names).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Args {
    pub positional: Vec<Expr>,
    pub named: Vec<(Symbol, Expr)>,
    /// Type arguments of a generic callee (an expression giving a type-argument vector,
    /// see `ExprKind::TypeArgs`); `None` lets the callee default them.
    pub type_args: Option<Box<Expr>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ExprKind {
    Const(ConstId),
    /// Creates a fresh (non-const) string from parts: each part's `toString()` joined.
    StringConcat(Vec<Expr>),
    LocalGet(LocalId),
    LocalSet(LocalId, Box<Expr>),
    /// The closure function's own capture `n` (a box).
    CapturedGet(u32),
    CapturedSet(u32, Box<Expr>),
    /// `this` (local 0 of a method/constructor).
    This,
    StaticGet(FieldId),
    StaticSet(FieldId, Box<Expr>),
    /// Reads instance field `field` of `receiver` directly (no dispatch): constructor
    /// initialisation, `super.field`, synthesised members.
    FieldGet {
        receiver: Box<Expr>,
        field: FieldId,
    },
    /// Writes instance field `field` of `receiver` directly (no setter dispatch); the value
    /// of the expression is `value`. Constructors initialise fields with this.
    FieldSet {
        receiver: Box<Expr>,
        field: FieldId,
        value: Box<Expr>,
    },
    /// A direct call: top-level/static functions, constructors' bodies (`super(...)`),
    /// `super.m()` calls. For instance targets the receiver is `receiver`.
    StaticCall {
        target: FunctionId,
        receiver: Option<Box<Expr>>,
        args: Args,
    },
    /// Dynamic dispatch by selector (`a.m(x)`, `a + b`, `a[i]`, `a == b` is `Equals`).
    InstanceCall {
        receiver: Box<Expr>,
        selector: Symbol,
        args: Args,
    },
    InstanceGet {
        receiver: Box<Expr>,
        name: Symbol,
    },
    InstanceSet {
        receiver: Box<Expr>,
        name: Symbol,
        value: Box<Expr>,
    },
    /// Calls a function value (`f(x)` where `f` is a closure, or `.call`).
    FunctionCall {
        callee: Box<Expr>,
        args: Args,
    },
    /// Allocates an instance of `class` and runs generative constructor `constructor` on it.
    New {
        class: ClassId,
        constructor: FunctionId,
        args: Args,
        /// Generic classes: the instance's type-argument vector (`None`: all `dynamic`).
        type_args: Option<Box<Expr>>,
    },
    /// `a == b` with Dart's rules (identical, then null checks, then `operator ==`).
    Equals {
        left: Box<Expr>,
        right: Box<Expr>,
        negated: bool,
    },
    /// `identical(a, b)`
    Identical(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Conditional {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Is {
        expr: Box<Expr>,
        ty: DartType,
        negated: bool,
    },
    /// `expr as ty`. `implicit`: inserted where a value of a wider static type flows
    /// into a narrower one (an implicit downcast, no `as` in the source); its TypeError
    /// lacks the explicit cast's ` in type cast`, as in the Dart VM.
    As {
        expr: Box<Expr>,
        ty: DartType,
        implicit: bool,
    },
    /// `e!`
    NullCheck(Box<Expr>),
    /// `await e` in an `async` function: suspends the frame until `e` (a future, or a
    /// value treated as a completed one) completes, then gives its value or throws its
    /// error at this point.
    Await(Box<Expr>),
    Throw(Box<Expr>),
    /// A list literal with computed elements (non-const). `type_args` is set when the
    /// element type mentions type parameters (otherwise the emitter folds `element_type`).
    ListLiteral {
        element_type: DartType,
        elements: Vec<Expr>,
        type_args: Option<Box<Expr>>,
    },
    MapLiteral {
        key_type: DartType,
        value_type: DartType,
        entries: Vec<(Expr, Expr)>,
        type_args: Option<Box<Expr>>,
    },
    /// The runtime type-argument vector (a Smi id) for `types`, whose type parameters are
    /// looked up in `env` (innermost entry last). Closed types fold to a constant.
    TypeArgs {
        types: Vec<DartType>,
        env: Vec<TypeEnvEntry>,
    },
    /// The type-argument vector of `receiver` viewed as an instance of generic `class`
    /// (the receiver's own vector, or the one its supertypes give `class`).
    InstanceTypeArgs {
        receiver: Box<Expr>,
        class: ClassId,
    },
    /// `expr is T` / `expr as T` where `T` is only known at run time: `type_args` is a
    /// one-element `TypeArgs` vector.
    IsRuntime {
        expr: Box<Expr>,
        type_args: Box<Expr>,
        negated: bool,
    },
    AsRuntime {
        expr: Box<Expr>,
        type_args: Box<Expr>,
        /// As for `As`: an implicit downcast's error text has no " in type cast".
        implicit: bool,
    },
    /// The `Type` object of the single type in a one-element type-argument vector (`T`
    /// used as a value).
    TypeValue(Box<Expr>),
    /// Creates a closure of `function` capturing per its `captures` list.
    Closure(FunctionId),
    /// Tear-off of a static function (canonical; `identical` holds between tear-offs).
    StaticTearOff(FunctionId),
    /// `let local = value in body`: evaluates value into a temporary, then body.
    Let {
        local: LocalId,
        value: Box<Expr>,
        body: Box<Expr>,
    },
    /// Statements then an expression (lowering of cascades, collection-for, etc.).
    Block {
        stmts: Vec<Stmt>,
        value: Box<Expr>,
    },
    /// Allocates a record of `shape` from `fields` (storage order: positional, then named
    /// sorted by name). The resolver has already arranged for source-order evaluation.
    RecordLiteral {
        shape: RecordShape,
        fields: Vec<Expr>,
    },
    /// Reads field `index` of a record whose static type has `shape`: a direct load when
    /// the value has that shape, otherwise (unsound static type) the dynamic getter.
    RecordGet {
        receiver: Box<Expr>,
        shape: RecordShape,
        index: u32,
    },
    /// Runtime call into a VM native (from `external` functions in the core library).
    Native {
        name: Symbol,
        args: Vec<Expr>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_shapes_sort_names_and_index_fields() {
        let s = |n: &str| Symbol::intern(n);
        let shape = RecordShape::new(2, vec![s("zeta"), s("alpha")]);
        assert_eq!(shape.named, vec![s("alpha"), s("zeta")]);
        assert_eq!(shape, RecordShape::new(2, vec![s("alpha"), s("zeta")]));
        assert_eq!(shape.field_count(), 4);
        assert_eq!(shape.field_index("$1"), Some(0));
        assert_eq!(shape.field_index("$2"), Some(1));
        assert_eq!(shape.field_index("$3"), None);
        assert_eq!(shape.field_index("alpha"), Some(2));
        assert_eq!(shape.field_index("zeta"), Some(3));
        assert_eq!(shape.field_index("beta"), None);
        assert_eq!(shape.field_name(1), s("$2"));
        assert_eq!(shape.field_name(3), s("zeta"));
    }

    #[test]
    fn positional_getter_names() {
        assert_eq!(positional_getter_index("$1"), Some(0));
        assert_eq!(positional_getter_index("$12"), Some(11));
        for bad in ["$0", "$01", "$", "1", "$a", "x", "$-1"] {
            assert_eq!(positional_getter_index(bad), None, "{bad}");
        }
    }
}
