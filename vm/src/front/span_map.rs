//! Rewriting every [`Span`] inside a syntax tree in place. Incremental reparsing
//! (`parser::incremental`) reuses the declarations an edit did not touch: they move to
//! the new file's id, and those after the edit move by the edit's change of length.
//!
//! Every struct is taken apart by an exhaustive pattern (no `..`), and every enum by an
//! exhaustive `match`, so a field or variant added to the tree does not compile until
//! this module says what its spans do.

use super::ast::*;
use super::intern::Symbol;
use super::source::{FileId, Span};

/// A tree whose spans can be rewritten.
pub trait MapSpans {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span));
}

/// Moves every span of `tree` into `file`, `delta` bytes later.
pub fn move_spans<T: MapSpans + ?Sized>(tree: &mut T, file: FileId, delta: i64) {
    tree.map_spans(&mut |s: &mut Span| {
        s.file = file;
        s.start = (s.start as i64 + delta) as u32;
        s.end = (s.end as i64 + delta) as u32;
    });
}

impl MapSpans for Span {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self)
    }
}

impl<T: MapSpans> MapSpans for Vec<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for x in self {
            x.map_spans(f);
        }
    }
}

impl<T: MapSpans> MapSpans for Option<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(x) = self {
            x.map_spans(f);
        }
    }
}

impl<T: MapSpans> MapSpans for Box<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).map_spans(f)
    }
}

/// Leaves without spans.
macro_rules! no_spans {
    ($($t:ty),*) => {
        $(impl MapSpans for $t {
            fn map_spans(&mut self, _: &mut dyn FnMut(&mut Span)) {}
        })*
    };
}

no_spans!(
    bool,
    f64,
    String,
    Symbol,
    ClassModifiers,
    FunctionKind,
    AsyncKind,
    ParameterKind,
    ParameterForm,
    BinaryOp,
    UnaryOp,
    IncDec,
    NewKeyword,
    RelationalOp
);

/// Structs: every field, by an exhaustive pattern.
macro_rules! struct_spans {
    ($($t:ident { $($f:ident),* $(,)? })*) => {
        $(impl MapSpans for $t {
            fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
                let $t { $($f),* } = self;
                $($f.map_spans(f);)*
            }
        })*
    };
}

struct_spans! {
    Ident { name, span }
    QualifiedName { parts, span }
    Annotation { name, type_args, args, span }
    UriLiteral { value, span }
    Configuration { name, value, uri, span }
    ClassDecl {
        metadata, modifiers, name, type_params, superclass, mixins, interfaces,
        is_mixin_application, members, span,
    }
    MixinDecl { metadata, is_base, name, type_params, on, interfaces, members, span }
    ExtensionDecl { metadata, name, type_params, on, members, span }
    ExtensionTypeDecl {
        metadata, is_const, name, type_params, representation_constructor,
        representation_type, representation_name, interfaces, members, span,
    }
    EnumDecl { metadata, name, type_params, mixins, interfaces, values, members, span }
    EnumValue { metadata, name, type_args, constructor, args, span }
    TypedefDecl { metadata, name, type_params, aliased, span }
    FunctionDecl {
        metadata, is_external, kind, name, return_type, type_params, params, body, span,
    }
    FormalParameterList { params, span }
    FormalParameter {
        metadata, kind, form, is_final, is_covariant, is_var, name, ty, default_value, span,
    }
    TypeParameter { metadata, name, bound, span }
    VariableDecl {
        metadata, is_static, is_late, is_final, is_const, is_covariant, is_external,
        is_abstract, ty, vars, span,
    }
    VariableDeclarator { name, init, span }
    MethodDecl { is_static, function }
    ConstructorDecl {
        metadata, is_const, is_factory, is_external, class_name, name, params,
        initializers, redirect, body, span,
    }
    ConstructorRef { ty, name, span }
    FunctionTypeParam { kind, name, ty, span }
    RecordTypeField { metadata, name, ty, span }
    Block { stmts, span }
    Stmt { kind, span }
    CaseHead { pattern, guard, span }
    SwitchCase { labels, heads, is_default, body, span }
    CatchClause { on_type, exception, stack_trace, body, span }
    Expr { kind, span }
    Argument { name, value }
    Arguments { args, span }
    RecordField { name, value }
    SwitchExprCase { head, body, span }
    Pattern { kind, span }
    PatternField { name, implicit_name, pattern, span }
}

