//! Lifting a pattern to a space (the specification's "lifted space union"), from the
//! facts lowering recorded about it: typed patterns cover their type, constants of
//! `bool`, enums and `Null` their one value, record, object and list patterns a shape
//! with property spaces; relational patterns and other constants match nothing
//! reliably.

use super::{Checker, Key, PatternFact, Shape, Space};
use crate::front::ast::{self, ListPatternElement, MapPatternEntry, PatternKind as P};
use crate::front::intern::Symbol;
use crate::kernel::ir::{ConstId, Constant, DartType, RecordShape};
use crate::kernel::resolve::patterns::field_name;
use crate::kernel::resolve::types::make_non_nullable;

impl Checker<'_, '_> {
    /// The space of `pattern` matching a value of static type `ty`.
    pub(super) fn lift(&mut self, pattern: &ast::Pattern, ty: &DartType) -> Space {
        match &pattern.kind {
            P::Paren(p) => self.lift(p, ty),
            P::Wildcard { ty: None } | P::Variable { ty: None, .. } | P::Assign(_) => Space::Any,
            P::Wildcard { ty: Some(_) } | P::Variable { ty: Some(_), .. } => {
                match self.fact_type(pattern) {
                    Some(t) => shaped(Shape::Type(t), Vec::new()),
                    None => self.unknown(),
                }
            }
            P::Constant(_) => match self.facts.get(&pattern.span) {
                Some(PatternFact::Const(Some(c))) => self.constant_space(*c, 0),
                _ => Space::Nothing,
            },
            P::Relational { .. } => Space::Nothing,
            P::Or(a, b) => Space::Or(vec![self.lift(a, ty), self.lift(b, ty)]),
            P::And(a, b) => {
                let (a, b) = (self.lift(a, ty), self.lift(b, ty));
                self.intersect(a, b)
            }
            P::NullCheck(p) => match self.lift(p, &make_non_nullable(ty.clone())) {
                Space::Any => shaped(Shape::Type(make_non_nullable(ty.clone())), Vec::new()),
                other => other,
            },
            P::NullAssert(p) => {
                let inner = self.lift(p, &make_non_nullable(ty.clone()));
                Space::Or(vec![inner, shaped(Shape::Null, Vec::new())])
            }
            P::Cast { pattern: p, .. } => self.lift_cast(pattern, p),
            P::Object { fields, .. } => self.lift_object(pattern, fields),
            P::List { elements, .. } => self.lift_list(elements, ty),
            P::Map { entries, .. } => self.lift_map(entries, ty),
            P::Record { fields } => self.lift_record(fields, ty),
            P::Error => self.unknown(),
        }
    }

    /// A pattern the check cannot judge: it gives up.
    fn unknown(&mut self) -> Space {
        self.uncertain = true;
        Space::Nothing
    }

    fn fact_type(&self, pattern: &ast::Pattern) -> Option<DartType> {
        match self.facts.get(&pattern.span) {
            Some(PatternFact::Type(t)) => Some(self.r.erasure(t)),
            _ => None,
        }
    }

    /// `p as T`: everything when `p` covers `T`, else `p`'s space plus `null` (a
    /// non-nullable `T` lets the cast throw on `null`).
    fn lift_cast(&mut self, pattern: &ast::Pattern, inner: &ast::Pattern) -> Space {
        let Some(t) = self.fact_type(pattern) else {
            return self.unknown();
        };
        let space = self.lift(inner, &t);
        let rows = vec![vec![space.clone()]];
        if self.unmatched(rows, vec![Shape::Type(t.clone())]).is_none() {
            return Space::Any;
        }
        if t.is_nullable() {
            space
        } else {
            Space::Or(vec![space, shaped(Shape::Null, Vec::new())])
        }
    }

    fn lift_object(&mut self, pattern: &ast::Pattern, fields: &[ast::PatternField]) -> Space {
        let Some(t) = self.fact_type(pattern) else {
            return self.unknown();
        };
        let value = Shape::Type(t.clone());
        let mut props = Vec::new();
        for f in fields {
            let Some(name) = field_name(f) else {
                return self.unknown();
            };
            let key = Key::Field(name.name);
            let field_ty = self.property_type(&value, &key);
            props.push((key, self.lift(&f.pattern, &field_ty)));
        }
        shaped(Shape::Type(t), props)
    }

    fn lift_record(&mut self, fields: &[ast::PatternField], ty: &DartType) -> Space {
        let mut positional = 0u32;
        let mut named = Vec::new();
        let mut keys = Vec::new();
        for f in fields {
            if f.name.is_none() && !f.implicit_name {
                positional += 1;
                keys.push(Key::Field(Symbol::intern(&format!("${positional}"))));
            } else {
                let Some(name) = field_name(f) else {
                    return self.unknown();
                };
                named.push(name.name);
                keys.push(Key::Field(name.name));
            }
        }
        let shape = RecordShape::new(positional, named);
        let record_ty = match ty {
            DartType::RecordType(r) if r.shape == shape => Some(DartType::RecordType(r.clone())),
            _ => None,
        };
        let mut props = Vec::new();
        for (f, key) in fields.iter().zip(keys) {
            let field_ty = match &record_ty {
                Some(rt) => self.property_type(&Shape::Type(rt.clone()), &key),
                None => DartType::Dynamic,
            };
            props.push((key, self.lift(&f.pattern, &field_ty)));
        }
        shaped(Shape::Record(shape), props)
    }

