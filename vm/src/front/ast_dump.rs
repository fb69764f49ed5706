//! A compact, deterministic S-expression rendering of the AST without spans, for
//! snapshot tests and debugging: `(class Foo (extends Bar) (method m (params (x int))
//! (block (return (+ x 1)))))`. Short forms stay on one line; longer ones break with
//! their children indented, so snapshots read like the source's structure.

use super::ast::*;

/// An S-expression: an atom or a parenthesised list.
enum S {
    A(String),
    L(Vec<S>),
}

fn a(s: impl Into<String>) -> S {
    S::A(s.into())
}

fn l(items: Vec<S>) -> S {
    S::L(items)
}

/// `(head items...)`
fn h(head: &str, mut items: Vec<S>) -> S {
    items.insert(0, a(head));
    S::L(items)
}

const WIDTH: usize = 96;

impl S {
    fn flat_len(&self) -> usize {
        match self {
            S::A(s) => s.len(),
            S::L(items) => {
                2 + items.iter().map(S::flat_len).sum::<usize>() + items.len().saturating_sub(1)
            }
        }
    }

    fn write_flat(&self, out: &mut String) {
        match self {
            S::A(s) => out.push_str(s),
            S::L(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    item.write_flat(out);
                }
                out.push(')');
            }
        }
    }

    /// Leading atoms share the first line; each list child then gets its own line.
    fn write(&self, out: &mut String, indent: usize) {
        let S::L(items) = self else {
            return self.write_flat(out);
        };
        if indent + self.flat_len() <= WIDTH {
            return self.write_flat(out);
        }
        out.push('(');
        let mut i = 0;
        while i < items.len() && matches!(items[i], S::A(_)) {
            if i > 0 {
                out.push(' ');
            }
            items[i].write_flat(out);
            i += 1;
        }
        for item in &items[i..] {
            out.push('\n');
            out.push_str(&" ".repeat(indent + 2));
            item.write(out, indent + 2);
        }
        out.push(')');
    }
}

fn render(s: S) -> String {
    let mut out = String::new();
    s.write(&mut out, 0);
    out
}

/// The whole compilation unit, one top-level item per line group, ending with `\n`.
pub fn dump_unit(unit: &CompilationUnit) -> String {
    let mut out = String::new();
    if let Some(tag) = &unit.script_tag {
        out.push_str(&render(h("script", vec![a(format!("{tag:?}"))])));
        out.push('\n');
    }
    for d in &unit.directives {
        out.push_str(&render(directive(d)));
        out.push('\n');
    }
    for d in &unit.declarations {
        out.push_str(&render(declaration(d)));
        out.push('\n');
    }
    out
}

pub fn dump_expr(e: &Expr) -> String {
    render(expr(e))
}

pub fn dump_stmt(s: &Stmt) -> String {
    render(stmt(s))
}

pub fn dump_type(t: &TypeAnnotation) -> String {
    render(ty(t))
}

pub fn dump_pattern(p: &Pattern) -> String {
    render(pattern(p))
}

// ---------------------------------------------------------------------- helpers

fn name(i: &Ident) -> S {
    a(i.name.as_str())
}

fn quoted(s: &str) -> S {
    a(format!("{s:?}"))
}

fn flag(out: &mut Vec<S>, on: bool, text: &str) {
    if on {
        out.push(a(text));
    }
}

fn opt_list(out: &mut Vec<S>, head: &str, items: Vec<S>) {
    if !items.is_empty() {
        out.push(h(head, items));
    }
}

fn metadata(out: &mut Vec<S>, m: &Metadata) {
    for ann in m {
        let mut items = vec![a(join_qualified(&ann.name))];
        opt_list(&mut items, "targs", ann.type_args.iter().map(ty).collect());
        if let Some(args) = &ann.args {
            items.push(arguments(args));
        }
        out.push(h("@", items));
    }
}

