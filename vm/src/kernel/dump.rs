//! A compact, deterministic text form of the resolved IR, for snapshot tests and for
//! looking at what the resolver produced (`dartrs` may expose it as a debug flag). One
//! line per declaration or statement; expressions print as nested S-expressions.

use super::ir::{
    Args, Capture, Class, ConstId, Constant, DartType, Expr, ExprKind, Function, LibraryId,
    Program, Stmt, StmtKind,
};
use std::fmt::Write as _;

/// Dumps every non-`dart:` library of the program.
pub fn dump_program(p: &Program) -> String {
    let mut out = String::new();
    for (i, lib) in p.libraries.iter().enumerate() {
        if lib.uri.starts_with("dart:") {
            continue;
        }
        dump_library(&mut out, p, LibraryId(i as u32));
    }
    out
}

/// Dumps every library, the core libraries included.
pub fn dump_all(p: &Program) -> String {
    let mut out = String::new();
    for i in 0..p.libraries.len() {
        dump_library(&mut out, p, LibraryId(i as u32));
    }
    out
}

/// The last path segment of a library URI (`file:///a/b/main.dart` → `main.dart`).
fn short_uri(uri: &str) -> &str {
    if uri.starts_with("file://") {
        return uri.rsplit('/').next().unwrap_or(uri);
    }
    uri
}

fn dump_library(out: &mut String, p: &Program, id: LibraryId) {
    let lib = &p.libraries[id.index()];
    let _ = writeln!(out, "library {}", short_uri(&lib.uri));
    for f in &lib.fields {
        let field = p.field(*f);
        let _ = writeln!(
            out,
            "  static {}{} : {}",
            if field.is_const { "const " } else { "" },
            field.name,
            ty(p, &field.ty)
        );
    }
    for c in &lib.classes {
        dump_class(out, p, p.class(*c));
    }
    for f in &lib.functions {
        dump_function(out, p, p.function(*f), 1);
    }
    for f in &lib.fields {
        if let Some(init) = p.field(*f).initializer {
            dump_function(out, p, p.function(init), 1);
        }
    }
}

fn dump_class(out: &mut String, p: &Program, c: &Class) {
    let sup = c
        .superclass
        .map(|s| p.class(s).name.to_string())
        .unwrap_or_else(|| "-".into());
    let mixins: Vec<String> = c
        .mixins
        .iter()
        .map(|m| p.class(*m).name.to_string())
        .collect();
    let _ = writeln!(
        out,
        "  class {} extends {}{}{}",
        c.name,
        sup,
        if mixins.is_empty() {
            String::new()
        } else {
            format!(" with {}", mixins.join(", "))
        },
        if c.is_abstract { " abstract" } else { "" }
    );
    for f in &c.instance_fields {
        let field = p.field(*f);
        let _ = writeln!(
            out,
            "    field {} slot {} : {}",
            field.name,
            field.slot,
            ty(p, &field.ty)
        );
    }
    for f in &c.static_fields {
        let field = p.field(*f);
        let _ = writeln!(out, "    static {} : {}", field.name, ty(p, &field.ty));
    }
    for f in c
        .constructors
        .iter()
        .chain(c.methods.iter())
        .chain(c.static_methods.iter())
    {
        dump_function(out, p, p.function(*f), 2);
    }
}

fn indent(n: usize) -> String {
    "  ".repeat(n)
}

