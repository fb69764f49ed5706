//! Reified runtime types: the isolate's table of canonical types (`RtTypeId`) and
//! type-argument vectors (`TypeArgsId`), instantiation of static types against the type
//! arguments in scope, the subtype test between runtime types, and their names as Dart
//! prints them.
//!
//! Types are interned, so two equal types have one id and type equality is an integer
//! compare. Generated code and heap objects hold a vector as a Smi (`Value::smi(id)`), so
//! type arguments never move and the collector never sees them. A vector shorter than its
//! class's parameter list (the empty vector, id 0, in particular) stands for `dynamic` in
//! the missing places: instantiating a class with all-`dynamic` arguments interns the
//! empty vector, so `List` and `List<dynamic>` are one type.

use crate::front::intern::Symbol;
use crate::kernel::ir::{ClassId, DartType, FunctionSig, Program};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// A canonical runtime type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RtTypeId(pub u32);

/// A canonical vector of runtime types (the type arguments of an instance or a call).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TypeArgsId(pub u32);

impl TypeArgsId {
    /// The empty vector: no type arguments, or all of them `dynamic`.
    pub const EMPTY: TypeArgsId = TypeArgsId(0);
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RtType {
    Dynamic,
    Void,
    Never,
    Null,
    Interface {
        class: ClassId,
        args: TypeArgsId,
        nullable: bool,
    },
    /// `sig: None` is the `Function` type itself.
    Function {
        sig: Option<RtSig>,
        nullable: bool,
    },
    Record {
        nullable: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RtSig {
    pub ret: RtTypeId,
    pub positional: Vec<RtTypeId>,
    pub required: u32,
    /// Sorted by name.
    pub named: Vec<(Symbol, RtTypeId, bool)>,
}

/// Type parameters in scope while instantiating: each entry binds `names[i]` to the i-th
/// type of its vector; later entries shadow earlier ones.
pub type Env<'e> = &'e [(&'e [Symbol], TypeArgsId)];

/// An instantiation the emitter registered: the types of one `TypeArgs` expression and
/// the names its environment entries bind.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Template {
    pub types: Vec<DartType>,
    pub env_names: Vec<Vec<Symbol>>,
}

pub struct RuntimeTypes {
    types: Vec<RtType>,
    type_ids: HashMap<RtType, RtTypeId>,
    vectors: Vec<Vec<RtTypeId>>,
    vector_ids: HashMap<Vec<RtTypeId>, TypeArgsId>,
    subtype_cache: HashMap<(RtTypeId, RtTypeId), bool>,
    /// `v is t` by `v`'s class id, for classes whose instances share one runtime type.
    class_tests: HashMap<(u32, RtTypeId), bool>,
    super_cache: HashMap<(ClassId, TypeArgsId, ClassId), Option<TypeArgsId>>,
    pub templates: Vec<Template>,
    /// Memoised instantiations by template and environment (up to two entries inline;
    /// longer environments are rare and instantiated afresh).
    instantiations: HashMap<(u32, u32, u32), TypeArgsId>,
}

impl Default for RuntimeTypes {
    fn default() -> Self {
        Self::new()
    }
}

/// The parts of a type table generated code depends on (type, vector and template ids
/// are embedded in it), as an AOT snapshot stores them.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RttImage {
    pub types: Vec<RtType>,
    pub vectors: Vec<Vec<RtTypeId>>,
    pub templates: Vec<Template>,
}

impl RuntimeTypes {
    pub fn export(&self) -> RttImage {
        RttImage {
            types: self.types.clone(),
            vectors: self.vectors.clone(),
            templates: self.templates.clone(),
        }
    }

    /// Rebuilds a table with exactly the ids of `image`; `None` when it is inconsistent
    /// (an id out of range, or not the canonical first entries).
    pub fn import(image: RttImage) -> Option<RuntimeTypes> {
        let n_types = image.types.len();
        let n_vectors = image.vectors.len();
        let type_ok = |t: &RtTypeId| (t.0 as usize) < n_types;
        let vector_ok = |v: &TypeArgsId| (v.0 as usize) < n_vectors;
        for t in &image.types {
            let ok = match t {
                RtType::Interface { args, .. } => vector_ok(args),
                RtType::Function { sig: Some(s), .. } => {
                    type_ok(&s.ret)
                        && s.positional.iter().all(type_ok)
                        && s.named.iter().all(|n| type_ok(&n.1))
                }
                _ => true,
            };
            if !ok {
                return None;
            }
        }
        if image.vectors.iter().flatten().any(|t| !type_ok(t))
            || image.types.first() != Some(&RtType::Dynamic)
            || image.vectors.first().is_none_or(|v| !v.is_empty())
        {
            return None;
        }
        let type_ids = image
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), RtTypeId(i as u32)))
            .collect();
        let vector_ids = image
            .vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), TypeArgsId(i as u32)))
            .collect();
        Some(RuntimeTypes {
            types: image.types,
            type_ids,
            vectors: image.vectors,
            vector_ids,
            subtype_cache: HashMap::default(),
            class_tests: HashMap::default(),
            super_cache: HashMap::default(),
            templates: image.templates,
            instantiations: HashMap::default(),
        })
    }

    /// Forgets answers that depend on the class hierarchy (a hot reload may change it);
    /// interned types and vectors stay, as generated code holds their ids.
    pub fn clear_hierarchy_caches(&mut self) {
        self.subtype_cache.clear();
        self.class_tests.clear();
        self.super_cache.clear();
    }

    pub fn new() -> RuntimeTypes {
        let mut t = RuntimeTypes {
            types: Vec::new(),
            type_ids: HashMap::default(),
            vectors: Vec::new(),
            vector_ids: HashMap::default(),
            subtype_cache: HashMap::default(),
            class_tests: HashMap::default(),
            super_cache: HashMap::default(),
            templates: Vec::new(),
            instantiations: HashMap::default(),
        };
        t.intern(RtType::Dynamic);
        t.intern_vector(Vec::new());
        t
    }

    pub const DYNAMIC: RtTypeId = RtTypeId(0);

    pub fn intern(&mut self, ty: RtType) -> RtTypeId {
        if let Some(&id) = self.type_ids.get(&ty) {
            return id;
        }
        let id = RtTypeId(self.types.len() as u32);
        self.types.push(ty.clone());
        self.type_ids.insert(ty, id);
        id
    }

    /// Interns a vector; trailing `dynamic`s are dropped (they are implied).
    pub fn intern_vector(&mut self, mut v: Vec<RtTypeId>) -> TypeArgsId {
        while v.last() == Some(&Self::DYNAMIC) {
            v.pop();
        }
        if let Some(&id) = self.vector_ids.get(&v) {
            return id;
        }
        let id = TypeArgsId(self.vectors.len() as u32);
        self.vectors.push(v.clone());
        self.vector_ids.insert(v, id);
        id
    }

    pub fn get(&self, id: RtTypeId) -> &RtType {
        &self.types[id.0 as usize]
    }

    /// Is `id` a vector this table made (ids arrive from generated code as Smis)?
    pub fn is_vector(&self, id: i64) -> bool {
        id >= 0 && (id as usize) < self.vectors.len()
    }

    pub fn is_type(&self, id: i64) -> bool {
        id >= 0 && (id as usize) < self.types.len()
    }

    /// The i-th type of a vector (`dynamic` past its end).
    pub fn arg(&self, v: TypeArgsId, i: usize) -> RtTypeId {
        self.vectors[v.0 as usize]
            .get(i)
            .copied()
            .unwrap_or(Self::DYNAMIC)
    }

    pub fn vector_len(&self, v: TypeArgsId) -> usize {
        self.vectors[v.0 as usize].len()
    }

    /// A one-element vector.
    pub fn single(&mut self, t: RtTypeId) -> TypeArgsId {
        self.intern_vector(vec![t])
    }

    pub fn interface(&mut self, class: ClassId, args: TypeArgsId, nullable: bool) -> RtTypeId {
        self.intern(RtType::Interface {
            class,
            args,
            nullable,
        })
    }

    /// The runtime type of static type `ty` with its type parameters taken from `env`
    /// (a parameter missing from it is `dynamic`).
    pub fn instantiate(&mut self, p: &Program, ty: &DartType, env: Env) -> RtTypeId {
        match ty {
            // Erased by the resolver; never in a resolved program.
            DartType::Dynamic | DartType::Extension { .. } => Self::DYNAMIC,
            DartType::Void => self.intern(RtType::Void),
            DartType::Never => self.intern(RtType::Never),
            DartType::Null => self.intern(RtType::Null),
            DartType::Interface {
                class,
                args,
                nullable,
            } => {
                if Some(*class) == p.core.null {
                    return self.intern(RtType::Null);
                }
                let v: Vec<RtTypeId> = args.iter().map(|a| self.instantiate(p, a, env)).collect();
                let args = self.intern_vector(v);
                self.interface(*class, args, *nullable)
            }
            DartType::TypeParameter { name, nullable } => {
                let bound = env.iter().rev().find_map(|(names, v)| {
                    names
                        .iter()
                        .position(|n| n == name)
                        .map(|i| self.arg(*v, i))
                });
                let t = bound.unwrap_or(Self::DYNAMIC);
                if *nullable {
                    self.make_nullable(t)
                } else {
                    t
                }
            }
            DartType::Function { nullable, sig } => {
                let sig = sig.as_ref().map(|s| self.instantiate_sig(p, s, env));
                self.intern(RtType::Function {
                    sig,
                    nullable: *nullable,
                })
            }
            DartType::Record { nullable } => self.intern(RtType::Record {
                nullable: *nullable,
            }),
            // Record types are tested by shape in `records`; nested in other types they
            // stand for `Record` (a known gap).
            DartType::RecordType(r) => self.intern(RtType::Record {
                nullable: r.nullable,
            }),
        }
    }

    pub fn instantiate_sig(&mut self, p: &Program, s: &FunctionSig, env: Env) -> RtSig {
        let mut named: Vec<(Symbol, RtTypeId, bool)> = s
            .named
            .iter()
            .map(|(n, t, r)| (*n, self.instantiate(p, t, env), *r))
            .collect();
        named.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        RtSig {
            ret: self.instantiate(p, &s.return_type, env),
            positional: s
                .positional
                .iter()
                .map(|t| self.instantiate(p, t, env))
                .collect(),
            required: s.required_positional,
            named,
        }
    }

    pub fn instantiate_vector(&mut self, p: &Program, types: &[DartType], env: Env) -> TypeArgsId {
        let v = types.iter().map(|t| self.instantiate(p, t, env)).collect();
        self.intern_vector(v)
    }

    /// The vector an earlier [`RuntimeTypes::instantiate_template`] made for this
    /// template and environment.
    pub fn memoised_instantiation(&self, index: u32, env: &[TypeArgsId]) -> Option<TypeArgsId> {
        let key = match env {
            [] => (index, u32::MAX, u32::MAX),
            [a] => (index, a.0, u32::MAX),
            [a, b] => (index, a.0, b.0),
            _ => return None,
        };
        self.instantiations.get(&key).copied()
    }

    /// Instantiates registered template `index` with the vectors of its environment
    /// entries (memoised: the same environment always gives the same vector).
    pub fn instantiate_template(
        &mut self,
        p: &Program,
        index: u32,
        env: &[TypeArgsId],
    ) -> Option<TypeArgsId> {
        let key = match env {
            [] => Some((index, u32::MAX, u32::MAX)),
            [a] => Some((index, a.0, u32::MAX)),
            [a, b] => Some((index, a.0, b.0)),
            _ => None,
        };
        if let Some(v) = key.and_then(|k| self.instantiations.get(&k)) {
            return Some(*v);
        }
        let template = self.templates.get(index as usize)?;
        if template.env_names.len() != env.len() {
            return None;
        }
        let names = template.env_names.clone();
        let types = template.types.clone();
        let bound: Vec<(&[Symbol], TypeArgsId)> = names
            .iter()
            .zip(env)
            .map(|(n, v)| (n.as_slice(), *v))
            .collect();
        let v = self.instantiate_vector(p, &types, &bound);
        if let Some(k) = key {
            self.instantiations.insert(k, v);
        }
        Some(v)
    }

    pub fn make_nullable(&mut self, t: RtTypeId) -> RtTypeId {
        let made = match self.get(t).clone() {
            RtType::Interface { class, args, .. } => RtType::Interface {
                class,
                args,
                nullable: true,
            },
            RtType::Function { sig, .. } => RtType::Function {
                sig,
                nullable: true,
            },
            RtType::Record { .. } => RtType::Record { nullable: true },
            RtType::Never => RtType::Null,
            other => other,
        };
        self.intern(made)
    }

    /// The type arguments `class` has when an instance of `sub` with arguments `args` is
    /// viewed as one (`None` when `sub` is not a subclass of `class`).
    pub fn super_args(
        &mut self,
        p: &Program,
        sub: ClassId,
        args: TypeArgsId,
        class: ClassId,
    ) -> Option<TypeArgsId> {
        if sub == class {
            return Some(args);
        }
        let key = (sub, args, class);
        if let Some(&r) = self.super_cache.get(&key) {
            return r;
        }
        // Provisional entry: breaks cycles in (erroneous) hierarchies.
        self.super_cache.insert(key, None);
        let c = p.class(sub);
        let names = c.type_params.clone();
        let mut found = None;
        for sup in &c.supertypes {
            let DartType::Interface { class: s, .. } = sup else {
                continue;
            };
            let env: [(&[Symbol], TypeArgsId); 1] = [(&names, args)];
            let t = self.instantiate(p, sup, &env);
            let s_args = match self.get(t) {
                RtType::Interface { args, .. } => *args,
                _ => continue,
            };
            if let Some(r) = self.super_args(p, *s, s_args, class) {
                found = Some(r);
                break;
            }
        }
        self.super_cache.insert(key, found);
        found
    }

    /// The cached answer of an instance of class id `cid` against `t`, if known.
    pub fn class_test(&self, cid: u32, t: RtTypeId) -> Option<bool> {
        self.class_tests.get(&(cid, t)).copied()
    }

    pub fn remember_class_test(&mut self, cid: u32, t: RtTypeId, answer: bool) {
        self.class_tests.insert((cid, t), answer);
    }

    fn is_top(&self, p: &Program, t: RtTypeId) -> bool {
        match self.get(t) {
            RtType::Dynamic | RtType::Void => true,
            RtType::Interface {
                class,
                nullable: true,
                ..
            } => Some(*class) == p.core.object,
            _ => false,
        }
    }

    fn is_nullable(&self, t: RtTypeId) -> bool {
        match self.get(t) {
            RtType::Dynamic | RtType::Void | RtType::Null => true,
            RtType::Never => false,
            RtType::Interface { nullable, .. }
            | RtType::Function { nullable, .. }
            | RtType::Record { nullable } => *nullable,
        }
    }

    /// `s <: t` under sound null safety (covariant generics, contravariant parameters).
    pub fn is_subtype(&mut self, p: &Program, s: RtTypeId, t: RtTypeId) -> bool {
        if s == t || self.is_top(p, t) {
            return true;
        }
        if let Some(&r) = self.subtype_cache.get(&(s, t)) {
            return r;
        }
        let r = self.compute_subtype(p, s, t);
        self.subtype_cache.insert((s, t), r);
        r
    }

    fn compute_subtype(&mut self, p: &Program, s: RtTypeId, t: RtTypeId) -> bool {
        let (st, tt) = (self.get(s).clone(), self.get(t).clone());
        match (&st, &tt) {
            (RtType::Never, _) => return true,
            (RtType::Dynamic | RtType::Void, _) => return false,
            (RtType::Null, _) => return self.is_nullable(t),
            (_, RtType::Null | RtType::Never) => return false,
            _ => {}
        }
        if self.is_nullable(s) && !self.is_nullable(t) {
            return false;
        }
        match (st, tt) {
            (_, RtType::Interface { class, .. }) if Some(class) == p.core.object => true,
            (
                RtType::Interface {
                    class: a, args: sa, ..
                },
                RtType::Interface {
                    class: b, args: tb, ..
                },
            ) => match self.super_args(p, a, sa, b) {
                None => false,
                Some(sa) => {
                    let n = p.class(b).type_params.len();
                    (0..n).all(|i| {
                        let (x, y) = (self.arg(sa, i), self.arg(tb, i));
                        self.is_subtype(p, x, y)
                    })
                }
            },
            (RtType::Function { .. }, RtType::Interface { class, .. }) => {
                Some(class) == p.core.function
            }
            (RtType::Function { .. }, RtType::Function { sig: None, .. }) => true,
            (RtType::Function { sig: Some(a), .. }, RtType::Function { sig: Some(b), .. }) => {
                self.sig_subtype(p, &a, &b)
            }
            (RtType::Record { .. }, RtType::Record { .. }) => true,
            (RtType::Record { .. }, RtType::Interface { class, .. }) => {
                p.class(class).name.as_str() == "Record"
            }
            _ => false,
        }
    }

    fn sig_subtype(&mut self, p: &Program, s: &RtSig, t: &RtSig) -> bool {
        if !self.is_subtype(p, s.ret, t.ret) && !matches!(self.get(t.ret), RtType::Void) {
            return false;
        }
        if s.required > t.required || s.positional.len() < t.positional.len() {
            return false;
        }
        for (i, &tp) in t.positional.iter().enumerate() {
            if !self.is_subtype(p, tp, s.positional[i]) {
                return false;
            }
        }
        for &(name, sty, required) in &s.named {
            match t.named.iter().find(|n| n.0 == name) {
                Some(&(_, tty, t_required))
                    if (required && !t_required) || !self.is_subtype(p, tty, sty) =>
                {
                    return false;
                }
                Some(_) => {}
                None if required => return false,
                None => {}
            }
        }
        t.named.iter().all(|n| s.named.iter().any(|m| m.0 == n.0))
    }

    /// The type as Dart prints it (`List<int>`, `int Function(String)?`).
    pub fn name(&self, p: &Program, t: RtTypeId) -> String {
        let q = |n: bool| if n { "?" } else { "" };
        match self.get(t) {
            RtType::Dynamic => "dynamic".into(),
            RtType::Void => "void".into(),
            RtType::Never => "Never".into(),
            RtType::Null => "Null".into(),
            RtType::Interface {
                class,
                args,
                nullable,
            } => {
                let c = p.class(*class);
                let mut s = c.name.as_str().to_string();
                let n = c.type_params.len();
                if n > 0 {
                    let parts: Vec<String> =
                        (0..n).map(|i| self.name(p, self.arg(*args, i))).collect();
                    s = format!("{s}<{}>", parts.join(", "));
                }
                format!("{s}{}", q(*nullable))
            }
            RtType::Function {
                sig: None,
                nullable,
            } => format!("Function{}", q(*nullable)),
            RtType::Function {
                sig: Some(sig),
                nullable,
            } => {
                let text = self.sig_name(p, sig);
                if *nullable {
                    format!("({text})?")
                } else {
                    text
                }
            }
            RtType::Record { nullable } => format!("Record{}", q(*nullable)),
        }
    }

    fn sig_name(&self, p: &Program, sig: &RtSig) -> String {
        let req = (sig.required as usize).min(sig.positional.len());
        let mut parts: Vec<String> = sig.positional[..req]
            .iter()
            .map(|&t| self.name(p, t))
            .collect();
        if sig.positional.len() > req {
            let opt: Vec<String> = sig.positional[req..]
                .iter()
                .map(|&t| self.name(p, t))
                .collect();
            parts.push(format!("[{}]", opt.join(", ")));
        }
        if !sig.named.is_empty() {
            let named: Vec<String> = sig
                .named
                .iter()
                .map(|(n, t, r)| {
                    let req = if *r { "required " } else { "" };
                    format!("{req}{} {n}", self.name(p, *t))
                })
                .collect();
            parts.push(format!("{{{}}}", named.join(", ")));
        }
        // The Dart VM's spelling: `(int, [String]) => bool`, `({required int x}) => void`.
        format!("({}) => {}", parts.join(", "), self.name(p, sig.ret))
    }
}