fn join_qualified(q: &QualifiedName) -> String {
    q.parts
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

// ---------------------------------------------------------------------- directives

fn directive(d: &Directive) -> S {
    let mut out = Vec::new();
    match d {
        Directive::Library {
            metadata: m, name, ..
        } => {
            metadata(&mut out, m);
            if let Some(n) = name {
                out.push(a(join_qualified(n)));
            }
            h("library", out)
        }
        Directive::Import {
            metadata: m,
            uri,
            configurations,
            deferred,
            prefix,
            combinators,
            ..
        } => {
            metadata(&mut out, m);
            out.push(quoted(&uri.value));
            out.extend(configurations.iter().map(configuration));
            flag(&mut out, *deferred, "deferred");
            if let Some(p) = prefix {
                out.push(h("as", vec![name(p)]));
            }
            out.extend(combinators.iter().map(combinator));
            h("import", out)
        }
        Directive::Export {
            metadata: m,
            uri,
            configurations,
            combinators,
            ..
        } => {
            metadata(&mut out, m);
            out.push(quoted(&uri.value));
            out.extend(configurations.iter().map(configuration));
            out.extend(combinators.iter().map(combinator));
            h("export", out)
        }
        Directive::Part {
            metadata: m, uri, ..
        } => {
            metadata(&mut out, m);
            out.push(quoted(&uri.value));
            h("part", out)
        }
        Directive::PartOf {
            metadata: m,
            target,
            ..
        } => {
            metadata(&mut out, m);
            out.push(match target {
                PartOfTarget::Uri(u) => quoted(&u.value),
                PartOfTarget::Name(n) => a(join_qualified(n)),
            });
            h("part-of", out)
        }
    }
}

fn configuration(c: &Configuration) -> S {
    let mut out = vec![a(join_qualified(&c.name))];
    if let Some(v) = &c.value {
        out.push(a("=="));
        out.push(quoted(&v.value));
    }
    out.push(quoted(&c.uri.value));
    h("if", out)
}

fn combinator(c: &Combinator) -> S {
    match c {
        Combinator::Show(names) => h("show", names.iter().map(name).collect()),
        Combinator::Hide(names) => h("hide", names.iter().map(name).collect()),
    }
}

// ---------------------------------------------------------------------- declarations

fn declaration(d: &Declaration) -> S {
    match d {
        Declaration::Class(c) => class(c),
        Declaration::Mixin(m) => mixin(m),
        Declaration::Extension(e) => extension(e),
        Declaration::ExtensionType(e) => extension_type(e),
        Declaration::Enum(e) => enum_decl(e),
        Declaration::Typedef(t) => typedef(t),
        Declaration::Function(f) => function("function", f, false),
        Declaration::Variables(v) => variables("vars", v),
    }
}

fn class(c: &ClassDecl) -> S {
    let mut out = vec![name(&c.name)];
    metadata(&mut out, &c.metadata);
    let m = &c.modifiers;
    let mut mods = Vec::new();
    flag(&mut mods, m.is_abstract, "abstract");
    flag(&mut mods, m.is_base, "base");
    flag(&mut mods, m.is_interface, "interface");
    flag(&mut mods, m.is_final, "final");
    flag(&mut mods, m.is_sealed, "sealed");
    flag(&mut mods, m.is_mixin, "mixin");
    opt_list(&mut out, "modifiers", mods);
    type_params(&mut out, &c.type_params);
    if let Some(s) = &c.superclass {
        out.push(h("extends", vec![ty(s)]));
    }
    opt_list(&mut out, "with", c.mixins.iter().map(ty).collect());
    opt_list(
        &mut out,
        "implements",
        c.interfaces.iter().map(ty).collect(),
    );
    flag(&mut out, c.is_mixin_application, "mixin-application");
    out.extend(c.members.iter().map(member));
    h("class", out)
}

fn mixin(m: &MixinDecl) -> S {
    let mut out = vec![name(&m.name)];
    metadata(&mut out, &m.metadata);
    flag(&mut out, m.is_base, "base");
    type_params(&mut out, &m.type_params);
    opt_list(&mut out, "on", m.on.iter().map(ty).collect());
    opt_list(
        &mut out,
        "implements",
        m.interfaces.iter().map(ty).collect(),
    );
    out.extend(m.members.iter().map(member));
    h("mixin", out)
}

fn extension(e: &ExtensionDecl) -> S {
    let mut out = Vec::new();
    if let Some(n) = &e.name {
        out.push(name(n));
    }
    metadata(&mut out, &e.metadata);
    type_params(&mut out, &e.type_params);
    out.push(h("on", vec![ty(&e.on)]));
    out.extend(e.members.iter().map(member));
    h("extension", out)
}

fn extension_type(e: &ExtensionTypeDecl) -> S {
    let mut out = vec![name(&e.name)];
    metadata(&mut out, &e.metadata);
    flag(&mut out, e.is_const, "const");
    type_params(&mut out, &e.type_params);
    if let Some(c) = &e.representation_constructor {
        out.push(h("ctor", vec![name(c)]));
    }
    out.push(h(
        "representation",
        vec![ty(&e.representation_type), name(&e.representation_name)],
    ));
    opt_list(
        &mut out,
        "implements",
        e.interfaces.iter().map(ty).collect(),
    );
    out.extend(e.members.iter().map(member));
    h("extension-type", out)
}

fn enum_decl(e: &EnumDecl) -> S {
    let mut out = vec![name(&e.name)];
    metadata(&mut out, &e.metadata);
    type_params(&mut out, &e.type_params);
    opt_list(&mut out, "with", e.mixins.iter().map(ty).collect());
    opt_list(
        &mut out,
        "implements",
        e.interfaces.iter().map(ty).collect(),
    );
    out.push(h("values", e.values.iter().map(enum_value).collect()));
    out.extend(e.members.iter().map(member));
    h("enum", out)
}

fn enum_value(v: &EnumValue) -> S {
    let mut out = vec![name(&v.name)];
    metadata(&mut out, &v.metadata);
    opt_list(&mut out, "targs", v.type_args.iter().map(ty).collect());
    if let Some(c) = &v.constructor {
        out.push(h("ctor", vec![name(c)]));
    }
    if let Some(args) = &v.args {
        out.push(arguments(args));
    }
    if out.len() == 1 {
        return name(&v.name);
    }
    l(out)
}

fn typedef(t: &TypedefDecl) -> S {
    let mut out = vec![name(&t.name)];
    metadata(&mut out, &t.metadata);
    type_params(&mut out, &t.type_params);
    out.push(ty(&t.aliased));
    h("typedef", out)
}

fn member(m: &ClassMember) -> S {
    match m {
        ClassMember::Method(md) => function("method", &md.function, md.is_static),
        ClassMember::Field(v) => variables("field", v),
        ClassMember::Constructor(c) => constructor(c),
    }
}

fn function(head: &str, f: &FunctionDecl, is_static: bool) -> S {
    let mut out = Vec::new();
    flag(&mut out, is_static, "static");
    flag(&mut out, f.is_external, "external");
    match f.kind {
        FunctionKind::Normal => {}
        FunctionKind::Getter => out.push(a("get")),
        FunctionKind::Setter => out.push(a("set")),
        FunctionKind::Operator => out.push(a("operator")),
    }
    out.push(name(&f.name));
    metadata(&mut out, &f.metadata);
    if let Some(r) = &f.return_type {
        out.push(h("returns", vec![ty(r)]));
    }
    type_params(&mut out, &f.type_params);
    if let Some(p) = &f.params {
        out.push(params(p));
    }
    out.push(body(&f.body));
    h(head, out)
}

fn constructor(c: &ConstructorDecl) -> S {
    let mut out = Vec::new();
    flag(&mut out, c.is_const, "const");
    flag(&mut out, c.is_factory, "factory");
    flag(&mut out, c.is_external, "external");
    let mut full = c.class_name.name.as_str().to_string();
    if let Some(n) = &c.name {
        full.push('.');
        full.push_str(n.name.as_str());
    }
    out.push(a(full));
    metadata(&mut out, &c.metadata);
    out.push(params(&c.params));
    opt_list(
        &mut out,
        "initializers",
        c.initializers.iter().map(initializer).collect(),
    );
    if let Some(r) = &c.redirect {
        out.push(h("redirect", constructor_ref(r)));
    }
    out.push(body(&c.body));
    h("constructor", out)
}

fn constructor_ref(r: &ConstructorRef) -> Vec<S> {
    let mut out = vec![ty(&r.ty)];
    if let Some(n) = &r.name {
        out.push(name(n));
    }
    out
}

fn initializer(i: &Initializer) -> S {
    match i {
        Initializer::Field { name: n, value, .. } => h("=", vec![name(n), expr(value)]),
        Initializer::Super { name: n, args, .. } => {
            let mut out = n.iter().map(name).collect::<Vec<_>>();
            out.push(arguments(args));
            h("super", out)
        }
        Initializer::Redirect { name: n, args, .. } => {
            let mut out = n.iter().map(name).collect::<Vec<_>>();
            out.push(arguments(args));
            h("this", out)
        }
        Initializer::Assert {
            condition, message, ..
        } => {
            let mut out = vec![expr(condition)];
            out.extend(message.iter().map(expr));
            h("assert", out)
        }
    }
}

fn variables(head: &str, v: &VariableDecl) -> S {
    let mut out = Vec::new();
    metadata(&mut out, &v.metadata);
    flag(&mut out, v.is_static, "static");
    flag(&mut out, v.is_external, "external");
    flag(&mut out, v.is_abstract, "abstract");
    flag(&mut out, v.is_covariant, "covariant");
    flag(&mut out, v.is_late, "late");
    flag(&mut out, v.is_final, "final");
    flag(&mut out, v.is_const, "const");
    if let Some(t) = &v.ty {
        out.push(ty(t));
    }
    for d in &v.vars {
        out.push(match &d.init {
            Some(init) => l(vec![name(&d.name), expr(init)]),
            None => name(&d.name),
        });
    }
    h(head, out)
}

fn params(p: &FormalParameterList) -> S {
    h("params", p.params.iter().map(param).collect())
}

fn param(p: &FormalParameter) -> S {
    let mut n = match p.form {
        ParameterForm::Normal => String::new(),
        ParameterForm::This => "this.".to_string(),
        ParameterForm::Super => "super.".to_string(),
    };
    n.push_str(p.name.name.as_str());
    let mut out = vec![a(n)];
    metadata(&mut out, &p.metadata);
    match p.kind {
        ParameterKind::RequiredPositional => {}
        ParameterKind::OptionalPositional => out.push(a("optional")),
        ParameterKind::Named { required } => {
            out.push(a("named"));
            flag(&mut out, required, "required");
        }
    }
    flag(&mut out, p.is_final, "final");
    flag(&mut out, p.is_covariant, "covariant");
    flag(&mut out, p.is_var, "var");
    if let Some(t) = &p.ty {
        out.push(ty(t));
    }
    if let Some(d) = &p.default_value {
        out.push(h("=", vec![expr(d)]));
    }
    l(out)
}

fn type_params(out: &mut Vec<S>, tps: &[TypeParameter]) {
    opt_list(out, "tparams", tps.iter().map(type_param).collect());
}

fn type_param(t: &TypeParameter) -> S {
    let mut out = vec![name(&t.name)];
    metadata(&mut out, &t.metadata);
    if let Some(b) = &t.bound {
        out.push(h("extends", vec![ty(b)]));
    }
    if out.len() == 1 {
        return name(&t.name);
    }
    l(out)
}

fn body(b: &FunctionBody) -> S {
    let (inner, kind) = match b {
        FunctionBody::Empty => return a(";"),
        FunctionBody::Block(block, k) => (self::block(block), *k),
        FunctionBody::Expr(e, k) => (h("=>", vec![expr(e)]), *k),
    };
    match kind {
        AsyncKind::Sync => inner,
        AsyncKind::SyncStar => h("sync*", vec![inner]),
        AsyncKind::Async => h("async", vec![inner]),
        AsyncKind::AsyncStar => h("async*", vec![inner]),
    }
}

// ---------------------------------------------------------------------- types

fn ty(t: &TypeAnnotation) -> S {
    match t {
        TypeAnnotation::Named {
            prefix,
            name: n,
            args,
            nullable,
            ..
        } => {
            let mut head = String::new();
            if let Some(p) = prefix {
                head.push_str(p.name.as_str());
                head.push('.');
            }
            head.push_str(n.name.as_str());
            if *nullable {
                head.push('?');
            }
            if args.is_empty() {
                return a(head);
            }
            let mut out = vec![a(head)];
            out.extend(args.iter().map(ty));
            l(out)
        }
        TypeAnnotation::Function {
            return_type,
            type_params: tps,
            params,
            nullable,
            ..
        } => {
            let mut out = Vec::new();
            if let Some(r) = return_type {
                out.push(ty(r));
            }
            type_params(&mut out, tps);
            out.push(l(params.iter().map(fn_type_param).collect()));
            h(if *nullable { "Function?" } else { "Function" }, out)
        }
        TypeAnnotation::Record {
            positional,
            named,
            nullable,
            ..
        } => {
            let mut out: Vec<S> = positional.iter().map(record_field_type).collect();
            opt_list(
                &mut out,
                "named",
                named.iter().map(record_field_type).collect(),
            );
            h(if *nullable { "record?" } else { "record" }, out)
        }
    }
}

fn fn_type_param(p: &FunctionTypeParam) -> S {
    let mut out = Vec::new();
    match p.kind {
        ParameterKind::RequiredPositional => {}
        ParameterKind::OptionalPositional => out.push(a("optional")),
        ParameterKind::Named { required } => {
            out.push(a("named"));
            flag(&mut out, required, "required");
        }
    }
    out.push(ty(&p.ty));
    if let Some(n) = &p.name {
        out.push(name(n));
    }
    if out.len() == 1 {
        return ty(&p.ty);
    }
    l(out)
}

fn record_field_type(f: &RecordTypeField) -> S {
    let mut out = Vec::new();
    metadata(&mut out, &f.metadata);
    out.push(ty(&f.ty));
    if let Some(n) = &f.name {
        out.push(name(n));
    }
    if out.len() == 1 {
        return ty(&f.ty);
    }
    l(out)
}

// ---------------------------------------------------------------------- statements

fn block(b: &Block) -> S {
    h("block", b.stmts.iter().map(stmt).collect())
}

fn stmt(s: &Stmt) -> S {
    match &s.kind {
        StmtKind::Block(b) => block(b),
        StmtKind::Expr(e) => expr(e),
        StmtKind::Variables(v) => variables("vars", v),
        StmtKind::PatternVariables {
            is_final,
            pattern: p,
            init,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_final, "final");
            out.push(pattern(p));
            out.push(expr(init));
            h("pattern-vars", out)
        }
        StmtKind::LocalFunction(f) => function("function", f, false),
        StmtKind::If {
            condition,
            case,
            then,
            otherwise,
        } => {
            let mut out = vec![expr(condition)];
            out.extend(case.iter().map(case_head));
            out.push(stmt(then));
            out.extend(otherwise.iter().map(|o| h("else", vec![stmt(o)])));
            h("if", out)
        }
        StmtKind::For {
            init,
            condition,
            updates,
            body,
        } => {
            let mut out = for_parts(init, condition, updates);
            out.push(stmt(body));
            h("for", out)
        }
        StmtKind::ForIn {
            is_await,
            binding,
            iterable,
            body,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_await, "await");
            out.push(for_binding(binding));
            out.push(expr(iterable));
            out.push(stmt(body));
            h("for-in", out)
        }
        StmtKind::While { condition, body } => h("while", vec![expr(condition), stmt(body)]),
        StmtKind::DoWhile { body, condition } => h("do", vec![stmt(body), expr(condition)]),
        StmtKind::Switch { subject, cases } => {
            let mut out = vec![expr(subject)];
            out.extend(cases.iter().map(switch_case));
            h("switch", out)
        }
        StmtKind::Break(label) => h("break", label.iter().map(name).collect()),
        StmtKind::Continue(label) => h("continue", label.iter().map(name).collect()),
        StmtKind::Return(v) => h("return", v.iter().map(expr).collect()),
        StmtKind::Yield { is_star, value } => {
            h(if *is_star { "yield*" } else { "yield" }, vec![expr(value)])
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            let mut out = vec![block(body)];
            out.extend(catches.iter().map(catch_clause));
            out.extend(finally.iter().map(|f| h("finally", vec![block(f)])));
            h("try", out)
        }
        StmtKind::Rethrow => a("rethrow"),
        StmtKind::Assert { condition, message } => {
            let mut out = vec![expr(condition)];
            out.extend(message.iter().map(expr));
            h("assert", out)
        }
        StmtKind::Labeled { labels, body } => h(
            "labeled",
            vec![l(labels.iter().map(name).collect()), stmt(body)],
        ),
        StmtKind::Empty => a("(empty)"),
    }
}

