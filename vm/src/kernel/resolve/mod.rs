//! The resolver: turns the parsed libraries of a program into the resolved IR.
//!
//! It runs in phases over the whole program: declare every top-level entity
//! (`declarations`), build library namespaces from imports and exports (`scope`), resolve
//! class headers and members with instance-field layouts (`declarations`, `classes`), then
//! lower every body (`lower_stmt`, `lower_expr`, ...) with closure capture analysis
//! (`closures`) and constant evaluation (`constants`). Errors are reported in the Dart
//! front end's wording (`messages`) and resolution continues, so one run reports as much
//! as it can.

mod body;
mod bounds;
mod calls;
mod check;
mod class_checks;
mod class_modifiers;
mod classes;
mod closures;
mod collections;
mod const_checks;
mod constants;
mod ctor_checks;
mod declarations;
mod erase;
mod exhaustiveness;
mod extension_types;
mod extensions;
mod flow;
mod functions;
mod lower_assign;
mod lower_expr;
mod lower_stmt;
mod members;
mod messages;
mod nsm_forwarders;
mod overrides;
mod param_checks;
mod pattern_cache;
mod patterns;
mod promotion;
mod raw_type_tests;
mod records;
mod reified;
mod scope;
mod spread_checks;
mod types;

use super::ir::{self, ClassId, ConstId, DartType, FieldId, FunctionId, LibraryId};
use super::loader::{LoadOptions, LoadedLibrary};
use crate::front::ast;
use crate::front::diagnostics::Diagnostics;
use crate::front::intern::Symbol;
use crate::front::source::{SourceMap, Span};
use std::collections::{HashMap, HashSet};

pub(crate) use scope::{Decl, LibScope};

/// Resolves the loaded libraries into a program. Errors go to `diags`; the returned program
/// is only meaningful when none were reported.
pub(crate) fn resolve_program(
    libs: &[LoadedLibrary],
    opts: &LoadOptions,
    sources: &SourceMap,
    diags: &mut Diagnostics,
) -> ir::Program {
    let started = std::time::Instant::now();
    let mut r = Resolver::new(libs, opts, sources, diags);
    r.declare_all();
    r.build_namespaces();
    r.resolve_class_headers();
    r.resolve_extension_headers();
    r.declare_members();
    r.declare_extension_members();
    r.declare_top_level_signatures();
    r.evaluate_defaults();
    r.add_no_such_method_forwarders();
    r.set_default_type_args();
    r.check_class_declarations();
    let declared = started.elapsed();
    r.lower_all_bodies();
    r.check_pending_bounds();
    let lowered = started.elapsed();
    r.find_main();
    r.record_return_types();
    r.relax_raw_type_tests();
    r.erase_extension_types();
    let us = |d: std::time::Duration| d.as_micros() as u64;
    tracing::debug!(
        target: "dartrs::front",
        declare_us = us(declared),
        bodies_us = us(lowered - declared),
        finish_us = us(started.elapsed() - lowered),
        "resolved"
    );
    r.program
}

/// An instance or static member of a class, by name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Member {
    Method(FunctionId),
    Field(FieldId),
    Accessors {
        getter: Option<FunctionId>,
        setter: Option<FunctionId>,
    },
}

/// What a function's callers need to know: parameter names and types, return type.
#[derive(Clone, Debug)]
pub(crate) struct Signature {
    pub positional: Vec<(Symbol, DartType)>,
    pub required_positional: usize,
    pub named: Vec<(Symbol, DartType, bool)>,
    pub return_type: DartType,
    pub type_params: Vec<Symbol>,
    /// The declared bound of each of `type_params` (`None`: none written); what a call
    /// that cannot infer a type argument instantiates it to.
    pub type_param_bounds: Vec<Option<DartType>>,
    /// For parameters declared with a function type: that function's positional
    /// parameter types (function literals passed there get them), by positional index
    /// and by name.
    pub closure_params: Vec<(ParamRef, Vec<DartType>)>,
}

/// A parameter by position or by name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ParamRef {
    Positional(usize),
    Named(Symbol),
}

