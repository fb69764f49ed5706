//! Which parameters a function checks against their declared types at run time
//! (decision 39). Dart checks in the callee what no static type guarantees: on a dynamic
//! call every typed parameter, and on every call of an instance member its covariant
//! parameters — written `covariant`, inheriting `covariant` from a member they override,
//! or mentioning a class type parameter (a `C<int>` seen as a `C<Object>` may be passed
//! any object).

use super::body::Lower;
use super::{ParamRef, Resolver};
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::kernel::ir::{ClassId, DartType, FunctionId, FunctionKind, LocalId, ParamCheck};

impl<'r, 'a> Lower<'r, 'a> {
    /// Records the checks of `fid`'s parameters, declared one local each after the
    /// receiver (see `declare_params`).
    pub fn declare_param_checks(
        &mut self,
        fid: FunctionId,
        params: Option<&ast::FormalParameterList>,
    ) {
        let Some(list) = params else {
            return;
        };
        let func = &self.r.program.functions[fid.index()];
        let receiver_slots = func.params.receiver_slots;
        // Platform members rely on their natives' own checks (list and map stores) on
        // statically checked calls; only dynamic calls check them here.
        let platform = self.r.program.libraries[func.library.index()]
            .uri
            .starts_with("dart:");
        let member = match (func.kind, func.owner) {
            (FunctionKind::Method | FunctionKind::Setter, Some(c))
                if receiver_slots == 1 && !platform && self.ctx.this_class.is_some() =>
            {
                Some((c, func.kind == FunctionKind::Setter))
            }
            _ => None,
        };
        let name = match func.kind {
            FunctionKind::Setter => Symbol::intern(func.name.as_str().trim_end_matches('=')),
            _ => func.name,
        };
        let mut checks = Vec::new();
        let mut positional = 0;
        for (i, p) in list.params.iter().enumerate() {
            let param = match p.kind {
                ast::ParameterKind::Named { .. } => ParamRef::Named(p.name.name),
                _ => {
                    positional += 1;
                    ParamRef::Positional(positional - 1)
                }
            };
            let local = LocalId(receiver_slots + i as u32);
            let Some(ty) = self.frame_ref().locals.get(local.index()).map(|l| &l.ty) else {
                break;
            };
            // Function types are left unchecked: dartrs infers a closure's return type
            // from its body less often than Dart does, so a closure the Dart VM would
            // type `(dynamic) => bool` may be `(dynamic) => dynamic` here.
            if self.r.admits_everything(ty) || matches!(ty, DartType::Function { .. }) {
                continue;
            }
            let own = &self.r.sigs[fid.index()].type_params;
            let always = member.is_some_and(|(c, setter)| {
                let class_params: Vec<Symbol> = self.r.program.classes[c.index()]
                    .type_params
                    .iter()
                    .filter(|n| !own.contains(n))
                    .copied()
                    .collect();
                p.is_covariant
                    || mentions_class_type_param(ty, &class_params)
                    || self.r.inherits_covariant(c, name, setter, &param)
            });
            checks.push(ParamCheck { local, always });
        }
        self.r.program.functions[fid.index()].param_checks = checks;
    }
}

impl Resolver<'_> {
    /// `dynamic`, `void`, `Object?`: declared types no value can fail.
    fn admits_everything(&self, t: &DartType) -> bool {
        match t {
            DartType::Dynamic | DartType::Void => true,
            DartType::Interface {
                class,
                nullable: true,
                ..
            } => Some(*class) == self.program.core.object,
            _ => false,
        }
    }

    /// Is `param` of instance member `name` of class `c` `covariant` in a member of a
    /// proper supertype of `c` (which makes the overriding parameter covariant too)?
    fn inherits_covariant(&self, c: ClassId, name: Symbol, setter: bool, param: &ParamRef) -> bool {
        self.proper_supertypes(c)
            .into_iter()
            .any(|s| self.declares_covariant(s, name, setter, param))
    }
}

fn mentions_class_type_param(t: &DartType, class_params: &[Symbol]) -> bool {
    if class_params.is_empty() {
        return false;
    }
    let mut free = Vec::new();
    super::reified::free_type_params(t, &mut free);
    free.iter().any(|n| class_params.contains(n))
}
