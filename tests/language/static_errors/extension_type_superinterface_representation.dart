// An extension type implementing another one needs a representation type that is a
// subtype of the other's representation type, or of the other extension type itself.

extension type Id(int value) {}

// Valid: int <: int.
extension type UserId(int value) implements Id {}

// Valid: the representation is itself a subtype of Id.
extension type AdminId(UserId value) implements Id {}

// Invalid: num is neither a subtype of int nor of Id.
extension type LooseId(num value) implements Id {}

void main() {
  print(UserId(1).value);
}