fn for_parts(init: &Option<ForInit>, condition: &Option<Expr>, updates: &[Expr]) -> Vec<S> {
    let init = match init {
        None => h("init", vec![]),
        Some(ForInit::Variables(v)) => h("init", vec![variables("vars", v)]),
        Some(ForInit::Pattern {
            is_final,
            pattern: p,
            init,
        }) => {
            let mut out = Vec::new();
            flag(&mut out, *is_final, "final");
            out.push(pattern(p));
            out.push(expr(init));
            h("init", vec![h("pattern-vars", out)])
        }
        Some(ForInit::Exprs(es)) => h("init", es.iter().map(expr).collect()),
    };
    vec![
        init,
        h("cond", condition.iter().map(expr).collect()),
        h("update", updates.iter().map(expr).collect()),
    ]
}

fn for_binding(b: &ForInBinding) -> S {
    match b {
        ForInBinding::Variable {
            is_final,
            ty: t,
            name: n,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_final, "final");
            out.extend(t.iter().map(ty));
            out.push(name(n));
            h("var", out)
        }
        ForInBinding::Target(e) => h("target", vec![expr(e)]),
        ForInBinding::Pattern {
            is_final,
            pattern: p,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_final, "final");
            out.push(pattern(p));
            h("pattern", out)
        }
    }
}

