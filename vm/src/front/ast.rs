//! The syntax tree of one Dart 3 compilation unit, exactly as written: every construct
//! the grammar has, with spans, and no name resolution. `kernel` turns it into the
//! resolved program IR; the parser is the only producer.
//!
//! Conventions: every node that a diagnostic may point at carries a `span`; optional
//! syntax is `Option`; lists keep source order (evaluation order matters in Dart).

use super::intern::Symbol;
use super::source::{FileId, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: Symbol,
    pub span: Span,
}

/// `a`, `a.b` or `a.b.c` (library names, annotations, prefixed types).
#[derive(Clone, Debug, PartialEq)]
pub struct QualifiedName {
    pub parts: Vec<Ident>,
    pub span: Span,
}

/// `@name`, `@prefix.name`, `@Class.named(args)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub name: QualifiedName,
    pub type_args: Vec<TypeAnnotation>,
    pub args: Option<Arguments>,
    pub span: Span,
}

pub type Metadata = Vec<Annotation>;

// ---------------------------------------------------------------------------------------
// Compilation units and directives
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct CompilationUnit {
    pub file: FileId,
    /// `#!...` first line, if any.
    pub script_tag: Option<String>,
    pub directives: Vec<Directive>,
    pub declarations: Vec<Declaration>,
    pub span: Span,
}

