//! Switch exhaustiveness (the Dart 3 patterns specification, "Exhaustiveness and
//! reachability"): each case's pattern is lifted to a *space* (`lift`), the matched
//! value's static type is split into its subtypes where that helps (sealed classes,
//! enums, `bool`, nullable types, `FutureOr`, list lengths) and a witness — a value no
//! case matches — is searched column by column, properties (getters, record fields,
//! list elements) becoming new columns. A switch expression needs no witness to exist;
//! a switch statement too when its scrutinee's type is "always exhaustive".
//!
//! The resolver's static types are not a full inference, so an error is reported only
//! for a scrutinee whose type `certain_type` vouches for, and the search gives up
//! (reports nothing) whenever it meets something it cannot judge: `dynamic` property
//! types, an undecidable subtype test, patterns it did not lift, or too much work. A
//! false compile error on a valid program is worse than a missed one.

mod lift;
mod witness;

use super::body::Lower;
use super::members::{Found, Want};
use super::messages;
use super::types::{make_non_nullable, substitute};
use super::{ClassSource, Resolver};
use crate::front::ast;
use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, ConstId, DartType, ExprKind, RecordShape};
use std::collections::HashMap;
use witness::Witness;

/// What lowering learnt about a pattern that exhaustiveness needs: the resolved type of
/// a typed variable, wildcard, object or cast pattern, or a constant pattern's value.
#[derive(Clone, Debug)]
pub(super) enum PatternFact {
    Type(DartType),
    Const(Option<ConstId>),
}

/// The facts of the patterns lowered so far, by pattern span.
pub(super) type PatternFacts = HashMap<Span, PatternFact>;

/// A property of a matched value that a pattern constrains.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key {
    /// A getter or a record field (`$1` for the first positional one).
    Field(Symbol),
    /// A list element counted from the front.
    Head(usize),
    /// A list element counted from the back (0 is the last).
    Tail(usize),
}

/// The values a pattern or a split of the value type stands for, without properties.
#[derive(Clone, Debug, PartialEq)]
enum Shape {
    /// Every value of this static type.
    Type(DartType),
    Null,
    Bool(bool),
    /// One value of an enum (class, index).
    Enum(ClassId, usize),
    /// Records of this shape (a record pattern: the field types come from the value).
    Record(RecordShape),
    /// A list pattern: `head` elements (then `...` and `tail` more when `rest`).
    ListPattern {
        head: usize,
        tail: usize,
        rest: bool,
    },
    /// Lists of exactly `len` elements, or of at least `len` when `open`.
    ListLength {
        element: DartType,
        len: usize,
        open: bool,
    },
}

/// A lifted pattern.
#[derive(Clone, Debug)]
enum Space {
    /// Matches every value.
    Any,
    /// Matches no value reliably (guards, relational patterns, most constants).
    Nothing,
    Or(Vec<Space>),
    Shaped {
        shape: Shape,
        props: Vec<(Key, Space)>,
    },
}

/// How much splitting a single switch may do before the check gives up.
const WORK_BUDGET: u32 = 20_000;

/// The witness search over one switch.
struct Checker<'x, 'a> {
    r: &'x Resolver<'a>,
    facts: &'x PatternFacts,
    /// Something could not be judged: report nothing.
    uncertain: bool,
    work: u32,
}

impl Lower<'_, '_> {
    /// Reports a switch expression whose cases do not match every value of `ty`.
    pub(super) fn check_switch_expression_exhaustive(
        &mut self,
        subject: &crate::kernel::ir::Expr,
        heads: &[&ast::CaseHead],
    ) {
        self.check_exhaustive(subject, heads, false);
    }

    /// Reports a switch statement without `default` over an always-exhaustive type whose
    /// cases do not match every value.
    pub(super) fn check_switch_statement_exhaustive(
        &mut self,
        subject: &crate::kernel::ir::Expr,
        cases: &[ast::SwitchCase],
    ) {
        if cases.iter().any(|c| c.is_default) {
            return;
        }
        let heads: Vec<&ast::CaseHead> = cases.iter().flat_map(|c| c.heads.iter()).collect();
        self.check_exhaustive(subject, &heads, true);
    }