/// Dumps one function with its locals and body, and the closures it creates.
pub fn dump_function(out: &mut String, p: &Program, f: &Function, depth: usize) {
    let pad = indent(depth);
    let params = &f.params;
    let _ = write!(
        out,
        "{pad}{:?} {} (recv {}, req {}, opt {}, named [{}])",
        f.kind,
        f.qualified_name,
        params.receiver_slots,
        params.required_positional,
        params.optional_positional,
        params
            .named
            .iter()
            .map(|n| format!("{}{}", if n.required { "required " } else { "" }, n.name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(n) = f.native {
        let _ = write!(out, " native {n}");
    }
    let _ = writeln!(out);
    let locals: Vec<String> = f
        .locals
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "{}:{}{}:{}",
                i,
                l.name,
                if l.captured { "^" } else { "" },
                ty(p, &l.ty)
            )
        })
        .collect();
    if !locals.is_empty() {
        let _ = writeln!(out, "{pad}  locals {}", locals.join(" "));
    }
    if !f.captures.is_empty() {
        let caps: Vec<String> = f
            .captures
            .iter()
            .map(|c| match c {
                Capture::Local(l) => format!("local{}", l.0),
                Capture::Captured(n) => format!("outer{n}"),
                Capture::This => "this".into(),
            })
            .collect();
        let _ = writeln!(out, "{pad}  captures {}", caps.join(" "));
    }
    if let Some(body) = &f.body {
        stmt(out, p, body, depth + 1);
    }
    let mut closures = Vec::new();
    if let Some(body) = &f.body {
        collect_closures_stmt(body, &mut closures);
    }
    for c in closures {
        dump_function(out, p, p.function(c), depth + 1);
    }
}

fn collect_closures_stmt(s: &Stmt, out: &mut Vec<super::ir::FunctionId>) {
    let mut exprs = Vec::new();
    stmt_exprs(s, &mut exprs);
    for e in exprs {
        collect_closures_expr(e, out);
    }
}

fn stmt_exprs<'s>(s: &'s Stmt, out: &mut Vec<&'s Expr>) {
    match &s.kind {
        StmtKind::Block(b) => b.iter().for_each(|s| stmt_exprs(s, out)),
        StmtKind::Expr(e)
        | StmtKind::Throw(e)
        | StmtKind::Return(Some(e))
        | StmtKind::Yield { value: e, .. } => out.push(e),
        StmtKind::VarDecl { init: Some(e), .. } => out.push(e),
        StmtKind::If {
            condition,
            then,
            otherwise,
        } => {
            out.push(condition);
            stmt_exprs(then, out);
            if let Some(o) = otherwise {
                stmt_exprs(o, out);
            }
        }
        StmtKind::Loop { body, update, .. } => {
            stmt_exprs(body, out);
            if let Some(u) = update {
                stmt_exprs(u, out);
            }
        }
        StmtKind::Labeled { body, .. } => stmt_exprs(body, out),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            stmt_exprs(body, out);
            catches.iter().for_each(|c| stmt_exprs(&c.body, out));
            if let Some(f) = finally {
                stmt_exprs(f, out);
            }
        }
        StmtKind::Assert { condition, message } => {
            out.push(condition);
            if let Some(m) = message {
                out.push(m);
            }
        }
        _ => {}
    }
}

fn collect_closures_expr(e: &Expr, out: &mut Vec<super::ir::FunctionId>) {
    let mut kids: Vec<&Expr> = Vec::new();
    match &e.kind {
        ExprKind::Closure(f) => out.push(*f),
        ExprKind::Block { stmts, value } => {
            let mut inner = Vec::new();
            stmts.iter().for_each(|s| stmt_exprs(s, &mut inner));
            kids.extend(inner);
            kids.push(value);
        }
        _ => kids.extend(children(e)),
    }
    for k in kids {
        collect_closures_expr(k, out);
    }
}

fn args_children(a: &Args) -> impl Iterator<Item = &Expr> {
    a.positional.iter().chain(a.named.iter().map(|(_, e)| e))
}

fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::StringConcat(v) => v.iter().collect(),
        ExprKind::LocalSet(_, v) | ExprKind::CapturedSet(_, v) | ExprKind::StaticSet(_, v) => {
            vec![v]
        }
        ExprKind::FieldGet { receiver, .. } | ExprKind::InstanceGet { receiver, .. } => {
            vec![receiver]
        }
        ExprKind::FieldSet {
            receiver, value, ..
        }
        | ExprKind::InstanceSet {
            receiver, value, ..
        } => vec![receiver, value],
        ExprKind::StaticCall { receiver, args, .. } => receiver
            .iter()
            .map(|r| &**r)
            .chain(args_children(args))
            .collect(),
        ExprKind::InstanceCall { receiver, args, .. } => std::iter::once(&**receiver)
            .chain(args_children(args))
            .collect(),
        ExprKind::FunctionCall { callee, args } => std::iter::once(&**callee)
            .chain(args_children(args))
            .collect(),
        ExprKind::New { args, .. } => args_children(args).collect(),
        ExprKind::Equals { left, right, .. }
        | ExprKind::Identical(left, right)
        | ExprKind::And(left, right)
        | ExprKind::Or(left, right) => vec![left, right],
        ExprKind::Not(x)
        | ExprKind::NullCheck(x)
        | ExprKind::Throw(x)
        | ExprKind::Await(x)
        | ExprKind::Is { expr: x, .. }
        | ExprKind::As { expr: x, .. } => vec![x],
        ExprKind::Conditional {
            condition,
            then,
            otherwise,
        } => vec![condition, then, otherwise],
        ExprKind::ListLiteral { elements, .. } => elements.iter().collect(),
        ExprKind::MapLiteral { entries, .. } => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
        ExprKind::Let { value, body, .. } => vec![value, body],
        ExprKind::Native { args, .. } => args.iter().collect(),
        ExprKind::RecordLiteral { fields, .. } => fields.iter().collect(),
        ExprKind::RecordGet { receiver, .. } => vec![receiver],
        _ => Vec::new(),
    }
}

fn stmt(out: &mut String, p: &Program, s: &Stmt, depth: usize) {
    let pad = indent(depth);
    match &s.kind {
        StmtKind::Block(b) => {
            let _ = writeln!(out, "{pad}block");
            for s in b {
                stmt(out, p, s, depth + 1);
            }
        }
        StmtKind::Expr(e) => {
            let _ = writeln!(out, "{pad}{}", expr(p, e));
        }
        StmtKind::VarDecl { local, init } => {
            let init = init
                .as_ref()
                .map(|e| format!(" = {}", expr(p, e)))
                .unwrap_or_default();
            let _ = writeln!(out, "{pad}var l{}{}", local.0, init);
        }
        StmtKind::If {
            condition,
            then,
            otherwise,
        } => {
            let _ = writeln!(out, "{pad}if {}", expr(p, condition));
            stmt(out, p, then, depth + 1);
            if let Some(o) = otherwise {
                let _ = writeln!(out, "{pad}else");
                stmt(out, p, o, depth + 1);
            }
        }
        StmtKind::Loop {
            label,
            body,
            update,
        } => {
            let _ = writeln!(out, "{pad}loop L{}", label.0);
            stmt(out, p, body, depth + 1);
            if let Some(u) = update {
                let _ = writeln!(out, "{pad}continue-target L{}", label.0);
                stmt(out, p, u, depth + 1);
            }
        }
        StmtKind::Labeled { label, body } => {
            let _ = writeln!(out, "{pad}labeled L{}", label.0);
            stmt(out, p, body, depth + 1);
        }
        StmtKind::Break(l) => {
            let _ = writeln!(out, "{pad}break L{}", l.0);
        }
        StmtKind::Continue(l) => {
            let _ = writeln!(out, "{pad}continue L{}", l.0);
        }
        StmtKind::Return(e) => {
            let v = e
                .as_ref()
                .map(|e| format!(" {}", expr(p, e)))
                .unwrap_or_default();
            let _ = writeln!(out, "{pad}return{v}");
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            let _ = writeln!(out, "{pad}try");
            stmt(out, p, body, depth + 1);
            for c in catches {
                let on = c
                    .on_type
                    .as_ref()
                    .map(|t| ty(p, t))
                    .unwrap_or_else(|| "*".into());
                let ex = c
                    .exception
                    .map(|l| format!(" l{}", l.0))
                    .unwrap_or_default();
                let st = c
                    .stack_trace
                    .map(|l| format!(" l{}", l.0))
                    .unwrap_or_default();
                let _ = writeln!(out, "{pad}catch {on}{ex}{st}");
                stmt(out, p, &c.body, depth + 1);
            }
            if let Some(f) = finally {
                let _ = writeln!(out, "{pad}finally");
                stmt(out, p, f, depth + 1);
            }
        }
        StmtKind::Throw(e) => {
            let _ = writeln!(out, "{pad}throw {}", expr(p, e));
        }
        StmtKind::Rethrow => {
            let _ = writeln!(out, "{pad}rethrow");
        }
        StmtKind::Assert { condition, message } => {
            let m = message
                .as_ref()
                .map(|m| format!(", {}", expr(p, m)))
                .unwrap_or_default();
            let _ = writeln!(out, "{pad}assert {}{m}", expr(p, condition));
        }
        StmtKind::FreshBox(l) => {
            let _ = writeln!(out, "{pad}fresh-box l{}", l.0);
        }
        StmtKind::Yield { value, star } => {
            let _ = writeln!(
                out,
                "{pad}yield{} {}",
                if *star { "*" } else { "" },
                expr(p, value)
            );
        }
    }
}

