//! noSuchMethod forwarders. A concrete class whose `noSuchMethod` is not `Object`'s gets,
//! for each member of its interface that it has no concrete implementation of, a
//! synthesised method with that member's parameters (and defaults) whose body is
//! `return this.noSuchMethod(invocation) as R;`, as the language specifies. So the
//! `Invocation` holds every parameter (optional ones with their default values), and a
//! result that is not an `R` throws a `TypeError`, which a plain dynamic miss (the
//! runtime's `forward_to_no_such_method`) cannot know. A generic member's forwarder is
//! generic too and reports its type arguments in `Invocation.typeArguments`.

use super::members::Want;
use super::{function_shell, Member, Resolver};
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{self, ClassId, DartType, ExprKind, FunctionId, LocalId, StmtKind};

/// What a forwarder stands in for.
#[derive(Clone, Copy)]
enum Stand {
    /// A method, getter or setter declared as a function.
    Function(FunctionId),
    /// The implicit getter of a field.
    FieldGetter(ir::FieldId),
    /// The implicit setter of a field.
    FieldSetter(ir::FieldId),
}

/// The `Invocation` kinds of core's `_invocationOf`.
const INVOCATION_METHOD: i64 = 0;
const INVOCATION_GETTER: i64 = 1;
const INVOCATION_SETTER: i64 = 2;