impl MapSpans for CompilationUnit {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let CompilationUnit {
            file: _,
            script_tag: _,
            directives,
            declarations,
            span,
        } = self;
        directives.map_spans(f);
        declarations.map_spans(f);
        span.map_spans(f);
    }
}

impl MapSpans for Directive {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Directive::Library {
                metadata,
                name,
                span,
            } => {
                metadata.map_spans(f);
                name.map_spans(f);
                span.map_spans(f);
            }
            Directive::Import {
                metadata,
                uri,
                configurations,
                deferred: _,
                prefix,
                combinators,
                span,
            } => {
                metadata.map_spans(f);
                uri.map_spans(f);
                configurations.map_spans(f);
                prefix.map_spans(f);
                combinators.map_spans(f);
                span.map_spans(f);
            }
            Directive::Export {
                metadata,
                uri,
                configurations,
                combinators,
                span,
            } => {
                metadata.map_spans(f);
                uri.map_spans(f);
                configurations.map_spans(f);
                combinators.map_spans(f);
                span.map_spans(f);
            }
            Directive::Part {
                metadata,
                uri,
                span,
            } => {
                metadata.map_spans(f);
                uri.map_spans(f);
                span.map_spans(f);
            }
            Directive::PartOf {
                metadata,
                target,
                span,
            } => {
                metadata.map_spans(f);
                target.map_spans(f);
                span.map_spans(f);
            }
        }
    }
}

impl MapSpans for PartOfTarget {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            PartOfTarget::Uri(u) => u.map_spans(f),
            PartOfTarget::Name(n) => n.map_spans(f),
        }
    }
}

impl MapSpans for Combinator {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Combinator::Show(names) | Combinator::Hide(names) => names.map_spans(f),
        }
    }
}

impl MapSpans for Declaration {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Declaration::Class(d) => d.map_spans(f),
            Declaration::Mixin(d) => d.map_spans(f),
            Declaration::Extension(d) => d.map_spans(f),
            Declaration::ExtensionType(d) => d.map_spans(f),
            Declaration::Enum(d) => d.map_spans(f),
            Declaration::Typedef(d) => d.map_spans(f),
            Declaration::Function(d) => d.map_spans(f),
            Declaration::Variables(d) => d.map_spans(f),
        }
    }
}

impl MapSpans for FunctionBody {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            FunctionBody::Block(b, _) => b.map_spans(f),
            FunctionBody::Expr(e, _) => e.map_spans(f),
            FunctionBody::Empty => {}
        }
    }
}

impl MapSpans for ClassMember {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ClassMember::Method(m) => m.map_spans(f),
            ClassMember::Field(v) => v.map_spans(f),
            ClassMember::Constructor(c) => c.map_spans(f),
        }
    }
}

impl MapSpans for Initializer {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Initializer::Field { name, value, span } => {
                name.map_spans(f);
                value.map_spans(f);
                span.map_spans(f);
            }
            Initializer::Super { name, args, span }
            | Initializer::Redirect { name, args, span } => {
                name.map_spans(f);
                args.map_spans(f);
                span.map_spans(f);
            }
            Initializer::Assert {
                condition,
                message,
                span,
            } => {
                condition.map_spans(f);
                message.map_spans(f);
                span.map_spans(f);
            }
        }
    }
}

impl MapSpans for TypeAnnotation {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            TypeAnnotation::Named {
                prefix,
                name,
                args,
                nullable: _,
                span,
            } => {
                prefix.map_spans(f);
                name.map_spans(f);
                args.map_spans(f);
                span.map_spans(f);
            }
            TypeAnnotation::Function {
                return_type,
                type_params,
                params,
                nullable: _,
                span,
            } => {
                return_type.map_spans(f);
                type_params.map_spans(f);
                params.map_spans(f);
                span.map_spans(f);
            }
            TypeAnnotation::Record {
                positional,
                named,
                nullable: _,
                span,
            } => {
                positional.map_spans(f);
                named.map_spans(f);
                span.map_spans(f);
            }
        }
    }
}