    /// Does flow analysis treat the switch statement as exhaustive (no path where no
    /// case matched)? With `default`, or over an always-exhaustive type (where a missing
    /// case is a compile-time error), as the Dart front ends do.
    pub(super) fn statement_is_exhaustive(
        &self,
        subject: &crate::kernel::ir::Expr,
        cases: &[ast::SwitchCase],
    ) -> bool {
        if cases.iter().any(|c| c.is_default) {
            return true;
        }
        match self.subject_type(subject) {
            Some(ty) => self.is_always_exhaustive(&self.r.erasure(&ty), 0),
            None => false,
        }
    }

    fn check_exhaustive(
        &mut self,
        subject: &crate::kernel::ir::Expr,
        heads: &[&ast::CaseHead],
        statement: bool,
    ) {
        if self.r.is_core(self.ctx.lib) || self.has_error_within(subject.span) {
            return;
        }
        let Some(ty) = self.subject_type(subject) else {
            return;
        };
        let erased = self.r.erasure(&ty);
        if statement && !self.is_always_exhaustive(&erased, 0) {
            return;
        }
        let mut checker = Checker::new(self.r, &self.pattern_facts);
        let witness = checker.find_witness(&erased, heads);
        if checker.uncertain {
            return;
        }
        if let Some(w) = witness {
            let shown = w.display(self.r);
            let origins = self.r.type_origins(&[&ty]);
            let shown_ty = self.r.type_display(&ty);
            let text = messages::non_exhaustive_switch(&shown_ty, &shown, &origins);
            self.r.error(subject.span, text);
        }
    }

    /// The scrutinee's static type when the resolver is sure of it: `certain_type`, or
    /// a local of certain declared type that flow analysis follows (the subject of a
    /// switch is flow sensitive: the cases promote it).
    fn subject_type(&self, subject: &crate::kernel::ir::Expr) -> Option<DartType> {
        if let ExprKind::LocalGet(l) = &subject.kind {
            let frame = self.frame_ref();
            let followed = frame.certain_locals.contains(l) && !frame.untracked.contains(l);
            if followed && !matches!(subject.ty, DartType::Dynamic) {
                return Some(subject.ty.clone());
            }
        }
        self.certain_type(subject)
    }

    /// The spec's "always exhaustive" types: `bool`, `Null`, enums, sealed classes,
    /// and nullable types, `FutureOr`s and records of them.
    fn is_always_exhaustive(&self, ty: &DartType, depth: u32) -> bool {
        if depth > 16 {
            return false;
        }
        match ty {
            DartType::Null => true,
            DartType::Interface { class, args, .. } => {
                let c = *class;
                if Some(c) == self.r.program.core.bool_ || self.r.class(c).is_enum {
                    return true;
                }
                if self.r.is_future_or_class(c) {
                    return args.iter().all(|a| self.is_always_exhaustive(a, depth + 1));
                }
                is_sealed(self.r, c)
            }
            DartType::RecordType(r) => r
                .fields
                .iter()
                .all(|f| self.is_always_exhaustive(f, depth + 1)),
            _ => false,
        }
    }
}

/// Is `c` declared `sealed`?
fn is_sealed(r: &Resolver, c: ClassId) -> bool {
    matches!(r.classes[c.index()].source, ClassSource::Class(d) if d.modifiers.is_sealed)
}

impl<'x, 'a> Checker<'x, 'a> {
    fn new(r: &'x Resolver<'a>, facts: &'x PatternFacts) -> Self {
        Checker {
            r,
            facts,
            uncertain: false,
            work: 0,
        }
    }

