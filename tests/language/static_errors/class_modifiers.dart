// Class modifiers restrict subtypes declared in other libraries.
import 'class_modifiers_lib.dart';

class ExtendsFinal extends Token {}

class ImplementsFinal implements Token {}

class ExtendsInterface extends Listener {}

abstract class ImplementsBase implements Resource {}

class ExtendsBase extends Resource {}

class ExtendsSealed extends Shape {}

class MixesPlain with Plain {}

base class LocalResource extends Resource {}

// Implementing a subtype of another library's base class implements that class too.
abstract base class IndirectlyImplementsBase implements LocalResource {}

void main() {}
