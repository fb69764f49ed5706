//! Member lookup on classes: instance members through superclasses, mixins and
//! interfaces (for static typing and "isn't defined" errors), `super` members (skipping
//! abstract ones, honouring mixin order), and the static types of members seen through a
//! receiver type (type-argument substitution).

use super::types::substitute;
use super::{Member, Resolver, Signature};
use crate::front::intern::Symbol;
use crate::kernel::ir::{ClassId, DartType, FieldId, FunctionId};

/// Which side of a member a lookup wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Want {
    /// A method to call (or a getter whose value is called).
    Call,
    Getter,
    Setter,
}

/// A member found by lookup.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Found {
    Method(FunctionId),
    Getter(FunctionId),
    Setter(FunctionId),
    Field(FieldId),
}

impl Found {
    pub fn function(self) -> Option<FunctionId> {
        match self {
            Found::Method(f) | Found::Getter(f) | Found::Setter(f) => Some(f),
            Found::Field(_) => None,
        }
    }
}

fn pick(member: Member, want: Want) -> Option<Found> {
    match (member, want) {
        (Member::Method(f), Want::Call | Want::Getter) => Some(Found::Method(f)),
        (Member::Field(f), Want::Call | Want::Getter | Want::Setter) => Some(Found::Field(f)),
        (
            Member::Accessors {
                getter: Some(g), ..
            },
            Want::Call | Want::Getter,
        ) => Some(Found::Getter(g)),
        (
            Member::Accessors {
                setter: Some(s), ..
            },
            Want::Setter,
        ) => Some(Found::Setter(s)),
        _ => None,
    }
}