impl Signature {
    /// Applies `f` to every type in the signature.
    pub fn map_types(&self, f: impl Fn(&DartType) -> DartType) -> Signature {
        Signature {
            positional: self.positional.iter().map(|(n, t)| (*n, f(t))).collect(),
            required_positional: self.required_positional,
            named: self.named.iter().map(|(n, t, r)| (*n, f(t), *r)).collect(),
            return_type: f(&self.return_type),
            type_params: self.type_params.clone(),
            type_param_bounds: self
                .type_param_bounds
                .iter()
                .map(|b| b.as_ref().map(&f))
                .collect(),
            closure_params: self
                .closure_params
                .iter()
                .map(|(p, ts)| (p.clone(), ts.iter().map(&f).collect()))
                .collect(),
        }
    }
}

impl Default for Signature {
    fn default() -> Self {
        Signature {
            closure_params: Vec::new(),
            positional: Vec::new(),
            required_positional: 0,
            named: Vec::new(),
            return_type: DartType::Dynamic,
            type_params: Vec::new(),
            type_param_bounds: Vec::new(),
        }
    }
}

/// Where a class's declaration lives in the syntax trees.
#[derive(Clone, Copy)]
pub(crate) enum ClassSource<'a> {
    Class(&'a ast::ClassDecl),
    Mixin(&'a ast::MixinDecl),
    Enum(&'a ast::EnumDecl),
}

impl<'a> ClassSource<'a> {
    pub fn members(&self) -> &'a [ast::ClassMember] {
        match self {
            ClassSource::Class(c) => &c.members,
            ClassSource::Mixin(m) => &m.members,
            ClassSource::Enum(e) => &e.members,
        }
    }
    pub fn type_params(&self) -> &'a [ast::TypeParameter] {
        match self {
            ClassSource::Class(c) => &c.type_params,
            ClassSource::Mixin(m) => &m.type_params,
            ClassSource::Enum(e) => &e.type_params,
        }
    }
}

/// Resolver-side facts about a class beyond what `ir::Class` records.
pub(crate) struct ClassInfo<'a> {
    pub lib: LibraryId,
    pub source: ClassSource<'a>,
    pub type_params: Vec<Symbol>,
    pub supertype: Option<DartType>,
    pub mixin_types: Vec<DartType>,
    pub interfaces: Vec<DartType>,
    /// Instance members declared here (including mixed-in copies), by name.
    pub instance: HashMap<Symbol, Member>,
    pub statics: HashMap<Symbol, Member>,
    /// Constructors by name (`""` for the unnamed one).
    pub ctors: HashMap<Symbol, FunctionId>,
    /// `late` instance fields declared here: name -> (value storage, "is set" flag), so
    /// that constructors can initialise them (`this.x`, `x = e`) without the setter.
    pub late_fields: HashMap<Symbol, (FieldId, FieldId)>,
    /// Instance slots including inherited ones; `None` until laid out.
    pub slot_count: Option<u32>,
    pub is_mixin: bool,
    pub members_declared: bool,
}

/// A body still to be lowered, with the context it is lowered in.
#[derive(Clone, Copy)]
pub(crate) enum BodySource<'a> {
    Function {
        decl: &'a ast::FunctionDecl,
        ctx: MemberContext,
    },
    Constructor {
        decl: &'a ast::ConstructorDecl,
        ctx: MemberContext,
    },
    /// The implicit `C()` of a class without constructors.
    DefaultConstructor { ctx: MemberContext },
    /// A constructor of a mixin application class (`class C = S with M;`) that forwards
    /// its parameters to the superclass constructor `target`.
    ForwardingConstructor {
        ctx: MemberContext,
        target: FunctionId,
    },
    /// A static or top-level field's initialiser.
    FieldInit {
        expr: &'a ast::Expr,
        field: FieldId,
        ctx: MemberContext,
    },
    /// An enum's `toString`.
    EnumToString { class: ClassId },
    /// A `const` static field without syntax of its own (enum values, `values`).
    ConstField { field: FieldId },
    /// A constructor of an extension type (not the primary one, which is lowered
    /// inline): binds the representation to the receiver slot and returns it.
    ExtensionTypeConstructor {
        decl: &'a ast::ConstructorDecl,
        ctx: MemberContext,
    },
    /// The getter of a `late` instance field: runs the initialiser on first read, or
    /// throws LateInitializationError when there is none (`flag` records that `storage`
    /// holds a value).
    LateFieldGetter {
        storage: FieldId,
        flag: FieldId,
        init: Option<&'a ast::Expr>,
        ctx: MemberContext,
    },
    /// Its setter (non-final fields): stores and sets the flag.
    LateFieldSetter {
        storage: FieldId,
        flag: FieldId,
        ctx: MemberContext,
    },
}