    /// A value of type `ty` that none of `heads` matches (guarded heads match nothing).
    fn find_witness(&mut self, ty: &DartType, heads: &[&ast::CaseHead]) -> Option<Witness> {
        let rows: Vec<Vec<Space>> = heads
            .iter()
            .map(|h| match h.guard {
                Some(_) => vec![Space::Nothing],
                None => vec![self.lift(&h.pattern, ty)],
            })
            .collect();
        let mut w = self.unmatched(rows, vec![Shape::Type(ty.clone())])?;
        w.pop()
    }

    /// Witnesses (one per column) for values of `columns` that no row matches, or `None`
    /// when every combination is matched.
    fn unmatched(
        &mut self,
        rows: Vec<Vec<Space>>,
        mut columns: Vec<Shape>,
    ) -> Option<Vec<Witness>> {
        self.work += 1;
        if self.work > WORK_BUDGET {
            self.uncertain = true;
            return None;
        }
        if columns.is_empty() {
            return rows.is_empty().then(Vec::new);
        }
        let first = columns.remove(0);
        let mut flat = Vec::new();
        for mut row in rows {
            let head = row.remove(0);
            flatten(head, &mut |s| {
                let mut r = vec![s];
                r.extend(row.iter().cloned());
                flat.push(r);
            });
        }
        self.filter_by_shape(&first, &flat, &columns, false)
    }

    /// The search for value shape `value` in the first column: rows whose first space
    /// covers it are specialised to its properties; when they leave a witness, the
    /// shape is split into its subtypes and each is searched on its own.
    fn filter_by_shape(
        &mut self,
        value: &Shape,
        rows: &[Vec<Space>],
        rest: &[Shape],
        narrowed: bool,
    ) -> Option<Vec<Witness>> {
        if matches!(value, Shape::Type(DartType::Never)) {
            return None;
        }
        let covering: Vec<&Vec<Space>> = rows
            .iter()
            .filter(|r| self.space_covers(&r[0], value))
            .collect();
        let fixed_len = match value {
            Shape::ListLength {
                len, open: false, ..
            } => Some(*len),
            _ => None,
        };
        let keys = property_keys(&covering, fixed_len);
        let mut columns = Vec::new();
        for k in &keys {
            columns.push(Shape::Type(self.property_type(value, k)));
        }
        columns.extend(rest.iter().cloned());
        let specialised = covering
            .iter()
            .map(|r| specialise(r, &keys, fixed_len))
            .collect::<Vec<_>>();
        let mut found = self.unmatched(specialised, columns)?;
        if let Some(subs) = self.split(value, rows) {
            for sub in subs {
                if let Some(w) = self.filter_by_shape(&sub, rows, rest, true) {
                    return Some(w);
                }
            }
            return None;
        }
        if matches!(
            value,
            Shape::Type(DartType::Dynamic | DartType::TypeParameter { .. })
        ) {
            // A `dynamic` here is likely the resolver's guess, not the program's type;
            // a type parameter would be judged by its bound, which this check lacks.
            self.uncertain = true;
        }
        let n = keys.len();
        let props: Vec<(Key, Witness)> = keys.into_iter().zip(found.drain(..n)).collect();
        let mut out = vec![Witness::new(value.clone(), props, narrowed)];
        out.extend(found);
        Some(out)
    }

    /// Does `space` (a row's first cell, not an `Or`) match every value of `value`?
    fn space_covers(&mut self, space: &Space, value: &Shape) -> bool {
        match space {
            Space::Any => true,
            Space::Nothing | Space::Or(_) => false,
            Space::Shaped { shape, .. } => self.shape_covers(shape, value),
        }
    }