fn args(p: &Program, a: &Args) -> String {
    let mut parts: Vec<String> = a.positional.iter().map(|e| expr(p, e)).collect();
    parts.extend(a.named.iter().map(|(n, e)| format!("{n}: {}", expr(p, e))));
    if let Some(t) = &a.type_args {
        parts.insert(0, expr(p, t));
    }
    parts.join(" ")
}

fn fname(p: &Program, f: super::ir::FunctionId) -> &str {
    &p.function(f).qualified_name
}

/// One expression as an S-expression.
pub fn expr(p: &Program, e: &Expr) -> String {
    match &e.kind {
        ExprKind::Const(c) => constant(p, *c),
        ExprKind::StringConcat(parts) => format!(
            "(concat {})",
            parts
                .iter()
                .map(|x| expr(p, x))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::LocalGet(l) => format!("l{}", l.0),
        ExprKind::LocalSet(l, v) => format!("(set l{} {})", l.0, expr(p, v)),
        ExprKind::CapturedGet(i) => format!("c{i}"),
        ExprKind::CapturedSet(i, v) => format!("(set c{i} {})", expr(p, v)),
        ExprKind::This => "this".into(),
        ExprKind::StaticGet(f) => format!("(static-get {})", p.field(*f).name),
        ExprKind::StaticSet(f, v) => format!("(static-set {} {})", p.field(*f).name, expr(p, v)),
        ExprKind::FieldGet { receiver, field } => {
            format!("(field-get {} {})", expr(p, receiver), p.field(*field).name)
        }
        ExprKind::FieldSet {
            receiver,
            field,
            value,
        } => format!(
            "(field-set {} {} {})",
            expr(p, receiver),
            p.field(*field).name,
            expr(p, value)
        ),
        ExprKind::StaticCall {
            target,
            receiver,
            args: a,
        } => {
            let r = receiver
                .as_ref()
                .map(|r| format!(" {}", expr(p, r)))
                .unwrap_or_default();
            format!("(call {}{r} [{}])", fname(p, *target), args(p, a))
        }
        ExprKind::InstanceCall {
            receiver,
            selector,
            args: a,
        } => format!(
            "(invoke {} {} [{}])",
            expr(p, receiver),
            selector,
            args(p, a)
        ),
        ExprKind::InstanceGet { receiver, name } => format!("(get {} {})", expr(p, receiver), name),
        ExprKind::InstanceSet {
            receiver,
            name,
            value,
        } => format!("(put {} {} {})", expr(p, receiver), name, expr(p, value)),
        ExprKind::FunctionCall { callee, args: a } => {
            format!("(call-value {} [{}])", expr(p, callee), args(p, a))
        }
        ExprKind::New {
            class,
            constructor,
            args: a,
            type_args,
        } => format!(
            "(new {}{} {} [{}])",
            p.class(*class).name,
            type_args
                .as_ref()
                .map(|t| format!(" {}", expr(p, t)))
                .unwrap_or_default(),
            fname(p, *constructor),
            args(p, a)
        ),
        ExprKind::Equals {
            left,
            right,
            negated,
        } => format!(
            "({} {} {})",
            if *negated { "!=" } else { "==" },
            expr(p, left),
            expr(p, right)
        ),
        ExprKind::Identical(a, b) => format!("(identical {} {})", expr(p, a), expr(p, b)),
        ExprKind::Not(x) => format!("(not {})", expr(p, x)),
        ExprKind::And(a, b) => format!("(and {} {})", expr(p, a), expr(p, b)),
        ExprKind::Or(a, b) => format!("(or {} {})", expr(p, a), expr(p, b)),
        ExprKind::Conditional {
            condition,
            then,
            otherwise,
        } => format!(
            "(if {} {} {})",
            expr(p, condition),
            expr(p, then),
            expr(p, otherwise)
        ),
        ExprKind::Is {
            expr: x,
            ty: t,
            negated,
        } => format!(
            "({} {} {})",
            if *negated { "is!" } else { "is" },
            expr(p, x),
            ty(p, t)
        ),
        ExprKind::As {
            expr: x,
            ty: t,
            implicit,
        } => {
            let op = if *implicit { "implicit-as" } else { "as" };
            format!("({op} {} {})", expr(p, x), ty(p, t))
        }
        ExprKind::NullCheck(x) => format!("(! {})", expr(p, x)),
        ExprKind::Throw(x) => format!("(throw {})", expr(p, x)),
        ExprKind::Await(x) => format!("(await {})", expr(p, x)),
        ExprKind::ListLiteral {
            element_type,
            elements,
            ..
        } => format!(
            "(list<{}> {})",
            ty(p, element_type),
            elements
                .iter()
                .map(|x| expr(p, x))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::MapLiteral {
            key_type,
            value_type,
            entries,
            ..
        } => format!(
            "(map<{}, {}> {})",
            ty(p, key_type),
            ty(p, value_type),
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", expr(p, k), expr(p, v)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::TypeArgs { types, env } => format!(
            "(type-args <{}>{})",
            types
                .iter()
                .map(|t| ty(p, t))
                .collect::<Vec<_>>()
                .join(", "),
            env.iter()
                .map(|e| {
                    let names: Vec<String> = e.names.iter().map(|n| n.to_string()).collect();
                    format!(" [{}: {}]", names.join(" "), expr(p, &e.source))
                })
                .collect::<String>()
        ),
        ExprKind::InstanceTypeArgs { receiver, class } => format!(
            "(instance-type-args {} {})",
            expr(p, receiver),
            p.class(*class).name
        ),
        ExprKind::IsRuntime {
            expr: x,
            type_args,
            negated,
        } => format!(
            "({} {} {})",
            if *negated { "is!" } else { "is" },
            expr(p, x),
            expr(p, type_args)
        ),
        ExprKind::AsRuntime {
            expr: x,
            type_args,
            implicit,
        } => format!(
            "({} {} {})",
            if *implicit { "implicit-as" } else { "as" },
            expr(p, x),
            expr(p, type_args)
        ),
        ExprKind::TypeValue(t) => format!("(type-value {})", expr(p, t)),
        ExprKind::Closure(f) => format!("(closure {})", fname(p, *f)),
        ExprKind::StaticTearOff(f) => format!("(tear-off {})", fname(p, *f)),
        ExprKind::Let { local, value, body } => {
            format!("(let l{} {} {})", local.0, expr(p, value), expr(p, body))
        }
        ExprKind::Block { stmts, value } => {
            let mut s = String::new();
            for st in stmts {
                stmt(&mut s, p, st, 0);
            }
            format!(
                "(block {{{}}} {})",
                s.trim_end().replace('\n', "; "),
                expr(p, value)
            )
        }
        ExprKind::Native { name, args: a } => format!(
            "(native {name} {})",
            a.iter().map(|x| expr(p, x)).collect::<Vec<_>>().join(" ")
        ),
        ExprKind::RecordLiteral { shape, fields } => format!(
            "(record {})",
            fields
                .iter()
                .enumerate()
                .map(|(i, x)| format!("{}: {}", shape.field_name(i), expr(p, x)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::RecordGet {
            receiver,
            shape,
            index,
        } => format!(
            "(record-get {} {})",
            expr(p, receiver),
            shape.field_name(*index as usize)
        ),
    }
}

/// A constant's value.
pub fn constant(p: &Program, c: ConstId) -> String {
    match p.constant(c) {
        Constant::Null => "null".into(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Double(d) => format!("{d:?}"),
        Constant::String(s) => format!("{s:?}"),
        Constant::List { elements, .. } => format!(
            "#[{}]",
            elements
                .iter()
                .map(|e| constant(p, *e))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Constant::Set { elements, .. } => format!(
            "#{{{}}}",
            elements
                .iter()
                .map(|e| constant(p, *e))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Constant::Map { entries, .. } => format!(
            "#{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", constant(p, *k), constant(p, *v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Constant::Instance { class, fields } => format!(
            "#{}({})",
            p.class(*class).name,
            fields
                .iter()
                .map(|(f, v)| format!("{}: {}", p.field(*f).name, constant(p, *v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Constant::Record { positional, named } => {
            let mut parts: Vec<String> = positional.iter().map(|e| constant(p, *e)).collect();
            parts.extend(
                named
                    .iter()
                    .map(|(n, v)| format!("{n}: {}", constant(p, *v))),
            );
            format!("#({})", parts.join(", "))
        }
        Constant::Type(t) => format!("#type {}", ty(p, t)),
        Constant::Function(f) => format!("#fn {}", fname(p, *f)),
    }
}

/// A type as Dart writes it.
pub fn ty(p: &Program, t: &DartType) -> String {
    match t {
        DartType::Dynamic => "dynamic".into(),
        DartType::Void => "void".into(),
        DartType::Never => "Never".into(),
        DartType::Null => "Null".into(),
        DartType::Interface {
            class,
            args,
            nullable,
        } => {
            let mut s = p.class(*class).name.to_string();
            if !args.is_empty() {
                s = format!(
                    "{s}<{}>",
                    args.iter().map(|a| ty(p, a)).collect::<Vec<_>>().join(", ")
                );
            }
            if *nullable {
                s.push('?');
            }
            s
        }
        DartType::TypeParameter { name, nullable } => {
            format!("{name}{}", if *nullable { "?" } else { "" })
        }
        DartType::Extension {
            index, nullable, ..
        } => format!("extension#{index}{}", if *nullable { "?" } else { "" }),
        DartType::Function { nullable, sig } => {
            let q = if *nullable { "?" } else { "" };
            match sig {
                None => format!("Function{q}"),
                Some(sig) => format!("({}){q}", function_sig(p, sig)),
            }
        }
        DartType::Record { nullable } => format!("Record{}", if *nullable { "?" } else { "" }),
        DartType::RecordType(r) => record_type_text(r, |t| ty(p, t)),
    }
}

/// `R Function(P, [Q], {S s})`.
fn function_sig(p: &Program, sig: &super::ir::FunctionSig) -> String {
    let req = sig.required_positional as usize;
    let mut parts: Vec<String> = sig.positional[..req.min(sig.positional.len())]
        .iter()
        .map(|t| ty(p, t))
        .collect();
    if sig.positional.len() > req {
        let opt: Vec<String> = sig.positional[req..].iter().map(|t| ty(p, t)).collect();
        parts.push(format!("[{}]", opt.join(", ")));
    }
    if !sig.named.is_empty() {
        let named: Vec<String> = sig
            .named
            .iter()
            .map(|(n, t, r)| format!("{}{} {n}", if *r { "required " } else { "" }, ty(p, t)))
            .collect();
        parts.push(format!("{{{}}}", named.join(", ")));
    }
    format!("{} Function({})", ty(p, &sig.return_type), parts.join(", "))
}

/// A record type as Dart writes it: `(int, String)`, `(int, {String name})`, `()`.
pub fn record_type_text(
    r: &super::ir::RecordType,
    show: impl FnMut(&DartType) -> String,
) -> String {
    record_type_text_from(&r.shape, r.fields.iter().map(show).collect(), r.nullable)
}

/// A record type of `shape` whose fields' types read `fields` (storage order).
pub fn record_type_text_from(
    shape: &super::ir::RecordShape,
    mut fields: Vec<String>,
    nullable: bool,
) -> String {
    let named: Vec<String> = fields
        .split_off((shape.positional as usize).min(fields.len()))
        .into_iter()
        .zip(&shape.named)
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    if !named.is_empty() {
        fields.push(format!("{{{}}}", named.join(", ")));
    }
    format!("({}){}", fields.join(", "), if nullable { "?" } else { "" })
}