/// A string literal used as a URI (`import 'foo.dart';`): never interpolated.
#[derive(Clone, Debug, PartialEq)]
pub struct UriLiteral {
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Directive {
    Library {
        metadata: Metadata,
        name: Option<QualifiedName>,
        span: Span,
    },
    Import {
        metadata: Metadata,
        uri: UriLiteral,
        configurations: Vec<Configuration>,
        deferred: bool,
        prefix: Option<Ident>,
        combinators: Vec<Combinator>,
        span: Span,
    },
    Export {
        metadata: Metadata,
        uri: UriLiteral,
        configurations: Vec<Configuration>,
        combinators: Vec<Combinator>,
        span: Span,
    },
    Part {
        metadata: Metadata,
        uri: UriLiteral,
        span: Span,
    },
    PartOf {
        metadata: Metadata,
        target: PartOfTarget,
        span: Span,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum PartOfTarget {
    Uri(UriLiteral),
    Name(QualifiedName),
}

/// `if (dart.library.io) 'io.dart'` or `if (name == 'value') 'uri'`.
#[derive(Clone, Debug, PartialEq)]
pub struct Configuration {
    pub name: QualifiedName,
    pub value: Option<UriLiteral>,
    pub uri: UriLiteral,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Combinator {
    Show(Vec<Ident>),
    Hide(Vec<Ident>),
}

// ---------------------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub enum Declaration {
    Class(ClassDecl),
    Mixin(MixinDecl),
    Extension(ExtensionDecl),
    ExtensionType(ExtensionTypeDecl),
    Enum(EnumDecl),
    Typedef(TypedefDecl),
    Function(FunctionDecl),
    Variables(VariableDecl),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassModifiers {
    pub is_abstract: bool,
    pub is_base: bool,
    pub is_interface: bool,
    pub is_final: bool,
    pub is_sealed: bool,
    pub is_mixin: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDecl {
    pub metadata: Metadata,
    pub modifiers: ClassModifiers,
    pub name: Ident,
    pub type_params: Vec<TypeParameter>,
    pub superclass: Option<TypeAnnotation>,
    pub mixins: Vec<TypeAnnotation>,
    pub interfaces: Vec<TypeAnnotation>,
    /// `class C = S with M;` (a mixin application class): `members` is empty.
    pub is_mixin_application: bool,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MixinDecl {
    pub metadata: Metadata,
    pub is_base: bool,
    pub name: Ident,
    pub type_params: Vec<TypeParameter>,
    pub on: Vec<TypeAnnotation>,
    pub interfaces: Vec<TypeAnnotation>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExtensionDecl {
    pub metadata: Metadata,
    pub name: Option<Ident>,
    pub type_params: Vec<TypeParameter>,
    pub on: TypeAnnotation,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

/// `extension type const Name<T>._(int value) implements Foo { ... }`
#[derive(Clone, Debug, PartialEq)]
pub struct ExtensionTypeDecl {
    pub metadata: Metadata,
    pub is_const: bool,
    pub name: Ident,
    pub type_params: Vec<TypeParameter>,
    pub representation_constructor: Option<Ident>,
    pub representation_type: TypeAnnotation,
    pub representation_name: Ident,
    pub interfaces: Vec<TypeAnnotation>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumDecl {
    pub metadata: Metadata,
    pub name: Ident,
    pub type_params: Vec<TypeParameter>,
    pub mixins: Vec<TypeAnnotation>,
    pub interfaces: Vec<TypeAnnotation>,
    pub values: Vec<EnumValue>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

/// `name`, `name(args)`, `name<T>.ctor(args)`.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    pub metadata: Metadata,
    pub name: Ident,
    pub type_args: Vec<TypeAnnotation>,
    pub constructor: Option<Ident>,
    pub args: Option<Arguments>,
    pub span: Span,
}

/// Both forms: `typedef F = int Function(int);` and the legacy `typedef int F(int x);`
/// (the latter is stored as the equivalent function type).
#[derive(Clone, Debug, PartialEq)]
pub struct TypedefDecl {
    pub metadata: Metadata,
    pub name: Ident,
    pub type_params: Vec<TypeParameter>,
    pub aliased: TypeAnnotation,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    Normal,
    Getter,
    Setter,
    /// `operator +` etc.; the name is the operator's text (`+`, `[]=`, `unary-`, `~`).
    Operator,
}

/// A top-level function, a local function, or (inside [`MethodDecl`]) a method.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDecl {
    pub metadata: Metadata,
    pub is_external: bool,
    pub kind: FunctionKind,
    pub name: Ident,
    pub return_type: Option<TypeAnnotation>,
    pub type_params: Vec<TypeParameter>,
    /// `None` only for getters.
    pub params: Option<FormalParameterList>,
    pub body: FunctionBody,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncKind {
    Sync,
    SyncStar,
    Async,
    AsyncStar,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunctionBody {
    Block(Block, AsyncKind),
    /// `=> expr`
    Expr(Box<Expr>, AsyncKind),
    /// `;` — abstract or external member.
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FormalParameterList {
    pub params: Vec<FormalParameter>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterKind {
    RequiredPositional,
    OptionalPositional,
    /// `{...}` parameters; `required` is the `required` modifier.
    Named {
        required: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterForm {
    Normal,
    /// `this.x` (initializing formal)
    This,
    /// `super.x` (super parameter)
    Super,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FormalParameter {
    pub metadata: Metadata,
    pub kind: ParameterKind,
    pub form: ParameterForm,
    pub is_final: bool,
    pub is_covariant: bool,
    pub is_var: bool,
    pub name: Ident,
    /// Declared type. A function-typed parameter `int f(String s)` is stored as the
    /// equivalent function type.
    pub ty: Option<TypeAnnotation>,
    pub default_value: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeParameter {
    pub metadata: Metadata,
    pub name: Ident,
    pub bound: Option<TypeAnnotation>,
    pub span: Span,
}

/// Top-level, static, instance or local variables declared together.
#[derive(Clone, Debug, PartialEq)]
pub struct VariableDecl {
    pub metadata: Metadata,
    pub is_static: bool,
    pub is_late: bool,
    pub is_final: bool,
    pub is_const: bool,
    pub is_covariant: bool,
    pub is_external: bool,
    /// `abstract int x;` in a class: an abstract getter (and setter), no storage.
    pub is_abstract: bool,
    /// `var x` has `ty: None`, as has `final x`.
    pub ty: Option<TypeAnnotation>,
    pub vars: Vec<VariableDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VariableDeclarator {
    pub name: Ident,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClassMember {
    Method(MethodDecl),
    Field(VariableDecl),
    Constructor(ConstructorDecl),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MethodDecl {
    pub is_static: bool,
    /// `function.body` is `FunctionBody::Empty` for abstract and external methods.
    pub function: FunctionDecl,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstructorDecl {
    pub metadata: Metadata,
    pub is_const: bool,
    pub is_factory: bool,
    pub is_external: bool,
    /// The class name as written before the optional `.name`.
    pub class_name: Ident,
    /// `C.named` → `named`; for `C.new` → `new`; unnamed → `None`.
    pub name: Option<Ident>,
    pub params: FormalParameterList,
    pub initializers: Vec<Initializer>,
    /// `factory C() = D<int>.named;`
    pub redirect: Option<ConstructorRef>,
    pub body: FunctionBody,
    pub span: Span,
}

/// A reference to a constructor: a type and an optional constructor name.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstructorRef {
    pub ty: TypeAnnotation,
    pub name: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Initializer {
    /// `x = e` or `this.x = e`
    Field {
        name: Ident,
        value: Expr,
        span: Span,
    },
    /// `super(args)` / `super.named(args)`
    Super {
        name: Option<Ident>,
        args: Arguments,
        span: Span,
    },
    /// `this(args)` / `this.named(args)` (redirecting generative constructor)
    Redirect {
        name: Option<Ident>,
        args: Arguments,
        span: Span,
    },
    Assert {
        condition: Expr,
        message: Option<Expr>,
        span: Span,
    },
}

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub enum TypeAnnotation {
    /// `int`, `List<int>?`, `prefix.Type<T>`, `void`, `dynamic`, `Never`, `Function`.
    Named {
        prefix: Option<Ident>,
        name: Ident,
        args: Vec<TypeAnnotation>,
        nullable: bool,
        span: Span,
    },
    /// `R Function<T>(A a, [B b])?`
    Function {
        return_type: Option<Box<TypeAnnotation>>,
        type_params: Vec<TypeParameter>,
        params: Vec<FunctionTypeParam>,
        nullable: bool,
        span: Span,
    },
    /// `(int, String name, {bool flag})?`
    Record {
        positional: Vec<RecordTypeField>,
        named: Vec<RecordTypeField>,
        nullable: bool,
        span: Span,
    },
}

impl TypeAnnotation {
    pub fn span(&self) -> Span {
        match self {
            TypeAnnotation::Named { span, .. }
            | TypeAnnotation::Function { span, .. }
            | TypeAnnotation::Record { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionTypeParam {
    pub kind: ParameterKind,
    pub name: Option<Ident>,
    pub ty: TypeAnnotation,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordTypeField {
    pub metadata: Metadata,
    pub name: Option<Ident>,
    pub ty: TypeAnnotation,
    pub span: Span,
}

// ---------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Block(Block),
    Expr(Expr),
    Variables(VariableDecl),
    /// `var (a, b) = e;`, `final [x, ...] = e;`
    PatternVariables {
        is_final: bool,
        pattern: Pattern,
        init: Expr,
    },
    LocalFunction(FunctionDecl),
    If {
        condition: Expr,
        /// `if (e case P when g)`
        case: Option<CaseHead>,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
    },
    For {
        init: Option<ForInit>,
        condition: Option<Expr>,
        updates: Vec<Expr>,
        body: Box<Stmt>,
    },
    ForIn {
        is_await: bool,
        binding: ForInBinding,
        iterable: Expr,
        body: Box<Stmt>,
    },
    While {
        condition: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        condition: Expr,
    },
    Switch {
        subject: Expr,
        cases: Vec<SwitchCase>,
    },
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Return(Option<Expr>),
    Yield {
        is_star: bool,
        value: Expr,
    },
    Try {
        body: Block,
        catches: Vec<CatchClause>,
        finally: Option<Block>,
    },
    Rethrow,
    Assert {
        condition: Expr,
        message: Option<Expr>,
    },
    Labeled {
        labels: Vec<Ident>,
        body: Box<Stmt>,
    },
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    Variables(VariableDecl),
    /// `for (var (a, b) = e; ...)`
    Pattern {
        is_final: bool,
        pattern: Pattern,
        init: Expr,
    },
    Exprs(Vec<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInBinding {
    /// `for (final int x in ...)`, `for (var x in ...)`, `for (int x in ...)`
    Variable {
        is_final: bool,
        ty: Option<TypeAnnotation>,
        name: Ident,
    },
    /// `for (x in ...)` / `for (a.b in ...)`: assigns to an existing l-value.
    Target(Expr),
    /// `for (var (a, b) in ...)`
    Pattern { is_final: bool, pattern: Pattern },
}

/// A pattern with an optional guard: `case P when g`.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseHead {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub span: Span,
}

/// One arm of a switch statement: labels, one or more heads sharing one body, or `default:`.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchCase {
    pub labels: Vec<Ident>,
    pub heads: Vec<CaseHead>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatchClause {
    pub on_type: Option<TypeAnnotation>,
    pub exception: Option<Ident>,
    pub stack_trace: Option<Ident>,
    pub body: Block,
    pub span: Span,
}

// ---------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    IfNull,
    Or,
    And,
    Eq,
    NotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    BitOr,
    BitXor,
    BitAnd,
    Shl,
    Shr,
    UShr,
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Mod,
}

impl BinaryOp {
    /// The operator's source text (`~/`, `>>>`, `??`, ...).
    pub fn text(self) -> &'static str {
        use BinaryOp::*;
        match self {
            IfNull => "??",
            Or => "||",
            And => "&&",
            Eq => "==",
            NotEq => "!=",
            Lt => "<",
            Gt => ">",
            LtEq => "<=",
            GtEq => ">=",
            BitOr => "|",
            BitXor => "^",
            BitAnd => "&",
            Shl => "<<",
            Shr => ">>",
            UShr => ">>>",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            IntDiv => "~/",
            Mod => "%",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-e`
    Neg,
    /// `!e`
    Not,
    /// `~e`
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IncDec {
    Inc,
    Dec,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StringPart {
    /// Literal text with escapes already decoded.
    Text(String),
    /// `$name` or `${expr}`
    Interpolation(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    pub name: Option<Ident>,
    pub value: Expr,
}

/// Call arguments in source order (named arguments may appear anywhere).
#[derive(Clone, Debug, PartialEq)]
pub struct Arguments {
    pub args: Vec<Argument>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordField {
    pub name: Option<Ident>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Null,
    Bool(bool),
    /// Integer literal text as written (decimal or `0x` hex), without separators
    /// (`1_000` → `1000`); range checks happen in `kernel` (a literal that only fits as a
    /// double, or a negated `9223372036854775808`, is legal in some contexts).
    Int(String),
    Double(f64),
    /// Adjacent string literals are merged into one `String` with all parts.
    String(Vec<StringPart>),
    /// `#foo`, `#foo.bar`, `#+`
    Symbol(String),
    Ident(Ident),
    This,
    /// `super` as the receiver of a member access (`super.m()`, `super[i]`, `super + x`).
    Super,
    List {
        is_const: bool,
        type_arg: Option<Box<TypeAnnotation>>,
        elements: Vec<CollectionElement>,
    },
    /// `{}`-delimited literal; whether it is a set or a map is decided by `kernel`
    /// from the type arguments and elements.
    SetOrMap {
        is_const: bool,
        type_args: Vec<TypeAnnotation>,
        elements: Vec<CollectionElement>,
    },
    Record {
        is_const: bool,
        fields: Vec<RecordField>,
    },
    Function {
        type_params: Vec<TypeParameter>,
        params: FormalParameterList,
        body: FunctionBody,
    },
    /// `(e)`
    Paren(Box<Expr>),
    /// `name(args)`, `target.name(args)`, `target?.name(args)`; also constructor calls
    /// without `new` (`Foo(1)`, `Foo.named(1)`, `prefix.Foo(1)`) which `kernel` resolves.
    MethodCall {
        target: Option<Box<Expr>>,
        null_aware: bool,
        name: Ident,
        type_args: Vec<TypeAnnotation>,
        args: Arguments,
    },
    /// `e(args)` where `e` is not a simple or member name: `(f)(x)`, `f()()`, `list[0](x)`.
    Call {
        callee: Box<Expr>,
        type_args: Vec<TypeAnnotation>,
        args: Arguments,
    },
    /// `target.name`, `target?.name`; `C.new` is a constructor tear-off.
    PropertyGet {
        target: Box<Expr>,
        null_aware: bool,
        name: Ident,
    },
    /// `new T.name(args)`, `const T(args)`, and `T<A>.name(args)` without a keyword.
    New {
        keyword: NewKeyword,
        ty: TypeAnnotation,
        name: Option<Ident>,
        args: Arguments,
    },
    Index {
        target: Box<Expr>,
        null_aware: bool,
        index: Box<Expr>,
    },
    /// `target = value`, `target op= value` (`op` is `Some`, including `??=`).
    Assign {
        target: Box<Expr>,
        op: Option<BinaryOp>,
        value: Box<Expr>,
    },
    /// `(a, b) = (b, a)`, `[x, y] = list`
    PatternAssign {
        pattern: Box<Pattern>,
        value: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `++e`, `--e`
    Prefix {
        op: IncDec,
        target: Box<Expr>,
    },
    /// `e++`, `e--`
    Postfix {
        op: IncDec,
        target: Box<Expr>,
    },
    /// `e!`
    NullCheck(Box<Expr>),
    Conditional {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Is {
        expr: Box<Expr>,
        ty: TypeAnnotation,
        negated: bool,
    },
    As {
        expr: Box<Expr>,
        ty: TypeAnnotation,
    },
    Throw(Box<Expr>),
    Await(Box<Expr>),
    /// `target..a()..b = 1`, `target?..a()`: each section is an expression whose
    /// innermost receiver is [`ExprKind::CascadeReceiver`].
    Cascade {
        target: Box<Expr>,
        null_aware: bool,
        sections: Vec<Expr>,
    },
    /// Placeholder for the cascade's receiver inside a cascade section.
    CascadeReceiver,
    /// A type used as an expression with type arguments: `List<int>`, `Map<K, V>`
    /// (a plain `int` is an `Ident`). Also `void` is never an expression.
    TypeLiteral(TypeAnnotation),
    /// `f<int>` / `obj.m<int>` (explicit instantiation of a generic function tear-off,
    /// or `C<int>.new` handled as `PropertyGet` on this).
    Instantiation {
        expr: Box<Expr>,
        type_args: Vec<TypeAnnotation>,
    },
    Switch {
        subject: Box<Expr>,
        cases: Vec<SwitchExprCase>,
    },
    /// An expression the parser could not read; a diagnostic has been reported.
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewKeyword {
    New,
    Const,
    /// Written without a keyword: `Foo<int>.named()`.
    Implicit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchExprCase {
    pub head: CaseHead,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CollectionElement {
    Expr(Expr),
    /// `?e` (null-aware element, Dart 3.8)
    NullAwareExpr(Expr),
    MapEntry {
        key: Expr,
        value: Expr,
        null_aware_key: bool,
        null_aware_value: bool,
    },
    Spread {
        null_aware: bool,
        expr: Expr,
    },
    If {
        condition: Expr,
        case: Option<CaseHead>,
        then: Box<CollectionElement>,
        otherwise: Option<Box<CollectionElement>>,
    },
    For {
        init: Option<ForInit>,
        condition: Option<Expr>,
        updates: Vec<Expr>,
        body: Box<CollectionElement>,
    },
    ForIn {
        is_await: bool,
        binding: ForInBinding,
        iterable: Expr,
        body: Box<CollectionElement>,
    },
}

// ---------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationalOp {
    Eq,
    NotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    Or(Box<Pattern>, Box<Pattern>),
    And(Box<Pattern>, Box<Pattern>),
    Relational {
        op: RelationalOp,
        operand: Expr,
    },
    /// `p as T`
    Cast {
        pattern: Box<Pattern>,
        ty: TypeAnnotation,
    },
    /// `p?`
    NullCheck(Box<Pattern>),
    /// `p!`
    NullAssert(Box<Pattern>),
    /// A constant pattern: literals, `const (...)`, `const [...]`, qualified names, and a
    /// bare identifier in a *matching* context (`case foo:` compares with `foo`).
    Constant(Expr),
    /// A variable binding: `var x`, `final int x`, `int x`, and a bare identifier in a
    /// *declaration* context (`var (a, b) = ...`). `_` is [`PatternKind::Wildcard`].
    Variable {
        is_final: bool,
        ty: Option<TypeAnnotation>,
        name: Ident,
    },
    /// A bare identifier in a pattern *assignment* (`(a, b) = (b, a)`): assigns to an
    /// existing variable.
    Assign(Ident),
    /// `_`, `int _`, `final _`
    Wildcard {
        ty: Option<TypeAnnotation>,
    },
    Paren(Box<Pattern>),
    List {
        type_arg: Option<TypeAnnotation>,
        elements: Vec<ListPatternElement>,
    },
    Map {
        type_args: Vec<TypeAnnotation>,
        entries: Vec<MapPatternEntry>,
    },
    Record {
        fields: Vec<PatternField>,
    },
    /// `Point(x: 1, :var y)`
    Object {
        ty: TypeAnnotation,
        fields: Vec<PatternField>,
    },
    /// A pattern the parser could not read; a diagnostic has been reported.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ListPatternElement {
    Pattern(Pattern),
    /// `...` or `...rest`
    Rest(Option<Pattern>, Span),
}

// Map patterns are rare and their entries are read once: boxing would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum MapPatternEntry {
    Entry { key: Expr, value: Pattern },
    Rest(Span),
}

/// A record or object pattern field: `name: p`, `:p` (name taken from the variable in `p`),
/// or positional `p` (record patterns only).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternField {
    pub name: Option<Ident>,
    /// `:var x` — the name is implied by the pattern's variable.
    pub implicit_name: bool,
    pub pattern: Pattern,
    pub span: Span,
}