    fn shape_covers(&mut self, pattern: &Shape, value: &Shape) -> bool {
        match (pattern, value) {
            (Shape::Type(t), _) => match self.value_type(value) {
                Some(v) => self.subtype(&v, t),
                None => false,
            },
            (Shape::Null, Shape::Null) => true,
            (Shape::Null, Shape::Type(DartType::Null)) => true,
            (Shape::Bool(a), Shape::Bool(b)) => a == b,
            (Shape::Enum(c, i), Shape::Enum(d, j)) => c == d && i == j,
            (Shape::Record(s), Shape::Type(DartType::RecordType(r))) => {
                !r.nullable && r.shape == *s
            }
            (Shape::ListPattern { head, tail, rest }, Shape::ListLength { len, open, .. }) => {
                if *rest {
                    *len >= head + tail
                } else {
                    !open && *len == *head
                }
            }
            _ => false,
        }
    }

    /// The static type of the values of a value shape (`None` for list lengths, which
    /// only list patterns and their supertypes' type patterns cover).
    fn value_type(&self, value: &Shape) -> Option<DartType> {
        Some(match value {
            Shape::Type(t) => t.clone(),
            Shape::Null => DartType::Null,
            Shape::Bool(_) => self.r.core_type("bool"),
            Shape::Enum(c, _) => self.r.this_type(*c),
            Shape::ListLength { element, .. } => {
                let list = self.r.program.core.list?;
                DartType::Interface {
                    class: list,
                    args: vec![element.clone()],
                    nullable: false,
                }
            }
            Shape::Record(_) | Shape::ListPattern { .. } => return None,
        })
    }

    /// `s <: t`, giving up the whole check when the resolver can't tell.
    fn subtype(&mut self, s: &DartType, t: &DartType) -> bool {
        match self.r.is_subtype(s, t) {
            Some(b) => b,
            None => {
                self.uncertain = true;
                false
            }
        }
    }

    /// The static type of property `key` of the values of `value`.
    fn property_type(&mut self, value: &Shape, key: &Key) -> DartType {
        let found = match (value, key) {
            (Shape::ListLength { element, .. }, Key::Head(_) | Key::Tail(_)) => {
                Some(element.clone())
            }
            (Shape::Type(DartType::RecordType(r)), Key::Field(name)) => record_field(r, *name),
            (_, Key::Field(name)) => self.getter_type(value, *name),
            _ => None,
        };
        found.unwrap_or_else(|| {
            self.uncertain = true;
            DartType::Dynamic
        })
    }

    fn getter_type(&self, value: &Shape, name: Symbol) -> Option<DartType> {
        let receiver = make_non_nullable(self.value_type(value)?);
        let DartType::Interface { class, .. } = &receiver else {
            return None;
        };
        let (found, owner) = self.r.find_instance(*class, name, Want::Getter)?;
        if matches!(found, Found::Setter(_)) {
            return None;
        }
        Some(self.r.read_type(found, &receiver, owner))
    }

    /// The subtypes `value` splits into, when it is a type that can be split.
    fn split(&mut self, value: &Shape, rows: &[Vec<Space>]) -> Option<Vec<Shape>> {
        let Shape::Type(ty) = value else {
            return None;
        };
        if ty.is_nullable() && !matches!(ty, DartType::Null | DartType::Dynamic) {
            let non_null = make_non_nullable(ty.clone());
            return Some(vec![Shape::Type(non_null), Shape::Null]);
        }
        let DartType::Interface { class, args, .. } = ty else {
            return None;
        };
        let c = *class;
        if Some(c) == self.r.program.core.bool_ {
            return Some(vec![Shape::Bool(true), Shape::Bool(false)]);
        }
        if let ClassSource::Enum(e) = self.r.classes[c.index()].source {
            if !args.iter().all(|a| is_top(self.r, a)) {
                // `E<num>` holds only the values whose type arguments fit; this check
                // does not know each value's.
                self.uncertain = true;
            }
            return Some((0..e.values.len()).map(|i| Shape::Enum(c, i)).collect());
        }
        if self.r.is_future_or_class(c) {
            return self.split_future_or(args);
        }
        if let Some(list_args) = self
            .r
            .program
            .core
            .list
            .and_then(|l| self.r.supertype_args(ty, l))
        {
            if let Some(lengths) = split_list(&list_args, rows) {
                return Some(lengths);
            }
        }
        if is_sealed(self.r, c) {
            return Some(self.sealed_subtypes(c, args));
        }
        None
    }