    fn lift_list(&mut self, elements: &[ListPatternElement], ty: &DartType) -> Space {
        let element_ty = match self.r.program.core.list {
            Some(list) => self
                .r
                .supertype_args(&make_non_nullable(ty.clone()), list)
                .and_then(|a| a.first().cloned())
                .unwrap_or(DartType::Dynamic),
            None => DartType::Dynamic,
        };
        let rest_at = elements
            .iter()
            .position(|e| matches!(e, ListPatternElement::Rest(..)));
        let mut props = Vec::new();
        for (i, e) in elements.iter().enumerate() {
            let key = match rest_at {
                Some(r) if i > r => Key::Tail(elements.len() - 1 - i),
                _ => Key::Head(i),
            };
            match e {
                ListPatternElement::Pattern(p) => props.push((key, self.lift(p, &element_ty))),
                ListPatternElement::Rest(Some(p), _) => {
                    // `...rest` binds the middle; a pattern that tests it is not judged.
                    if !matches!(self.lift(p, ty), Space::Any) {
                        return self.unknown();
                    }
                }
                ListPatternElement::Rest(None, _) => {}
            }
        }
        let (head, tail) = match rest_at {
            Some(r) => (r, elements.len() - r - 1),
            None => (elements.len(), 0),
        };
        let shape = Shape::ListPattern {
            head,
            tail,
            rest: rest_at.is_some(),
        };
        shaped(shape, props)
    }

    /// A map pattern with entries matches only maps holding those keys: nothing
    /// reliably. Without entries it matches every map.
    fn lift_map(&mut self, entries: &[MapPatternEntry], ty: &DartType) -> Space {
        let has_entries = entries
            .iter()
            .any(|e| matches!(e, MapPatternEntry::Entry { .. }));
        if has_entries {
            return Space::Nothing;
        }
        match self.r.program.core.map {
            Some(map)
                if self
                    .r
                    .supertype_args(&make_non_nullable(ty.clone()), map)
                    .is_some() =>
            {
                let raw = DartType::Interface {
                    class: map,
                    args: vec![DartType::Dynamic, DartType::Dynamic],
                    nullable: false,
                };
                shaped(Shape::Type(raw), Vec::new())
            }
            _ => self.unknown(),
        }
    }

    /// A constant with primitive equality: `null`, a `bool`, an enum value, or a record
    /// of such; other constants match only themselves, never a whole type.
    fn constant_space(&mut self, c: ConstId, depth: u32) -> Space {
        if depth > 16 {
            return Space::Nothing;
        }
        match &self.r.program.constants[c.index()] {
            Constant::Null => shaped(Shape::Null, Vec::new()),
            Constant::Bool(b) => shaped(Shape::Bool(*b), Vec::new()),
            Constant::Instance { class, fields } if self.r.class(*class).is_enum => {
                let index = fields.iter().find_map(|(f, v)| {
                    let is_index = self.r.program.fields[f.index()].name.as_str() == "index";
                    match &self.r.program.constants[v.index()] {
                        Constant::Int(i) if is_index => usize::try_from(*i).ok(),
                        _ => None,
                    }
                });
                match index {
                    Some(i) => shaped(Shape::Enum(*class, i), Vec::new()),
                    None => self.unknown(),
                }
            }
            Constant::Record { positional, named } => {
                let (positional, named) = (positional.clone(), named.clone());
                let shape = RecordShape::new(
                    positional.len() as u32,
                    named.iter().map(|(n, _)| *n).collect(),
                );
                let mut props = Vec::new();
                for (i, v) in positional.iter().enumerate() {
                    let key = Key::Field(Symbol::intern(&format!("${}", i + 1)));
                    props.push((key, self.constant_space(*v, depth + 1)));
                }
                for (n, v) in &named {
                    props.push((Key::Field(*n), self.constant_space(*v, depth + 1)));
                }
                shaped(Shape::Record(shape), props)
            }
            _ => Space::Nothing,
        }
    }

    /// `a && b`: the space both match, where this check can tell it simply.
    fn intersect(&mut self, a: Space, b: Space) -> Space {
        match (a, b) {
            (Space::Any, other) | (other, Space::Any) => other,
            (Space::Nothing, _) | (_, Space::Nothing) => Space::Nothing,
            (
                Space::Shaped {
                    shape: sa,
                    props: pa,
                },
                Space::Shaped {
                    shape: sb,
                    props: pb,
                },
            ) => {
                let disjoint_keys = pa.iter().all(|(k, _)| pb.iter().all(|(l, _)| k != l));
                if !disjoint_keys {
                    return self.unknown();
                }
                let narrower = if self.shape_covers(&sb, &sa) {
                    sa
                } else if self.shape_covers(&sa, &sb) {
                    sb
                } else {
                    return self.unknown();
                };
                let mut props = pa;
                props.extend(pb);
                shaped(narrower, props)
            }
            _ => self.unknown(),
        }
    }
}

fn shaped(shape: Shape, props: Vec<(Key, Space)>) -> Space {
    Space::Shaped { shape, props }
}