impl MapSpans for StmtKind {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            StmtKind::Block(b) => b.map_spans(f),
            StmtKind::Expr(e) => e.map_spans(f),
            StmtKind::Variables(v) => v.map_spans(f),
            StmtKind::PatternVariables {
                is_final: _,
                pattern,
                init,
            } => {
                pattern.map_spans(f);
                init.map_spans(f);
            }
            StmtKind::LocalFunction(d) => d.map_spans(f),
            StmtKind::If {
                condition,
                case,
                then,
                otherwise,
            } => {
                condition.map_spans(f);
                case.map_spans(f);
                then.map_spans(f);
                otherwise.map_spans(f);
            }
            StmtKind::For {
                init,
                condition,
                updates,
                body,
            } => {
                init.map_spans(f);
                condition.map_spans(f);
                updates.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::ForIn {
                is_await: _,
                binding,
                iterable,
                body,
            } => {
                binding.map_spans(f);
                iterable.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::While { condition, body } | StmtKind::DoWhile { body, condition } => {
                condition.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::Switch { subject, cases } => {
                subject.map_spans(f);
                cases.map_spans(f);
            }
            StmtKind::Break(label) | StmtKind::Continue(label) => label.map_spans(f),
            StmtKind::Return(value) => value.map_spans(f),
            StmtKind::Yield { is_star: _, value } => value.map_spans(f),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                body.map_spans(f);
                catches.map_spans(f);
                finally.map_spans(f);
            }
            StmtKind::Assert { condition, message } => {
                condition.map_spans(f);
                message.map_spans(f);
            }
            StmtKind::Labeled { labels, body } => {
                labels.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::Rethrow | StmtKind::Empty => {}
        }
    }
}

impl MapSpans for ForInit {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ForInit::Variables(v) => v.map_spans(f),
            ForInit::Pattern {
                is_final: _,
                pattern,
                init,
            } => {
                pattern.map_spans(f);
                init.map_spans(f);
            }
            ForInit::Exprs(es) => es.map_spans(f),
        }
    }
}

impl MapSpans for ForInBinding {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ForInBinding::Variable {
                is_final: _,
                ty,
                name,
            } => {
                ty.map_spans(f);
                name.map_spans(f);
            }
            ForInBinding::Target(e) => e.map_spans(f),
            ForInBinding::Pattern {
                is_final: _,
                pattern,
            } => pattern.map_spans(f),
        }
    }
}

impl MapSpans for StringPart {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            StringPart::Text(_) => {}
            StringPart::Interpolation(e) => e.map_spans(f),
        }
    }
}

impl MapSpans for ExprKind {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        use ExprKind as E;
        match self {
            E::Null
            | E::Bool(_)
            | E::Int(_)
            | E::Double(_)
            | E::Symbol(_)
            | E::This
            | E::Super
            | E::CascadeReceiver
            | E::Error => {}
            E::String(parts) => parts.map_spans(f),
            E::Ident(id) => id.map_spans(f),
            E::List {
                is_const: _,
                type_arg,
                elements,
            } => {
                type_arg.map_spans(f);
                elements.map_spans(f);
            }
            E::SetOrMap {
                is_const: _,
                type_args,
                elements,
            } => {
                type_args.map_spans(f);
                elements.map_spans(f);
            }
            E::Record {
                is_const: _,
                fields,
            } => fields.map_spans(f),
            E::Function {
                type_params,
                params,
                body,
            } => {
                type_params.map_spans(f);
                params.map_spans(f);
                body.map_spans(f);
            }
            E::Paren(e) | E::NullCheck(e) | E::Throw(e) | E::Await(e) => e.map_spans(f),
            E::MethodCall {
                target,
                null_aware: _,
                name,
                type_args,
                args,
            } => {
                target.map_spans(f);
                name.map_spans(f);
                type_args.map_spans(f);
                args.map_spans(f);
            }
            E::Call {
                callee,
                type_args,
                args,
            } => {
                callee.map_spans(f);
                type_args.map_spans(f);
                args.map_spans(f);
            }
            E::PropertyGet {
                target,
                null_aware: _,
                name,
            } => {
                target.map_spans(f);
                name.map_spans(f);
            }
            E::New {
                keyword: _,
                ty,
                name,
                args,
            } => {
                ty.map_spans(f);
                name.map_spans(f);
                args.map_spans(f);
            }
            E::Index {
                target,
                null_aware: _,
                index,
            } => {
                target.map_spans(f);
                index.map_spans(f);
            }
            E::Assign {
                target,
                op: _,
                value,
            } => {
                target.map_spans(f);
                value.map_spans(f);
            }
            E::PatternAssign { pattern, value } => {
                pattern.map_spans(f);
                value.map_spans(f);
            }
            E::Binary { op: _, left, right } => {
                left.map_spans(f);
                right.map_spans(f);
            }
            E::Unary { op: _, operand } => operand.map_spans(f),
            E::Prefix { op: _, target } | E::Postfix { op: _, target } => target.map_spans(f),
            E::Conditional {
                condition,
                then,
                otherwise,
            } => {
                condition.map_spans(f);
                then.map_spans(f);
                otherwise.map_spans(f);
            }
            E::Is {
                expr,
                ty,
                negated: _,
            } => {
                expr.map_spans(f);
                ty.map_spans(f);
            }
            E::As { expr, ty } => {
                expr.map_spans(f);
                ty.map_spans(f);
            }
            E::Cascade {
                target,
                null_aware: _,
                sections,
            } => {
                target.map_spans(f);
                sections.map_spans(f);
            }
            E::TypeLiteral(ty) => ty.map_spans(f),
            E::Instantiation { expr, type_args } => {
                expr.map_spans(f);
                type_args.map_spans(f);
            }
            E::Switch { subject, cases } => {
                subject.map_spans(f);
                cases.map_spans(f);
            }
        }
    }
}