impl Resolver<'_> {
    /// Adds the forwarders of every class that needs them (after signatures and defaults).
    pub(super) fn add_no_such_method_forwarders(&mut self) {
        let Some(invocation_of) = self.core_function("_invocationOf") else {
            return;
        };
        for c in 0..self.classes.len() {
            let c = ClassId(c as u32);
            if self.needs_forwarders(c) {
                for (name, stand, owner) in self.unimplemented_members(c) {
                    self.add_forwarder(c, name, stand, owner, invocation_of);
                }
            }
        }
    }

    fn core_function(&self, name: &str) -> Option<FunctionId> {
        match self.scopes[self.core_lib.index()]
            .declared
            .get(&Symbol::intern(name))
        {
            Some(super::scope::Decl::Function(f)) => Some(*f),
            _ => None,
        }
    }

    /// A concrete class or enum (not a mixin or abstract class) whose `noSuchMethod`
    /// implementation is not `Object`'s.
    fn needs_forwarders(&self, c: ClassId) -> bool {
        let class = self.class(c);
        if class.is_abstract || self.classes[c.index()].is_mixin {
            return false;
        }
        let nsm = Symbol::intern("noSuchMethod");
        match self.find_concrete(c, nsm, Want::Call) {
            Some(super::members::Found::Method(f)) => {
                let owner = self.program.functions[f.index()].owner;
                owner.is_some() && owner != self.program.core.object
            }
            _ => false,
        }
    }

    /// The members of `c`'s interface (nearest declaration first) without a concrete
    /// implementation in `c` or its superclasses: (name, what, declaring class).
    fn unimplemented_members(&self, c: ClassId) -> Vec<(Symbol, Stand, ClassId)> {
        let lib = self.classes[c.index()].lib;
        let mut seen: Vec<(Symbol, bool)> = Vec::new();
        let mut out = Vec::new();
        let mut queue = vec![c];
        let mut visited = Vec::new();
        while let Some(x) = queue.first().copied() {
            queue.remove(0);
            if visited.contains(&x) || visited.len() > 10_000 {
                continue;
            }
            visited.push(x);
            let mut members: Vec<(Symbol, Member)> = self.classes[x.index()]
                .instance
                .iter()
                .map(|(n, m)| (*n, *m))
                .collect();
            members.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            for (name, member) in members {
                // Private members of another library are not forwarded (the language
                // makes them throw); dartrs leaves them to the dynamic miss.
                if name.as_str().starts_with('_') && self.classes[x.index()].lib != lib {
                    continue;
                }
                for (is_setter, stand) in sides(member, &self.program) {
                    if seen.contains(&(name, is_setter)) {
                        continue;
                    }
                    seen.push((name, is_setter));
                    let want = if is_setter {
                        Want::Setter
                    } else {
                        Want::Getter
                    };
                    if self.find_concrete(c, name, want).is_none() {
                        out.push((name, stand, x));
                    }
                }
            }
            let class = self.class(x);
            queue.extend(class.superclass);
            queue.extend(class.mixins.iter().copied());
            queue.extend(class.interfaces.iter().copied());
        }
        out
    }

    fn add_forwarder(
        &mut self,
        c: ClassId,
        name: Symbol,
        stand: Stand,
        owner: ClassId,
        invocation_of: FunctionId,
    ) {
        let this_ty = self.this_type(c);
        let span = self.class(c).span;
        let (kind, params, sig, invocation_kind) = match stand {
            Stand::Function(f) => {
                let sig = self.signature_through(f, &this_ty, owner);
                let kind = self.program.functions[f.index()].kind;
                let invocation_kind = match kind {
                    ir::FunctionKind::Getter => INVOCATION_GETTER,
                    ir::FunctionKind::Setter => INVOCATION_SETTER,
                    _ => INVOCATION_METHOD,
                };
                let params = ir::Parameters {
                    receiver_slots: 1,
                    ..self.program.functions[f.index()].params.clone()
                };
                (kind, params, sig, invocation_kind)
            }
            Stand::FieldGetter(fd) | Stand::FieldSetter(fd) => {
                let declared = self.program.fields[fd.index()].ty.clone();
                let ty = self.member_type_through(&declared, &this_ty, owner);
                let is_setter = matches!(stand, Stand::FieldSetter(_));
                let params = ir::Parameters {
                    receiver_slots: 1,
                    required_positional: u32::from(is_setter),
                    ..Default::default()
                };
                let sig = if is_setter {
                    super::Signature {
                        positional: vec![(name, ty)],
                        required_positional: 1,
                        return_type: DartType::Void,
                        ..Default::default()
                    }
                } else {
                    super::Signature {
                        return_type: ty,
                        ..Default::default()
                    }
                };
                let (kind, invocation_kind) = if is_setter {
                    (ir::FunctionKind::Setter, INVOCATION_SETTER)
                } else {
                    (ir::FunctionKind::Getter, INVOCATION_GETTER)
                };
                (kind, params, sig, invocation_kind)
            }
        };
        let mut param_names: Vec<(Symbol, DartType)> = sig.positional.clone();
        param_names.extend(sig.named.iter().map(|(n, t, _)| (*n, t.clone())));
        let return_type = sig.return_type.clone();
        let suffix = if kind == ir::FunctionKind::Setter {
            "="
        } else {
            ""
        };
        let qualified = format!("{}.{}{}", self.class_name(c), name, suffix);
        let lib = self.classes[c.index()].lib;
        let mut f = function_shell(name, qualified, kind, lib, Some(c), span);
        let named: Vec<Symbol> = params.named.iter().map(|n| n.name).collect();
        f.params = params;
        f.return_type = return_type.clone();
        f.locals
            .push(local(Symbol::intern("this"), span, this_ty.clone()));
        for (n, t) in &param_names {
            f.locals.push(local(*n, span, t.clone()));
        }
        let type_env = self.forwarder_type_env(c, &mut f, &sig.type_params);
        let body = self.forwarder_body(ForwarderBody {
            name,
            invocation_kind,
            arguments: param_names.len(),
            named,
            return_type,
            is_setter: kind == ir::FunctionKind::Setter,
            invocation_of,
            this_ty,
            type_params: sig.type_params.clone(),
            type_env,
            span,
        });
        f.body = Some(body);
        let id = self.new_function(f);
        self.sigs[id.index()] = sig;
        self.program.libraries[lib.index()].functions.push(id);
        self.program.classes[c.index()].methods.push(id);
    }

    /// Where the forwarder's body finds type parameters: the receiver's class type
    /// arguments and, for a generic member, the forwarder's own vector (its hidden local
    /// after the parameters, as `Lower::declare_type_args_local` lays it out).
    fn forwarder_type_env(
        &self,
        c: ClassId,
        f: &mut ir::Function,
        type_params: &[Symbol],
    ) -> Vec<ir::TypeEnvEntry> {
        let span = f.span;
        let mut env = Vec::new();
        let class_params = self.classes[c.index()].type_params.clone();
        if !class_params.is_empty() {
            let this = ir::Expr {
                kind: ExprKind::This,
                span,
                ty: self.this_type(c),
            };
            env.push(ir::TypeEnvEntry {
                names: class_params,
                source: ir::Expr {
                    kind: ExprKind::InstanceTypeArgs {
                        receiver: Box::new(this),
                        class: c,
                    },
                    span,
                    ty: DartType::Dynamic,
                },
            });
        }
        if !type_params.is_empty() {
            let vector = LocalId(f.locals.len() as u32);
            f.locals
                .push(local(Symbol::intern("#typeArgs"), span, DartType::Dynamic));
            f.type_params = type_params.to_vec();
            f.type_args_local = Some(vector);
            env.push(ir::TypeEnvEntry {
                names: type_params.to_vec(),
                source: ir::Expr {
                    kind: ExprKind::LocalGet(vector),
                    span,
                    ty: DartType::Dynamic,
                },
            });
        }
        env
    }

    fn forwarder_body(&mut self, b: ForwarderBody) -> ir::Stmt {
        let span = b.span;
        let e = |kind: ExprKind, ty: DartType| ir::Expr { kind, span, ty };
        let object_q = match self.program.core.object {
            Some(o) => self.interface_type(o, Vec::new(), true),
            None => DartType::Dynamic,
        };
        let string_ty = self.core_type("String");
        let int_ty = self.core_type("int");
        let name_text = b.name.as_str().trim_end_matches('=').to_string();
        let name_const = self.intern_const(ir::Constant::String(name_text));
        let kind_const = self.intern_const(ir::Constant::Int(b.invocation_kind));
        let values = (1..=b.arguments)
            .map(|i| e(ExprKind::LocalGet(LocalId(i as u32)), DartType::Dynamic))
            .collect();
        let names = b
            .named
            .iter()
            .map(|n| {
                let c = self.intern_const(ir::Constant::String(n.as_str().to_string()));
                e(ExprKind::Const(c), string_ty.clone())
            })
            .collect();
        let list = |element_type: DartType, elements: Vec<ir::Expr>| ExprKind::ListLiteral {
            element_type,
            elements,
            type_args: None,
        };
        let mut positional = vec![
            e(ExprKind::Const(name_const), string_ty.clone()),
            e(ExprKind::Const(kind_const), int_ty),
            e(list(object_q.clone(), values), DartType::Dynamic),
            e(list(string_ty, names), DartType::Dynamic),
        ];
        if !b.type_params.is_empty() {
            let type_ty = self.core_type("Type");
            let types = b
                .type_params
                .iter()
                .map(|&name| {
                    let vector = e(
                        ExprKind::TypeArgs {
                            types: vec![DartType::TypeParameter {
                                name,
                                nullable: false,
                            }],
                            env: b.type_env.clone(),
                        },
                        DartType::Dynamic,
                    );
                    e(ExprKind::TypeValue(Box::new(vector)), type_ty.clone())
                })
                .collect();
            positional.push(e(list(object_q.clone(), types), DartType::Dynamic));
        }
        let invocation = e(
            ExprKind::StaticCall {
                target: b.invocation_of,
                receiver: None,
                args: ir::Args {
                    type_args: None,
                    positional,
                    named: Vec::new(),
                },
            },
            DartType::Dynamic,
        );
        let call = e(
            ExprKind::InstanceCall {
                receiver: Box::new(e(ExprKind::This, b.this_ty)),
                selector: Symbol::intern("noSuchMethod"),
                args: ir::Args {
                    type_args: None,
                    positional: vec![invocation],
                    named: Vec::new(),
                },
            },
            DartType::Dynamic,
        );
        let unchecked = b.is_setter
            || matches!(b.return_type, DartType::Dynamic | DartType::Void)
            || b.return_type == object_q;
        let kind = if b.is_setter {
            StmtKind::Expr(call)
        } else if unchecked {
            StmtKind::Return(Some(call))
        } else if b.return_type.is_open() {
            let ty = b.return_type.clone();
            let type_args = e(
                ExprKind::TypeArgs {
                    types: vec![ty.clone()],
                    env: b.type_env,
                },
                DartType::Dynamic,
            );
            StmtKind::Return(Some(e(
                ExprKind::AsRuntime {
                    expr: Box::new(call),
                    type_args: Box::new(type_args),
                    implicit: true,
                },
                ty,
            )))
        } else {
            let ty = b.return_type.clone();
            StmtKind::Return(Some(e(
                ExprKind::As {
                    expr: Box::new(call),
                    ty: ty.clone(),
                    implicit: true,
                },
                ty,
            )))
        };
        ir::Stmt { kind, span }
    }
}