impl Resolver<'_> {
    /// Finds an instance member through the class, its superclasses, then interfaces.
    /// Returns the member and the class that declares it.
    pub(super) fn find_instance(
        &self,
        class: ClassId,
        name: Symbol,
        want: Want,
    ) -> Option<(Found, ClassId)> {
        let mut cur = Some(class);
        let mut interfaces = Vec::new();
        let mut steps = 0;
        while let Some(c) = cur {
            steps += 1;
            if steps > 10_000 {
                break;
            }
            if let Some(found) = self.classes[c.index()]
                .instance
                .get(&name)
                .and_then(|m| pick(*m, want))
            {
                return Some((found, c));
            }
            interfaces.extend(self.class(c).interfaces.iter().copied());
            interfaces.extend(self.class(c).mixins.iter().copied());
            cur = self.class(c).superclass;
        }
        let mut seen = Vec::new();
        while let Some(i) = interfaces.pop() {
            if seen.contains(&i) {
                continue;
            }
            seen.push(i);
            if let Some(found) = self.classes[i.index()]
                .instance
                .get(&name)
                .and_then(|m| pick(*m, want))
            {
                return Some((found, i));
            }
            interfaces.extend(self.class(i).interfaces.iter().copied());
            interfaces.extend(self.class(i).mixins.iter().copied());
            interfaces.extend(self.class(i).superclass);
        }
        None
    }

    /// The member `super.name` refers to from a member of `this_class` (a mixin copy at
    /// `mixin_index` sees only the mixins before it). Abstract members are skipped.
    pub(super) fn find_super(
        &self,
        this_class: ClassId,
        mixin_index: Option<usize>,
        name: Symbol,
        want: Want,
    ) -> Option<Found> {
        let mixins = &self.class(this_class).mixins;
        let limit = mixin_index.unwrap_or(mixins.len()).min(mixins.len());
        for k in (0..limit).rev() {
            let key = (this_class, k, name, want == Want::Setter);
            if let Some(&f) = self.mixin_copies.get(&key) {
                if !self.abstract_fns.contains(&f) {
                    let found = match self.program.functions[f.index()].kind {
                        crate::kernel::ir::FunctionKind::Getter => Found::Getter(f),
                        crate::kernel::ir::FunctionKind::Setter => Found::Setter(f),
                        _ => Found::Method(f),
                    };
                    return Some(found);
                }
            }
        }
        let sup = self.class(this_class).superclass?;
        self.find_concrete(sup, name, want)
    }

    /// The concrete member `name` of instances of `class`: through the class and its
    /// superclasses (mixed-in copies included), skipping abstract declarations.
    pub(super) fn find_concrete(&self, class: ClassId, name: Symbol, want: Want) -> Option<Found> {
        let mut cur = Some(class);
        let mut steps = 0;
        while let Some(c) = cur {
            steps += 1;
            if steps > 10_000 {
                break;
            }
            if let Some(found) = self.classes[c.index()]
                .instance
                .get(&name)
                .and_then(|m| pick(*m, want))
            {
                let is_abstract = found
                    .function()
                    .is_some_and(|f| self.abstract_fns.contains(&f));
                if !is_abstract {
                    return Some(found);
                }
            }
            cur = self.class(c).superclass;
        }
        None
    }

    /// The type arguments of `target` as a supertype of `ty` (`List<int>` seen as
    /// `Iterable` gives `[int]`); `None` when `target` is not a supertype.
    pub(super) fn supertype_args(&self, ty: &DartType, target: ClassId) -> Option<Vec<DartType>> {
        self.supertype_args_depth(ty, target, 0)
    }

    fn supertype_args_depth(
        &self,
        ty: &DartType,
        target: ClassId,
        depth: u32,
    ) -> Option<Vec<DartType>> {
        let DartType::Interface { class, args, .. } = ty else {
            return None;
        };
        if *class == target {
            return Some(args.clone());
        }
        if depth > 64 {
            return None;
        }
        let info = &self.classes[class.index()];
        let supers = info
            .supertype
            .iter()
            .chain(info.mixin_types.iter())
            .chain(info.interfaces.iter());
        for s in supers {
            let s = substitute(s, &info.type_params, args);
            if let Some(found) = self.supertype_args_depth(&s, target, depth + 1) {
                return Some(found);
            }
        }
        None
    }

    /// Substitutes the declaring class's type parameters in `t` as seen through `receiver`.
    pub(super) fn member_type_through(
        &self,
        t: &DartType,
        receiver: &DartType,
        owner: ClassId,
    ) -> DartType {
        match self.supertype_args(receiver, owner) {
            Some(args) => substitute(t, &self.classes[owner.index()].type_params, &args),
            None => t.clone(),
        }
    }

    /// The signature of `f` as seen through `receiver` (type arguments substituted).
    pub(super) fn signature_through(
        &self,
        f: FunctionId,
        receiver: &DartType,
        owner: ClassId,
    ) -> Signature {
        let sig = &self.sigs[f.index()];
        let Some(args) = self.supertype_args(receiver, owner) else {
            return sig.clone();
        };
        // A method's own type parameter shadows a class one of the same name
        // (`class C<T> { T m<T>(T t) }`): it is not substituted.
        let (params, args): (Vec<Symbol>, Vec<DartType>) = self.classes[owner.index()]
            .type_params
            .iter()
            .zip(args)
            .filter(|(p, _)| !sig.type_params.contains(p))
            .map(|(p, a)| (*p, a))
            .unzip();
        sig.map_types(|t| substitute(t, &params, &args))
    }

    /// The static type of reading member `found` (a getter's or field's type, or the
    /// function type of a method tear-off).
    pub(super) fn read_type(&self, found: Found, receiver: &DartType, owner: ClassId) -> DartType {
        let raw = match found {
            Found::Field(f) => self.program.fields[f.index()].ty.clone(),
            Found::Getter(g) => self.sigs[g.index()].return_type.clone(),
            Found::Method(_) => return DartType::any_function(false),
            Found::Setter(_) => DartType::Dynamic,
        };
        self.member_type_through(&raw, receiver, owner)
    }
}