impl MapSpans for CollectionElement {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        use CollectionElement as C;
        match self {
            C::Expr(e) | C::NullAwareExpr(e) => e.map_spans(f),
            C::MapEntry {
                key,
                value,
                null_aware_key: _,
                null_aware_value: _,
            } => {
                key.map_spans(f);
                value.map_spans(f);
            }
            C::Spread {
                null_aware: _,
                expr,
            } => expr.map_spans(f),
            C::If {
                condition,
                case,
                then,
                otherwise,
            } => {
                condition.map_spans(f);
                case.map_spans(f);
                then.map_spans(f);
                otherwise.map_spans(f);
            }
            C::For {
                init,
                condition,
                updates,
                body,
            } => {
                init.map_spans(f);
                condition.map_spans(f);
                updates.map_spans(f);
                body.map_spans(f);
            }
            C::ForIn {
                is_await: _,
                binding,
                iterable,
                body,
            } => {
                binding.map_spans(f);
                iterable.map_spans(f);
                body.map_spans(f);
            }
        }
    }
}

impl MapSpans for PatternKind {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        use PatternKind as P;
        match self {
            P::Or(a, b) | P::And(a, b) => {
                a.map_spans(f);
                b.map_spans(f);
            }
            P::Relational { op: _, operand } => operand.map_spans(f),
            P::Cast { pattern, ty } => {
                pattern.map_spans(f);
                ty.map_spans(f);
            }
            P::NullCheck(p) | P::NullAssert(p) | P::Paren(p) => p.map_spans(f),
            P::Constant(e) => e.map_spans(f),
            P::Variable {
                is_final: _,
                ty,
                name,
            } => {
                ty.map_spans(f);
                name.map_spans(f);
            }
            P::Assign(id) => id.map_spans(f),
            P::Wildcard { ty } => ty.map_spans(f),
            P::List { type_arg, elements } => {
                type_arg.map_spans(f);
                elements.map_spans(f);
            }
            P::Map { type_args, entries } => {
                type_args.map_spans(f);
                entries.map_spans(f);
            }
            P::Record { fields } => fields.map_spans(f),
            P::Object { ty, fields } => {
                ty.map_spans(f);
                fields.map_spans(f);
            }
            P::Error => {}
        }
    }
}

impl MapSpans for ListPatternElement {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ListPatternElement::Pattern(p) => p.map_spans(f),
            ListPatternElement::Rest(p, span) => {
                p.map_spans(f);
                span.map_spans(f);
            }
        }
    }
}

impl MapSpans for MapPatternEntry {
    fn map_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            MapPatternEntry::Entry { key, value } => {
                key.map_spans(f);
                value.map_spans(f);
            }
            MapPatternEntry::Rest(span) => span.map_spans(f),
        }
    }
}