fn case_head(c: &CaseHead) -> S {
    let mut out = vec![pattern(&c.pattern)];
    if let Some(g) = &c.guard {
        out.push(h("when", vec![expr(g)]));
    }
    h("case", out)
}

fn switch_case(c: &SwitchCase) -> S {
    let mut out = Vec::new();
    opt_list(&mut out, "labels", c.labels.iter().map(name).collect());
    out.extend(c.heads.iter().map(case_head));
    flag(&mut out, c.is_default, "default");
    out.push(h("body", c.body.iter().map(stmt).collect()));
    h("arm", out)
}

fn catch_clause(c: &CatchClause) -> S {
    let mut out = Vec::new();
    if let Some(t) = &c.on_type {
        out.push(h("on", vec![ty(t)]));
    }
    if let Some(e) = &c.exception {
        let mut names = vec![name(e)];
        names.extend(c.stack_trace.iter().map(name));
        out.push(h("catch", names));
    }
    out.push(block(&c.body));
    h("clause", out)
}

// ---------------------------------------------------------------------- expressions

fn expr(e: &Expr) -> S {
    match &e.kind {
        ExprKind::Null => a("null"),
        ExprKind::Bool(b) => a(b.to_string()),
        ExprKind::Int(t) => a(t.clone()),
        ExprKind::Double(d) => a(format!("{d:?}")),
        ExprKind::String(parts) => string(parts),
        ExprKind::Symbol(s) => a(format!("#{s}")),
        ExprKind::Ident(i) => name(i),
        ExprKind::This => a("this"),
        ExprKind::Super => a("super"),
        ExprKind::List {
            is_const,
            type_arg,
            elements,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_const, "const");
            if let Some(t) = type_arg {
                out.push(h("targs", vec![ty(t)]));
            }
            out.extend(elements.iter().map(element));
            h("list", out)
        }
        ExprKind::SetOrMap {
            is_const,
            type_args,
            elements,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_const, "const");
            opt_list(&mut out, "targs", type_args.iter().map(ty).collect());
            out.extend(elements.iter().map(element));
            h("set-or-map", out)
        }
        ExprKind::Record { is_const, fields } => {
            let mut out = Vec::new();
            flag(&mut out, *is_const, "const");
            for f in fields {
                out.push(match &f.name {
                    Some(n) => l(vec![a(format!("{}:", n.name)), expr(&f.value)]),
                    None => expr(&f.value),
                });
            }
            h("record", out)
        }
        ExprKind::Function {
            type_params: tps,
            params: ps,
            body: b,
        } => {
            let mut out = Vec::new();
            type_params(&mut out, tps);
            out.push(params(ps));
            out.push(body(b));
            h("fn", out)
        }
        ExprKind::Paren(inner) => h("paren", vec![expr(inner)]),
        ExprKind::MethodCall {
            target,
            null_aware,
            name: n,
            type_args,
            args,
        } => {
            let mut out = Vec::new();
            let head = match target {
                None => "call",
                Some(_) if *null_aware => "?invoke",
                Some(_) => "invoke",
            };
            out.extend(target.iter().map(|t| expr(t)));
            out.push(name(n));
            opt_list(&mut out, "targs", type_args.iter().map(ty).collect());
            out.push(arguments(args));
            h(head, out)
        }
        ExprKind::Call {
            callee,
            type_args,
            args,
        } => {
            let mut out = vec![expr(callee)];
            opt_list(&mut out, "targs", type_args.iter().map(ty).collect());
            out.push(arguments(args));
            h("call-value", out)
        }
        ExprKind::PropertyGet {
            target,
            null_aware,
            name: n,
        } => h(
            if *null_aware { "?." } else { "." },
            vec![expr(target), name(n)],
        ),
        ExprKind::New {
            keyword,
            ty: t,
            name: n,
            args,
        } => {
            let kw = match keyword {
                NewKeyword::New => "new",
                NewKeyword::Const => "const",
                NewKeyword::Implicit => "implicit",
            };
            let mut out = vec![a(kw), ty(t)];
            out.extend(n.iter().map(name));
            out.push(arguments(args));
            h("new", out)
        }
        ExprKind::Index {
            target,
            null_aware,
            index,
        } => h(
            if *null_aware { "?[]" } else { "[]" },
            vec![expr(target), expr(index)],
        ),
        ExprKind::Assign { target, op, value } => {
            let head = match op {
                None => "=".to_string(),
                Some(op) => format!("{}=", op.text()),
            };
            l(vec![a(head), expr(target), expr(value)])
        }
        ExprKind::PatternAssign { pattern: p, value } => {
            h("pattern=", vec![pattern(p), expr(value)])
        }
        ExprKind::Binary { op, left, right } => h(op.text(), vec![expr(left), expr(right)]),
        ExprKind::Unary { op, operand } => {
            let head = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Not => "not",
                UnaryOp::BitNot => "~",
            };
            h(head, vec![expr(operand)])
        }
        ExprKind::Prefix { op, target } => h(
            if *op == IncDec::Inc { "pre++" } else { "pre--" },
            vec![expr(target)],
        ),
        ExprKind::Postfix { op, target } => h(
            if *op == IncDec::Inc {
                "post++"
            } else {
                "post--"
            },
            vec![expr(target)],
        ),
        ExprKind::NullCheck(inner) => h("!", vec![expr(inner)]),
        ExprKind::Conditional {
            condition,
            then,
            otherwise,
        } => h("?", vec![expr(condition), expr(then), expr(otherwise)]),
        ExprKind::Is {
            expr: inner,
            ty: t,
            negated,
        } => h(
            if *negated { "is!" } else { "is" },
            vec![expr(inner), ty(t)],
        ),
        ExprKind::As { expr: inner, ty: t } => h("as", vec![expr(inner), ty(t)]),
        ExprKind::Throw(inner) => h("throw", vec![expr(inner)]),
        ExprKind::Await(inner) => h("await", vec![expr(inner)]),
        ExprKind::Cascade {
            target,
            null_aware,
            sections,
        } => {
            let mut out = vec![expr(target)];
            out.extend(sections.iter().map(expr));
            h(if *null_aware { "?cascade" } else { "cascade" }, out)
        }
        ExprKind::CascadeReceiver => a(".."),
        ExprKind::TypeLiteral(t) => h("type", vec![ty(t)]),
        ExprKind::Instantiation {
            expr: inner,
            type_args,
        } => h(
            "inst",
            vec![expr(inner), h("targs", type_args.iter().map(ty).collect())],
        ),
        ExprKind::Switch { subject, cases } => {
            let mut out = vec![expr(subject)];
            for c in cases {
                out.push(h("=>", vec![case_head(&c.head), expr(&c.body)]));
            }
            h("switch-expr", out)
        }
        ExprKind::Error => a("<error>"),
    }
}