/// The lexical and `this` context of a member body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MemberContext {
    /// The library whose scope names resolve in.
    pub lib: LibraryId,
    /// The class whose members are lexically in scope (for mixin copies: the mixin).
    pub lexical_class: Option<ClassId>,
    /// The class `this` is an instance of (for mixin copies: the class mixing it in).
    pub this_class: Option<ClassId>,
    /// For mixin copies: the mixin's index in `this_class`'s mixins (super lookups start
    /// below it). `None` for the class's own members.
    pub mixin_index: Option<usize>,
    /// Members of an extension: the extension (its `on` type is the type of `this`).
    pub extension: Option<usize>,
    pub is_static: bool,
}

/// An `extension` or an `extension type`: its members are functions called statically
/// with the receiver as local 0 (`StaticCall` with a receiver), found by the receiver's
/// static type (extensions: any type their `on` type matches; extension types: the
/// extension type itself, `DartType::Extension`).
pub(crate) struct ExtensionInfo<'a> {
    pub lib: LibraryId,
    /// The name as the front end shows it (`<unnamed extension>` for unnamed ones).
    pub name: Symbol,
    pub members: &'a [ast::ClassMember],
    /// The `on` type as written (extension types: the representation type).
    pub on_ann: &'a ast::TypeAnnotation,
    pub type_params: Vec<Symbol>,
    /// The `on` type of an extension, the representation type of an extension type
    /// (resolved in phase 3).
    pub on: DartType,
    pub instance: HashMap<Symbol, Member>,
    pub statics: HashMap<Symbol, Member>,
    /// Set for extension types.
    pub ext_type: Option<ExtensionTypeInfo<'a>>,
}

/// What an `extension type` has beyond an extension's members.
pub(crate) struct ExtensionTypeInfo<'a> {
    pub decl: &'a ast::ExtensionTypeDecl,
    /// The `implements` clause, resolved: other extension types (`DartType::Extension`)
    /// and class types the representation type is a subtype of.
    pub interfaces: Vec<DartType>,
    /// Constructors by name (`""` for the unnamed one); each is a function with a
    /// receiver slot that callers fill with `null` and that returns the representation.
    pub ctors: HashMap<Symbol, FunctionId>,
    /// The primary constructor's name (`""` when unnamed): calls are the identity on
    /// the argument.
    pub primary: Symbol,
    /// The representation getter (its calls are lowered to the receiver itself).
    pub rep_getter: Option<FunctionId>,
}

/// A `typedef`: its library, type parameters and the aliased type (resolved lazily).
pub(crate) struct TypedefInfo<'a> {
    pub lib: LibraryId,
    pub decl: &'a ast::TypedefDecl,
}