struct ForwarderBody {
    name: Symbol,
    invocation_kind: i64,
    arguments: usize,
    named: Vec<Symbol>,
    return_type: DartType,
    is_setter: bool,
    invocation_of: FunctionId,
    this_ty: DartType,
    type_params: Vec<Symbol>,
    type_env: Vec<ir::TypeEnvEntry>,
    span: Span,
}

/// The getter side (`false`) and setter side (`true`) a member provides.
fn sides(member: Member, program: &ir::Program) -> Vec<(bool, Stand)> {
    match member {
        Member::Method(f) => vec![(false, Stand::Function(f))],
        Member::Field(fd) => {
            let field = &program.fields[fd.index()];
            let mut out = vec![(false, Stand::FieldGetter(fd))];
            if !field.is_final && !field.is_const {
                out.push((true, Stand::FieldSetter(fd)));
            }
            out
        }
        Member::Accessors { getter, setter } => getter
            .map(|g| (false, Stand::Function(g)))
            .into_iter()
            .chain(setter.map(|s| (true, Stand::Function(s))))
            .collect(),
    }
}

fn local(name: Symbol, span: Span, ty: DartType) -> ir::Local {
    ir::Local {
        name,
        span,
        is_final: true,
        is_late: false,
        captured: false,
        ty,
    }
}