fn string(parts: &[StringPart]) -> S {
    if let [StringPart::Text(t)] = parts {
        return quoted(t);
    }
    let items = parts
        .iter()
        .map(|p| match p {
            StringPart::Text(t) => quoted(t),
            StringPart::Interpolation(e) => h("$", vec![expr(e)]),
        })
        .collect();
    h("str", items)
}

fn arguments(args: &Arguments) -> S {
    let items = args
        .args
        .iter()
        .map(|arg| match &arg.name {
            Some(n) => l(vec![a(format!("{}:", n.name)), expr(&arg.value)]),
            None => expr(&arg.value),
        })
        .collect();
    h("args", items)
}

fn element(e: &CollectionElement) -> S {
    match e {
        CollectionElement::Expr(x) => expr(x),
        CollectionElement::NullAwareExpr(x) => h("?", vec![expr(x)]),
        CollectionElement::MapEntry {
            key,
            value,
            null_aware_key,
            null_aware_value,
        } => {
            let k = if *null_aware_key {
                h("?", vec![expr(key)])
            } else {
                expr(key)
            };
            let v = if *null_aware_value {
                h("?", vec![expr(value)])
            } else {
                expr(value)
            };
            h(":", vec![k, v])
        }
        CollectionElement::Spread {
            null_aware,
            expr: x,
        } => h(if *null_aware { "...?" } else { "..." }, vec![expr(x)]),
        CollectionElement::If {
            condition,
            case,
            then,
            otherwise,
        } => {
            let mut out = vec![expr(condition)];
            out.extend(case.iter().map(case_head));
            out.push(element(then));
            out.extend(otherwise.iter().map(|o| h("else", vec![element(o)])));
            h("if", out)
        }
        CollectionElement::For {
            init,
            condition,
            updates,
            body,
        } => {
            let mut out = for_parts(init, condition, updates);
            out.push(element(body));
            h("for", out)
        }
        CollectionElement::ForIn {
            is_await,
            binding,
            iterable,
            body,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_await, "await");
            out.push(for_binding(binding));
            out.push(expr(iterable));
            out.push(element(body));
            h("for-in", out)
        }
    }
}

