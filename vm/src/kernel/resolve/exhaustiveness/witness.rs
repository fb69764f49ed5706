//! A value no case matches, and its text in the front end's form: `Circle()`,
//! `Square(filled: false)`, `Map<String, int>()`, `E.b`, `(E.b, false)`, `null`,
//! `[_, _]`; a property the cases did not narrow is `_` (and left out of an object's
//! text).

use super::{Key, Shape};
use crate::kernel::ir::DartType;
use crate::kernel::resolve::{ClassSource, Resolver};

#[derive(Clone, Debug)]
pub(super) struct Witness {
    shape: Shape,
    props: Vec<(Key, Witness)>,
    /// The shape is a split of the value's static type, or a property is narrowed.
    narrowed: bool,
}

impl Witness {
    pub(super) fn new(shape: Shape, props: Vec<(Key, Witness)>, split: bool) -> Witness {
        let narrowed = split || props.iter().any(|(_, w)| w.narrowed);
        Witness {
            shape,
            props,
            narrowed,
        }
    }

    /// The text of this witness as the top of a switch's message.
    pub(super) fn display(&self, r: &Resolver) -> String {
        match &self.shape {
            Shape::Null => "null".into(),
            Shape::Bool(b) => b.to_string(),
            Shape::Enum(c, i) => {
                let class = r.class(*c).name;
                match r.classes[c.index()].source {
                    ClassSource::Enum(e) => match e.values.get(*i) {
                        Some(v) => format!("{class}.{}", v.name.name),
                        None => format!("{class}()"),
                    },
                    _ => format!("{class}()"),
                }
            }
            Shape::Type(DartType::RecordType(rt)) => {
                let mut parts = Vec::new();
                for i in 0..rt.shape.positional {
                    parts.push(self.field_text(r, &format!("${}", i + 1)));
                }
                for n in &rt.shape.named {
                    parts.push(format!("{n}: {}", self.field_text(r, n.as_str())));
                }
                format!("({})", parts.join(", "))
            }
            Shape::Type(DartType::Null) => "null".into(),
            Shape::Type(ty @ DartType::Interface { .. }) => {
                let name = r.type_display(ty);
                let fields: Vec<String> = self
                    .props
                    .iter()
                    .filter(|(_, w)| w.narrowed)
                    .filter_map(|(k, w)| match k {
                        Key::Field(n) => Some(format!("{n}: {}", w.nested(r))),
                        _ => None,
                    })
                    .collect();
                format!("{name}({})", fields.join(", "))
            }
            Shape::Type(other) => format!("{}()", r.type_display(other)),
            Shape::ListLength { len, open, .. } => self.list_text(r, *len, *open),
            Shape::Record(_) | Shape::ListPattern { .. } => "_".into(),
        }
    }

    /// The text of a property's witness: `_` when the cases did not narrow it.
    fn nested(&self, r: &Resolver) -> String {
        if self.narrowed {
            self.display(r)
        } else {
            "_".into()
        }
    }

    fn field_text(&self, r: &Resolver, name: &str) -> String {
        self.props
            .iter()
            .find(|(k, _)| matches!(k, Key::Field(n) if n.as_str() == name))
            .map_or_else(|| "_".into(), |(_, w)| w.nested(r))
    }

    fn list_text(&self, r: &Resolver, len: usize, open: bool) -> String {
        let element = |key: Key| {
            self.props
                .iter()
                .find(|(k, _)| *k == key)
                .map_or_else(|| "_".to_string(), |(_, w)| w.nested(r))
        };
        let mut parts: Vec<String> = (0..len).map(|i| element(Key::Head(i))).collect();
        if open {
            parts.push("...".into());
        }
        format!("[{}]", parts.join(", "))
    }
}