    fn split_future_or(&mut self, args: &[DartType]) -> Option<Vec<Shape>> {
        let t = args.first().cloned().unwrap_or(DartType::Dynamic);
        let future = self.r.async_class("Future")?;
        let future_t = DartType::Interface {
            class: future,
            args: vec![t.clone()],
            nullable: false,
        };
        Some(vec![Shape::Type(t), Shape::Type(future_t)])
    }

    /// The direct subtypes of sealed class `sealed` (declared in its library), with the
    /// type arguments `args` carried over where a subtype passes its own parameters.
    fn sealed_subtypes(&mut self, sealed: ClassId, args: &[DartType]) -> Vec<Shape> {
        let lib = self.r.class(sealed).library;
        let mut out = Vec::new();
        for (i, info) in self.r.classes.iter().enumerate() {
            let c = ClassId(i as u32);
            let class = self.r.class(c);
            if class.library != lib || c == sealed {
                continue;
            }
            let direct = class.superclass == Some(sealed)
                || class.mixins.contains(&sealed)
                || class.interfaces.contains(&sealed);
            if !direct {
                continue;
            }
            let own: Vec<DartType> = info
                .type_params
                .iter()
                .map(|p| DartType::TypeParameter {
                    name: *p,
                    nullable: false,
                })
                .collect();
            let generic = DartType::Interface {
                class: c,
                args: own,
                nullable: false,
            };
            let inferred = self.infer_subtype_args(&generic, c, sealed, args);
            if self.may_be_instance(&inferred, sealed, args) {
                out.push(Shape::Type(inferred));
            }
        }
        out
    }

    /// Can a value of subtype `sub` be a `sealed<args>`? Not when their type arguments
    /// for `sealed` are unrelated classes (`C extends A<int>` is never an `A<String>`).
    /// Where this can't be told exactly, the whole check gives up on a witness.
    fn may_be_instance(&mut self, sub: &DartType, sealed: ClassId, args: &[DartType]) -> bool {
        if args.iter().all(|a| is_top(self.r, a)) {
            return true;
        }
        let Some(through) = self.r.supertype_args(sub, sealed) else {
            self.uncertain = true;
            return true;
        };
        for (s, a) in through.iter().zip(args) {
            if is_top(self.r, a) {
                continue;
            }
            let simple =
                |t: &DartType| matches!(t, DartType::Interface { args, .. } if args.is_empty());
            if !simple(s) || !simple(a) {
                self.uncertain = true;
                continue;
            }
            if self.r.is_subtype(s, a) == Some(false) {
                return false;
            }
        }
        true
    }

    /// `Sub<P1..Pn>` with each `Pi` its sealed supertype passes straight through
    /// replaced by the matched type's argument, the rest `dynamic`.
    fn infer_subtype_args(
        &mut self,
        generic: &DartType,
        sub: ClassId,
        sealed: ClassId,
        args: &[DartType],
    ) -> DartType {
        let params = self.r.classes[sub.index()].type_params.clone();
        if params.is_empty() {
            return generic.clone();
        }
        let through = self.r.supertype_args(generic, sealed).unwrap_or_default();
        let mut chosen = vec![DartType::Dynamic; params.len()];
        for (i, t) in through.iter().enumerate() {
            if let DartType::TypeParameter {
                name,
                nullable: false,
            } = t
            {
                if let (Some(p), Some(a)) = (params.iter().position(|q| q == name), args.get(i)) {
                    chosen[p] = a.clone();
                }
            }
        }
        substitute(generic, &params, &chosen)
    }
}

/// `dynamic`, `void` or `Object?`: a type argument that admits every value.
fn is_top(r: &Resolver, t: &DartType) -> bool {
    match t {
        DartType::Dynamic | DartType::Void => true,
        DartType::Interface {
            class,
            nullable: true,
            ..
        } => Some(*class) == r.program.core.object,
        _ => false,
    }
}