// ---------------------------------------------------------------------- patterns

fn pattern(p: &Pattern) -> S {
    match &p.kind {
        PatternKind::Or(x, y) => h("or", vec![pattern(x), pattern(y)]),
        PatternKind::And(x, y) => h("and", vec![pattern(x), pattern(y)]),
        PatternKind::Relational { op, operand } => {
            let op = match op {
                RelationalOp::Eq => "==",
                RelationalOp::NotEq => "!=",
                RelationalOp::Lt => "<",
                RelationalOp::LtEq => "<=",
                RelationalOp::Gt => ">",
                RelationalOp::GtEq => ">=",
            };
            h("rel", vec![a(op), expr(operand)])
        }
        PatternKind::Cast {
            pattern: inner,
            ty: t,
        } => h("cast", vec![pattern(inner), ty(t)]),
        PatternKind::NullCheck(inner) => h("null-check", vec![pattern(inner)]),
        PatternKind::NullAssert(inner) => h("null-assert", vec![pattern(inner)]),
        PatternKind::Constant(e) => h("const", vec![expr(e)]),
        PatternKind::Variable {
            is_final,
            ty: t,
            name: n,
        } => {
            let mut out = Vec::new();
            flag(&mut out, *is_final, "final");
            out.extend(t.iter().map(ty));
            out.push(name(n));
            h("var", out)
        }
        PatternKind::Assign(n) => h("assign", vec![name(n)]),
        PatternKind::Wildcard { ty: t } => h("_", t.iter().map(ty).collect()),
        PatternKind::Paren(inner) => h("paren", vec![pattern(inner)]),
        PatternKind::List { type_arg, elements } => {
            let mut out = Vec::new();
            if let Some(t) = type_arg {
                out.push(h("targs", vec![ty(t)]));
            }
            for el in elements {
                out.push(match el {
                    ListPatternElement::Pattern(p) => pattern(p),
                    ListPatternElement::Rest(p, _) => h("...", p.iter().map(pattern).collect()),
                });
            }
            h("list-pattern", out)
        }
        PatternKind::Map { type_args, entries } => {
            let mut out = Vec::new();
            opt_list(&mut out, "targs", type_args.iter().map(ty).collect());
            for en in entries {
                out.push(match en {
                    MapPatternEntry::Entry { key, value } => {
                        h(":", vec![expr(key), pattern(value)])
                    }
                    MapPatternEntry::Rest(_) => a("..."),
                });
            }
            h("map-pattern", out)
        }
        PatternKind::Record { fields } => {
            h("record-pattern", fields.iter().map(pattern_field).collect())
        }
        PatternKind::Object { ty: t, fields } => {
            let mut out = vec![ty(t)];
            out.extend(fields.iter().map(pattern_field));
            h("object-pattern", out)
        }
        PatternKind::Error => a("<error>"),
    }
}

fn pattern_field(f: &PatternField) -> S {
    match (&f.name, f.implicit_name) {
        (Some(n), _) => l(vec![a(format!("{}:", n.name)), pattern(&f.pattern)]),
        (None, true) => l(vec![a(":"), pattern(&f.pattern)]),
        (None, false) => pattern(&f.pattern),
    }
}
