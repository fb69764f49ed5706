//! Type tests against raw generic types. `x is Circle` for `class Circle<T extends
//! MetricUnits>` tests `Circle<MetricUnits>` (the raw type instantiated to its bounds),
//! and every instance of `Circle` has a type argument within that bound, so the test is
//! the same as one against `Circle<dynamic>`. dartrs's constant instances of generic
//! classes carry no type arguments (they read as `dynamic`), which would fail the
//! instantiated test, so this last-but-one resolver phase rewrites `is`/`as` targets
//! whose type arguments are exactly their class's instantiated bounds to `dynamic` ones.

use super::bounds::Generic;
use super::Resolver;
use crate::kernel::ir::{ClassId, DartType, ExprKind};
use crate::kernel::rewrite::{walk_stmt, Rewrite};
use std::collections::HashMap;

impl Resolver<'_> {
    /// Rewrites the raw-bounded `is`/`as` targets of every body (see the module doc).
    pub(super) fn relax_raw_type_tests(&mut self) {
        let mut raw: HashMap<ClassId, Vec<DartType>> = HashMap::new();
        for c in 0..self.classes.len() {
            let c = ClassId(c as u32);
            if self.classes[c.index()].type_params.is_empty() {
                continue;
            }
            if let Some(args) = self.raw_type_args(Generic::Class(c)) {
                raw.insert(c, args);
            }
        }
        if raw.is_empty() {
            return;
        }
        let relax = RelaxRaw { raw };
        for f in &mut self.program.functions {
            if let Some(body) = &mut f.body {
                walk_stmt(&relax, body);
            }
        }
    }
}

/// The classes whose raw types instantiate to non-`dynamic` bounds, with those bounds.
struct RelaxRaw {
    raw: HashMap<ClassId, Vec<DartType>>,
}

impl Rewrite for RelaxRaw {
    fn ty(&self, _t: &mut DartType) {}

    fn node(&self, e: &mut ExprKind) {
        let (ExprKind::Is { ty, .. } | ExprKind::As { ty, .. }) = e else {
            return;
        };
        if let DartType::Interface { class, args, .. } = ty {
            if self.raw.get(class).is_some_and(|bounds| bounds == args) {
                args.iter_mut().for_each(|a| *a = DartType::Dynamic);
            }
        }
    }
}