/// Rows whose first cell is an `Or` become one row per alternative.
fn flatten(space: Space, push: &mut impl FnMut(Space)) {
    match space {
        Space::Or(alts) => {
            for a in alts {
                flatten(a, push);
            }
        }
        Space::Nothing => {}
        other => push(other),
    }
}

/// The properties the first cells of `rows` constrain, in order of appearance.
fn property_keys(rows: &[&Vec<Space>], fixed_len: Option<usize>) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    for r in rows {
        if let Space::Shaped { props, .. } = &r[0] {
            for (k, _) in props {
                let k = normalise(k, fixed_len);
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
    }
    keys
}

/// In a list of known length, the element `Tail(j)` is `Head(len - 1 - j)`: one column.
fn normalise(key: &Key, fixed_len: Option<usize>) -> Key {
    match (key, fixed_len) {
        (Key::Tail(j), Some(len)) if *j < len => Key::Head(len - 1 - j),
        _ => key.clone(),
    }
}

/// A covering row with its first cell replaced by the spaces of `keys` (`Any` where the
/// cell does not constrain a key). A key constrained twice (`A(x: 1) && A(x: 2)` never
/// lifts to that) takes the first.
fn specialise(row: &[Space], keys: &[Key], fixed_len: Option<usize>) -> Vec<Space> {
    let props: &[(Key, Space)] = match &row[0] {
        Space::Shaped { props, .. } => props,
        _ => &[],
    };
    let mut out: Vec<Space> = keys
        .iter()
        .map(|k| {
            props
                .iter()
                .find(|(pk, _)| normalise(pk, fixed_len) == *k)
                .map(|(_, s)| s.clone())
                .unwrap_or(Space::Any)
        })
        .collect();
    out.extend(row[1..].iter().cloned());
    out
}

/// The type of record field `name` (`$1`... for positional fields).
fn record_field(r: &crate::kernel::ir::RecordType, name: Symbol) -> Option<DartType> {
    let text = name.as_str();
    let index = match text.strip_prefix('$').and_then(|n| n.parse::<usize>().ok()) {
        Some(n) if n >= 1 && n <= r.shape.positional as usize => n - 1,
        _ => {
            let at = r.shape.named.iter().position(|n| *n == name)?;
            r.shape.positional as usize + at
        }
    };
    r.fields.get(index).cloned()
}

/// `List<T>` split by the list patterns of the first column: each length below the
/// longest fixed or head-plus-tail count, then "at least" that many.
fn split_list(args: &[DartType], rows: &[Vec<Space>]) -> Option<Vec<Shape>> {
    let element = args.first().cloned().unwrap_or(DartType::Dynamic);
    let mut fixed_max: Option<usize> = None;
    let (mut head_max, mut tail_max) = (0, 0);
    for r in rows {
        if let Space::Shaped {
            shape: Shape::ListPattern { head, tail, rest },
            ..
        } = &r[0]
        {
            if *rest {
                head_max = head_max.max(*head);
                tail_max = tail_max.max(*tail);
            } else {
                fixed_max = Some(fixed_max.map_or(*head, |m: usize| m.max(*head)));
            }
        }
    }
    if fixed_max.is_none() && head_max + tail_max == 0 && !has_list_pattern(rows) {
        return None;
    }
    let open_at = fixed_max.map_or(0, |m| m + 1).max(head_max + tail_max);
    let mut out: Vec<Shape> = (0..open_at)
        .map(|len| Shape::ListLength {
            element: element.clone(),
            len,
            open: false,
        })
        .collect();
    out.push(Shape::ListLength {
        element,
        len: open_at,
        open: true,
    });
    Some(out)
}

fn has_list_pattern(rows: &[Vec<Space>]) -> bool {
    rows.iter().any(|r| {
        matches!(
            &r[0],
            Space::Shaped {
                shape: Shape::ListPattern { .. },
                ..
            }
        )
    })
}