pub(crate) struct Resolver<'a> {
    pub libs: &'a [LoadedLibrary],
    pub opts: &'a LoadOptions,
    pub sources: &'a SourceMap,
    pub diags: &'a mut Diagnostics,
    pub program: ir::Program,
    pub scopes: Vec<LibScope>,
    pub classes: Vec<ClassInfo<'a>>,
    pub typedefs: Vec<TypedefInfo<'a>>,
    pub extensions: Vec<ExtensionInfo<'a>>,
    /// Indexed by `FunctionId`.
    pub sigs: Vec<Signature>,
    /// Bodies to lower, in declaration order.
    pub jobs: Vec<(FunctionId, BodySource<'a>)>,
    /// Constructor syntax by function, for constant evaluation.
    pub ctor_decls: HashMap<FunctionId, (&'a ast::ConstructorDecl, ClassId)>,
    /// Static/top-level fields' syntax: declaration and declarator, with their context.
    pub field_decls: HashMap<
        FieldId,
        (
            &'a ast::VariableDecl,
            &'a ast::VariableDeclarator,
            MemberContext,
        ),
    >,
    /// Values of `const` fields, once evaluated (`None` while being evaluated: a cycle).
    pub const_fields: HashMap<FieldId, Option<ConstId>>,
    pub const_index: HashMap<String, ConstId>,
    /// Why the last constant evaluation failed, when it found an error (a duplicate or
    /// non-primitive key) rather than a non-constant; reported by callers that need a
    /// constant.
    pub const_error: Option<(Span, String)>,
    /// For an error found while evaluating (a division by zero, an operator on the
    /// wrong kind of value): where and why, reported as a context note of
    /// `const_error`, which then sits at the expression whose evaluation started.
    pub const_error_context: Option<(Span, String)>,
    /// The expression the current constant evaluation started at.
    pub const_eval_start: Option<Span>,
    /// `const` fields whose initialisers are being evaluated (a cycle when one is
    /// asked for again).
    pub const_fields_in_progress: std::collections::HashSet<FieldId>,
    /// Default values to evaluate once every declaration exists.
    pub pending_defaults: Vec<(
        FunctionId,
        declarations::DefaultSlot,
        &'a ast::Expr,
        MemberContext,
        DartType,
    )>,
    /// Set when declaration is over: constant evaluation failures are then final.
    pub consts_final: bool,
    /// Top-level declarations' spans, for "previous declaration" notes.
    pub decl_spans: HashMap<(LibraryId, Symbol), Span>,
    /// Instance fields' syntax (initialisers are inlined into constructors).
    pub instance_field_decls: HashMap<
        FieldId,
        (
            &'a ast::VariableDecl,
            &'a ast::VariableDeclarator,
            MemberContext,
        ),
    >,
    /// Abstract members (no body; skipped by `super` lookups).
    pub abstract_fns: HashSet<FunctionId>,
    /// `late final` static and top-level fields without an initialiser, with the hidden
    /// static that records their one assignment (`x#set`).
    pub late_final_static_flags: HashMap<FieldId, FieldId>,
    /// Members of mixin declarations themselves: never run (classes get copies).
    pub mixin_decl_fns: HashSet<FunctionId>,
    /// Copies of mixin methods: (class, mixin index, name, is setter) → copy.
    pub mixin_copies: HashMap<(ClassId, usize, Symbol, bool), FunctionId>,
    /// Constructors of mixin application classes -> the superclass constructor each
    /// forwards to.
    pub forwarding_ctors: HashMap<FunctionId, FunctionId>,
    /// Instance members of extensions -> their extension.
    pub extension_of_fn: HashMap<FunctionId, usize>,
    /// Enum value fields → (enum, index); `values` fields → enum.
    pub enum_values: HashMap<FieldId, (ClassId, usize)>,
    pub enum_value_lists: HashMap<FieldId, ClassId>,
    /// Constructor tear-off functions, by constructor.
    pub tear_offs: HashMap<FunctionId, FunctionId>,
    /// `dart:core`'s library id (always 0 when loading succeeded).
    pub core_lib: LibraryId,
    /// Set when a `DartType::Extension` was made: the program then needs erasing.
    pub extension_types_used: bool,
    /// Functions made for instantiations of generic functions with closed type
    /// arguments (`f<int>`), one per function and arguments: their tear-offs are
    /// canonical, as the language's constant instantiations are.
    pub instantiations: Vec<(FunctionId, Vec<DartType>, FunctionId)>,
    /// Where static type errors were reported: an instance field's initialiser is
    /// lowered into every generative constructor but reported once.
    pub type_errors_at: HashSet<Span>,
    /// Where a wrong number of type arguments was reported (once per annotation).
    pub type_arg_errors_at: HashSet<Span>,
    /// Written type arguments to check against their bounds after the bodies.
    pub pending_bounds: Vec<bounds::PendingBoundCheck>,
    /// The first argument spans of the queued checks (an annotation may be resolved
    /// more than once).
    pub bounds_queued_at: HashSet<Span>,
    pub class_bounds: bounds::ClassBounds,
    /// Declarations whose raw type is being instantiated to bounds (a bound that names
    /// its own declaration raw gets `dynamic` arguments instead of recursing).
    pub raw_in_progress: HashSet<bounds::Generic>,
}

impl<'a> Resolver<'a> {
    fn new(
        libs: &'a [LoadedLibrary],
        opts: &'a LoadOptions,
        sources: &'a SourceMap,
        diags: &'a mut Diagnostics,
    ) -> Self {
        Resolver {
            libs,
            opts,
            sources,
            diags,
            program: ir::Program::default(),
            scopes: Vec::new(),
            classes: Vec::new(),
            typedefs: Vec::new(),
            extensions: Vec::new(),
            sigs: Vec::new(),
            jobs: Vec::new(),
            ctor_decls: HashMap::new(),
            field_decls: HashMap::new(),
            const_fields: HashMap::new(),
            const_index: HashMap::new(),
            const_error: None,
            const_error_context: None,
            const_eval_start: None,
            const_fields_in_progress: Default::default(),
            pending_defaults: Vec::new(),
            consts_final: false,
            decl_spans: HashMap::new(),
            instance_field_decls: HashMap::new(),
            abstract_fns: HashSet::new(),
            late_final_static_flags: HashMap::new(),
            mixin_decl_fns: HashSet::new(),
            mixin_copies: HashMap::new(),
            forwarding_ctors: HashMap::new(),
            extension_of_fn: HashMap::new(),
            enum_values: HashMap::new(),
            enum_value_lists: HashMap::new(),
            tear_offs: HashMap::new(),
            core_lib: LibraryId(0),
            extension_types_used: false,
            instantiations: Vec::new(),
            type_errors_at: HashSet::new(),
            type_arg_errors_at: HashSet::new(),
            pending_bounds: Vec::new(),
            bounds_queued_at: HashSet::new(),
            class_bounds: HashMap::new(),
            raw_in_progress: HashSet::new(),
        }
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.error(span, message);
    }

    /// Reports a construct dartrs cannot lower yet.
    pub fn unsupported(&mut self, span: Span, construct: &str) {
        self.diags
            .error(span, format!("dartrs does not support {construct} yet."));
    }

    pub fn class(&self, id: ClassId) -> &ir::Class {
        &self.program.classes[id.index()]
    }

    pub fn class_name(&self, id: ClassId) -> Symbol {
        self.program.classes[id.index()].name
    }

    pub fn is_core(&self, lib: LibraryId) -> bool {
        self.program.libraries[lib.index()].uri.starts_with("dart:")
    }

    /// Adds a function shell; its body and locals are filled in when it is lowered.
    pub fn new_function(&mut self, f: ir::Function) -> FunctionId {
        let id = FunctionId(self.program.functions.len() as u32);
        self.program.functions.push(f);
        self.sigs.push(Signature::default());
        id
    }

    pub fn new_field(&mut self, f: ir::Field) -> FieldId {
        let id = FieldId(self.program.fields.len() as u32);
        self.program.fields.push(f);
        id
    }

    fn find_main(&mut self) {
        let Some(root) = self.scopes.get(1) else {
            return;
        };
        let main = Symbol::intern("main");
        match root.declared.get(&main) {
            Some(Decl::Function(f)) => self.program.main = Some(*f),
            _ => {
                let file = self.libs[1].file;
                let len = self.sources.get(file).text.len() as u32;
                self.error(Span::new(file, len, len), messages::missing_main());
            }
        }
    }
}

/// A fresh `ir::Function` with everything empty.
pub(crate) fn function_shell(
    name: Symbol,
    qualified_name: String,
    kind: ir::FunctionKind,
    library: LibraryId,
    owner: Option<ClassId>,
    span: Span,
) -> ir::Function {
    ir::Function {
        return_type: DartType::Dynamic,
        type_args_local: None,
        default_type_args: Vec::new(),
        param_checks: Vec::new(),
        type_params: Vec::new(),
        name,
        qualified_name,
        kind,
        library,
        owner,
        span,
        async_marker: ir::AsyncMarker::Sync,
        params: ir::Parameters::default(),
        locals: Vec::new(),
        body: None,
        captures: Vec::new(),
        native: None,
    }
}

impl Resolver<'_> {
    /// Copies each function's declared return type into the IR (closures' runtime
    /// function types are built from it).
    fn record_return_types(&mut self) {
        for (f, sig) in self.program.functions.iter_mut().zip(&self.sigs) {
            // Function literals already have theirs (possibly inferred from the body).
            if f.kind != ir::FunctionKind::Closure {
                f.return_type = sig.return_type.clone();
            }
        }
    }
}
