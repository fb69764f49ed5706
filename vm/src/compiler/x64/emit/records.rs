//! Emitting records: literals (the runtime allocates them from the pushed fields), field
//! reads with an inline fast path, and type tests against record types.

use super::{EResult, Emitter};
use crate::compiler::Selector;
use crate::front::source::Span;
use crate::kernel::ir::{DartType, Expr, RecordShape};
use crate::runtime::layout::{record_field_slot, RECORD_MAX_FIELDS, RECORD_SHAPE};
use crate::runtime::object::{field_disp, Value, CID_DISP, CID_RECORD};
use crate::runtime::thread::RuntimeEntry;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

impl Emitter<'_> {
    /// `(a, b, name: c)`: fields pushed in storage order, then `AllocateRecord`.
    pub(super) fn record_literal(
        &mut self,
        shape: &RecordShape,
        fields: &[Expr],
        span: Span,
    ) -> EResult {
        if fields.len() > RECORD_MAX_FIELDS || fields.len() != shape.field_count() {
            return Err(super::err(
                span,
                format!("dartrs does not support records with more than {RECORD_MAX_FIELDS} fields yet."),
            ));
        }
        for f in fields {
            self.expr(f)?;
            self.push_rax();
        }
        let id = self.ctx.record_shape_id(shape) as i32;
        let n = fields.len() as u32;
        dynasm!(self.ops ; .arch x64 ; mov edx, id ; mov ecx, n as i32);
        self.runtime_call_with_stack_args(RuntimeEntry::AllocateRecord, n, span);
        Ok(())
    }

    /// Field `index` of a record whose static type has `shape`: one load when the value is
    /// a record of that shape (always, when static types are sound); otherwise the
    /// dynamic getter, which answers or throws NoSuchMethodError.
    pub(super) fn record_get(
        &mut self,
        receiver: &Expr,
        shape: &RecordShape,
        index: u32,
        span: Span,
    ) -> EResult {
        self.expr(receiver)?;
        let id = self.ctx.record_shape_id(shape);
        let shape_smi = Value::smi(id as i64).0 as i32;
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        let field = field_disp(record_field_slot(index as usize));
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>slow
            ; cmp DWORD [rax + CID_DISP], CID_RECORD as i32
            ; jne =>slow
            ; cmp QWORD [rax + field_disp(RECORD_SHAPE)], shape_smi
            ; jne =>slow
            ; mov rax, QWORD [rax + field]
            ; jmp =>done
            ; =>slow
        );
        self.push_rax();
        let desc = self.ctx.argdesc(1, &[]);
        let name = shape.field_name(index as usize);
        self.instance_call(Selector::Getter(name), desc, 1, span);
        dynasm!(self.ops ; .arch x64 ; =>done);
        Ok(())
    }

    /// `rax is ty` / `rax as ty` for a record type: always the runtime (the answer depends
    /// on the shape and the fields' types, not on a class id a cache could key on).
    pub(super) fn record_type_test(&mut self, ty: &DartType, test: super::TypeTest, span: Span) {
        let t = self.ctx.type_index(ty) as i32;
        // 0: `is`, 1: `as`, 2: an implicit downcast.
        let kind = match test {
            super::TypeTest::Is => 0,
            super::TypeTest::Cast => 1,
            super::TypeTest::ImplicitCast => 2,
        };
        self.push_rax();
        dynasm!(self.ops ; .arch x64 ; mov edx, t ; mov ecx, kind);
        self.runtime_call_with_stack_args(RuntimeEntry::RecordTypeTest, 1, span);
    }
}
