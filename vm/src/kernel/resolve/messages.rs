//! The texts of the resolver's compile-time errors, worded exactly as the Dart front end
//! (`pkg/front_end/messages.yaml`) words them, so users see familiar messages and tests
//! can compare against the Dart SDK's output.

use super::check::FlowTarget;
use crate::front::intern::Symbol;

/// dart:core classes whose origin ("- 'int' is from 'dart:core'.") is never printed.
const OBVIOUS_CORE_TYPES: &[&str] = &[
    "bool", "double", "int", "num", "Object", "String", "List", "Map", "Set", "Null", "Iterable",
    "Function", "Type", "Symbol", "Record", "Enum", "Never",
];

/// The " - 'Bar' is from 'main.dart'." line the front end adds for a class in a message.
pub(super) fn origin(class: Symbol, lib: &str) -> String {
    if lib == "dart:core" && OBVIOUS_CORE_TYPES.contains(&class.as_str()) {
        return String::new();
    }
    format!("\n - '{class}' is from '{lib}'.")
}

/// NonExhaustiveSwitchExpression / NonExhaustiveSwitchStatement (the same text).
/// `origins` are the " - 'C' is from ..." lines of the classes in the type.
pub(super) fn non_exhaustive_switch(ty: &str, witness: &str, origins: &str) -> String {
    format!(
        "The type '{ty}' is not exhaustively matched by the switch cases since it doesn't match '{witness}'.{origins}\n\
         Try adding a wildcard pattern or cases that match '{witness}'."
    )
}

/// GeneratorReturnsValue.
pub(super) fn generator_returns_value() -> String {
    "'sync*' and 'async*' can't return a value.".into()
}

/// ReturnWithoutExpressionSync.
pub(super) fn return_without_value_sync() -> String {
    "A value must be explicitly returned from a non-void function.".into()
}

/// ReturnWithoutExpressionAsync.
pub(super) fn return_without_value_async() -> String {
    "A value must be explicitly returned from a non-void async function.".into()
}

pub(super) fn undefined_name(name: Symbol) -> String {
    format!("Undefined name '{name}'.")
}

pub(super) fn method_not_found(name: impl std::fmt::Display) -> String {
    format!("Method not found: '{name}'.")
}

pub(super) fn getter_not_found(name: impl std::fmt::Display) -> String {
    format!("Getter not found: '{name}'.")
}

pub(super) fn setter_not_found(name: impl std::fmt::Display) -> String {
    format!("Setter not found: '{name}'.")
}

/// What kind of member access an "isn't defined" error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AccessKind {
    Method,
    Getter,
    Setter,
    Operator,
}

pub(super) fn undefined_member(
    kind: AccessKind,
    name: &str,
    class: Symbol,
    origin: &str,
) -> String {
    match kind {
        AccessKind::Method => format!(
            "The method '{name}' isn't defined for the class '{class}'.{origin}\n\
             Try correcting the name to the name of an existing method, or defining a method named '{name}'."
        ),
        AccessKind::Getter => format!(
            "The getter '{name}' isn't defined for the class '{class}'.{origin}\n\
             Try correcting the name to the name of an existing getter, or defining a getter or field named '{name}'."
        ),
        AccessKind::Setter => format!(
            "The setter '{name}' isn't defined for the class '{class}'.{origin}\n\
             Try correcting the name to the name of an existing setter, or defining a setter or field named '{name}'."
        ),
        AccessKind::Operator => format!(
            "The operator '{name}' isn't defined for the class '{class}'.{origin}\n\
             Try correcting the operator to an existing operator, or defining a '{name}' operator."
        ),
    }
}

pub(super) fn nullable_access(kind: AccessKind, name: &str, ty: &str, origin: &str) -> String {
    match kind {
        AccessKind::Method => format!(
            "Method '{name}' cannot be called on '{ty}' because it is potentially null.{origin}\n\
             Try calling using ?. instead."
        ),
        AccessKind::Getter => format!(
            "Property '{name}' cannot be accessed on '{ty}' because it is potentially null.{origin}\n\
             Try accessing using ?. instead."
        ),
        AccessKind::Setter => format!(
            "Property '{name}' cannot be accessed on '{ty}' because it is potentially null.{origin}\n\
             Try accessing using ?. instead."
        ),
        AccessKind::Operator => format!(
            "Operator '{name}' cannot be called on '{ty}' because it is potentially null.{origin}"
        ),
    }
}

pub(super) fn too_many_positional(allowed: usize, found: usize) -> String {
    format!(
        "Too many positional arguments: {allowed} allowed, but {found} found.\n\
         Try removing the extra positional arguments."
    )
}

pub(super) fn too_few_positional(required: usize, given: usize) -> String {
    format!("Too few positional arguments: {required} required, {given} given.")
}

pub(super) fn no_such_named(name: Symbol) -> String {
    format!("No named parameter with the name '{name}'.")
}

pub(super) fn required_named_missing(name: Symbol) -> String {
    format!("Required named parameter '{name}' must be provided.")
}

pub(super) fn assign_to_final(name: Symbol) -> String {
    format!("Can't assign to the final variable '{name}'.")
}

pub(super) fn final_maybe_assigned(name: Symbol) -> String {
    format!("Final variable '{name}' might already be assigned at this point.")
}

pub(super) fn late_final_definitely_assigned(name: Symbol) -> String {
    format!("Late final variable '{name}' definitely assigned.")
}

pub(super) fn late_definitely_unassigned(name: Symbol) -> String {
    format!("Late variable '{name}' without initializer is definitely unassigned.")
}

pub(super) fn non_nullable_not_assigned(name: Symbol) -> String {
    format!("Non-nullable variable '{name}' must be assigned before it can be used.")
}

pub(super) fn final_not_assigned(name: Symbol) -> String {
    format!("Final variable '{name}' must be assigned before it can be used.")
}

pub(super) fn assign_to_const(name: Symbol) -> String {
    format!("Can't assign to the const variable '{name}'.")
}

pub(super) fn duplicate(name: Symbol) -> String {
    format!("'{name}' is already declared in this scope.")
}

pub(super) fn duplicate_record_field(name: Symbol) -> String {
    format!("Duplicated field name '{name}' in record type.")
}

pub(super) fn duplicate_record_literal_field(name: Symbol) -> String {
    format!("Duplicated field name '{name}' in record literal.")
}

/// Why `name` cannot name a record field whose record has `positional` positional
/// fields, as the CFE says it (`None`: a valid name).
pub(super) fn invalid_record_field_name(name: &str, positional: usize) -> Option<String> {
    if name.starts_with('_') {
        return Some("Record field names can't be private.".into());
    }
    if ["hashCode", "runtimeType", "noSuchMethod", "toString"].contains(&name) {
        return Some("Record field names can't be the same as a member from 'Object'.".into());
    }
    if crate::kernel::ir::positional_getter_index(name).is_some_and(|i| i < positional) {
        return Some("Record field names can't be a dollar sign followed by an integer when integer is the index of a positional field.".into());
    }
    None
}

pub(super) fn previous_declaration(name: Symbol) -> String {
    format!("Previous declaration of '{name}'.")
}

pub(super) fn yield_not_generator() -> String {
    "'yield' can only be used in 'sync*' or 'async*' methods.".to_string()
}

pub(super) fn await_not_async() -> String {
    "'await' can only be used in 'async' or 'async*' methods.".to_string()
}

pub(super) fn await_of_extension_type_not_future() -> String {
    "The 'await' expression can't be used for an expression with an extension type that is not a subtype of 'Future'.".to_string()
}

pub(super) fn missing_main() -> String {
    "No 'main' method found.\nTry adding a method named 'main' to your program.".to_string()
}

pub(super) fn ambiguous_import(name: Symbol, a: &str, b: &str) -> String {
    format!("'{name}' is imported from both '{a}' and '{b}'.")
}

pub(super) fn type_not_found(name: &str) -> String {
    format!("Type '{name}' not found.")
}

pub(super) fn abstract_instantiation(class: Symbol) -> String {
    format!("The class '{class}' is abstract and can't be instantiated.")
}

pub(super) fn constructor_not_found(name: &str) -> String {
    format!("Couldn't find constructor '{name}'.")
}

pub(super) fn super_no_default_constructor(class: Symbol) -> String {
    format!("The superclass, '{class}', has no unnamed constructor that takes no arguments.")
}

pub(super) fn integer_too_big(text: &str) -> String {
    format!(
        "The integer literal {text} can't be represented in 64 bits.\n\
         Try using the BigInt class if you need an integer larger than 9,223,372,036,854,775,807 or less than -9,223,372,036,854,775,808."
    )
}

pub(super) fn break_outside_loop() -> String {
    "A break statement can't be used outside of a loop or switch statement.\n\
     Try removing the break statement."
        .to_string()
}

pub(super) fn continue_outside_loop() -> String {
    "A continue statement can't be used outside of a loop or switch statement.\n\
     Try removing the continue statement."
        .to_string()
}

pub(super) fn label_not_found(name: Symbol) -> String {
    format!(
        "Can't find label '{name}'.\n\
         Try defining the label, or correcting the name to match an existing label."
    )
}

pub(super) fn used_before_declared(name: Symbol) -> String {
    format!("Local variable '{name}' can't be referenced before it is declared.")
}

pub(super) fn this_in_static() -> String {
    "Expected identifier, but got 'this'.".to_string()
}

pub(super) fn super_in_static() -> String {
    "Can't use 'super' in a static context.".to_string()
}

pub(super) fn not_a_type(name: &str) -> String {
    format!("'{name}' isn't a type.")
}

pub(super) fn rethrow_outside_catch() -> String {
    "'rethrow' can only be used in catch clauses.\nTry moving the expression into a catch clause, or using a 'throw' expression.".to_string()
}

pub(super) fn external_without_native(name: &str) -> String {
    format!(
        "dartrs does not support external function '{name}' without a native implementation yet."
    )
}

pub(super) fn cyclic_class(name: Symbol) -> String {
    format!("'{name}' is a supertype of itself.")
}

/// The front end's "value of type S can't flow into T" texts, by where the value flows.
pub(super) fn not_assignable(flow: FlowTarget, s: &str, t: &str) -> String {
    match flow {
        FlowTarget::Variable => {
            format!("A value of type '{s}' can't be assigned to a variable of type '{t}'.")
        }
        FlowTarget::Parameter => {
            format!("The argument type '{s}' can't be assigned to the parameter type '{t}'.")
        }
        FlowTarget::Return => {
            format!(
                "A value of type '{s}' can't be returned from a function with return type '{t}'."
            )
        }
    }
}

/// `S?` flowing into a non-nullable `T` where `S` itself would fit.
pub(super) fn nullable_not_assignable(flow: FlowTarget, s: &str, t: &str) -> String {
    let plain = not_assignable(flow, s, t);
    let stem = plain.strip_suffix('.').unwrap_or(&plain);
    format!("{stem} because '{s}' is nullable and '{t}' isn't.")
}

/// `T this.x` where the field's type can't hold a `T`.
pub(super) fn initializing_formal_mismatch(
    name: Symbol,
    ty: &str,
    field_ty: &str,
    origins: &str,
) -> String {
    format!(
        "The type of parameter '{name}', '{ty}' is not a subtype of the corresponding field's type, '{field_ty}'.{origins}\n\
         Try changing the type of parameter '{name}' to a subtype of '{field_ty}'."
    )
}

/// The literal `null` flowing into a non-nullable `T`.
pub(super) fn null_not_assignable(flow: FlowTarget, t: &str) -> String {
    match flow {
        FlowTarget::Variable => format!(
            "The value 'null' can't be assigned to a variable of type '{t}' because '{t}' is not nullable."
        ),
        FlowTarget::Parameter => format!(
            "The value 'null' can't be assigned to the parameter type '{t}' because '{t}' is not nullable."
        ),
        FlowTarget::Return => format!(
            "The value 'null' can't be returned from a function with return type '{t}' because '{t}' is not nullable."
        ),
    }
}

/// A value of type `Null` (not the literal) flowing into a non-nullable `T`.
pub(super) fn null_type_not_assignable(flow: FlowTarget, s: &str, t: &str) -> String {
    let plain = not_assignable(flow, s, t);
    let stem = plain.strip_suffix('.').unwrap_or(&plain);
    format!("{stem} because '{t}' is not nullable.")
}

pub(super) fn supertype_is_illegal(shown: &str) -> String {
    format!("The type '{shown}' can't be used as supertype.")
}

pub(super) fn supertype_is_type_variable(name: Symbol) -> String {
    format!("The type variable '{name}' can't be used as supertype.")
}

pub(super) fn implements_super_class(name: Symbol) -> String {
    format!("'{name}' can't be used in both 'extends' and 'implements' clauses.\nTry removing one of the occurrences.")
}

pub(super) fn implements_repeated(name: Symbol) -> String {
    format!("'{name}' can only be implemented once.\nTry removing all but one occurrence of the class name.")
}

pub(super) fn type_variable_same_name_as_enclosing() -> String {
    "A type variable can't have the same name as its enclosing declaration.".to_string()
}

pub(super) fn member_with_same_name_as_class() -> String {
    "A class member can't have the same name as the enclosing class.\nTry renaming the member."
        .to_string()
}

pub(super) fn conflicts_with_type_variable(name: Symbol) -> String {
    format!("Conflicts with type variable '{name}'.")
}

pub(super) fn type_variable_here() -> String {
    "This is the type variable.".to_string()
}

pub(super) fn constructor_conflicts_with_member(name: &str) -> String {
    format!("The constructor conflicts with member '{name}'.")
}

pub(super) fn member_conflicts_with_constructor(ctor: &str) -> String {
    format!("The member conflicts with constructor '{ctor}'.")
}

pub(super) fn declared_member_conflicts_with_inherited() -> String {
    "Can't declare a member that conflicts with an inherited one.".to_string()
}

pub(super) fn inherited_member_here() -> String {
    "This is the inherited member.".to_string()
}

pub(super) fn setter_conflicts_with_declaration(name: Symbol) -> String {
    format!("The setter conflicts with declaration '{name}'.")
}

pub(super) fn conflicting_declaration_here() -> String {
    "Conflicting declaration.".to_string()
}

pub(super) fn static_operator() -> String {
    "Operators can't be static.\nTry removing the keyword 'static'.".to_string()
}

/// `expected` is the allowed parameter counts of operator `name`; `found` was given.
pub(super) fn operator_parameter_mismatch(name: &str, _found: usize, expected: &[usize]) -> String {
    match expected {
        [0] => format!("Operator '{name}' shouldn't have any parameters."),
        [0, 1] => format!(
            "Operator '{name}' should have zero or one parameter.\n\
             With zero parameters, it has the syntactic form '-a', formally known as 'unary-'. \
             With one parameter, it has the syntactic form 'a - b', formally known as '-'."
        ),
        [2] => format!("Operator '{name}' should have exactly two parameters."),
        _ => format!("Operator '{name}' should have exactly one parameter."),
    }
}

pub(super) fn operator_with_optional_formals() -> String {
    "An operator can't have optional parameters.".to_string()
}

pub(super) fn non_void_return_operator() -> String {
    "The return type of the operator []= must be 'void'.\nTry changing the return type to 'void'."
        .to_string()
}

pub(super) fn setter_with_wrong_number_of_formals() -> String {
    "A setter should have exactly one formal parameter.".to_string()
}

pub(super) fn non_void_return_setter() -> String {
    "The return type of the setter must be 'void' or absent.\nTry removing the return type, or define a method rather than a setter."
        .to_string()
}

pub(super) fn overridden_method_cause(name: &str) -> String {
    format!("This is the overridden method ('{name}').")
}

pub(super) fn override_fewer_positional(name: &str, overridden: &str) -> String {
    format!("The method '{name}' has fewer positional arguments than those of overridden method '{overridden}'.")
}

pub(super) fn override_more_required(name: &str, overridden: &str) -> String {
    format!("The method '{name}' has more required arguments than those of overridden method '{overridden}'.")
}

pub(super) fn override_missing_named(name: &str, param: Symbol, overridden: &str) -> String {
    format!("The method '{name}' doesn't have the named parameter '{param}' of overridden method '{overridden}'.")
}

pub(super) fn override_required_named(param: Symbol, name: &str, overridden: &str) -> String {
    format!("The required named parameter '{param}' in method '{name}' is not required in overridden method '{overridden}'.")
}

pub(super) fn override_parameter_type(
    param: Symbol,
    name: &str,
    ty: &str,
    overridden_ty: &str,
    overridden: &str,
) -> String {
    format!(
        "The parameter '{param}' of the method '{name}' has type '{ty}', which does not match the corresponding type, '{overridden_ty}', in the overridden method, '{overridden}'.\n\
         Change to a supertype of '{overridden_ty}', or, for a covariant parameter, a subtype."
    )
}

pub(super) fn override_return_type(
    name: &str,
    ty: &str,
    overridden_ty: &str,
    overridden: &str,
) -> String {
    format!(
        "The return type of the method '{name}' is '{ty}', which does not match the return type, '{overridden_ty}', of the overridden method, '{overridden}'.\n\
         Change to a subtype of '{overridden_ty}'."
    )
}

pub(super) fn override_field_setter_type(
    name: &str,
    ty: &str,
    overridden_ty: &str,
    overridden: &str,
) -> String {
    format!("The field '{name}' has type '{ty}', which does not match the corresponding type, '{overridden_ty}', in the overridden setter, '{overridden}'.")
}

pub(super) fn missing_implementation_cause(member: &str) -> String {
    format!("'{member}' is defined here.")
}

pub(super) fn missing_implementations(class: Symbol, members: &str) -> String {
    format!(
        "The non-abstract class '{class}' is missing implementations for these members:\n{members}\n\
         Try to either\n - provide an implementation,\n - inherit an implementation from a superclass or mixin,\n - mark the class as abstract, or\n - provide a 'noSuchMethod' implementation."
    )
}

pub(super) fn extending_enum(name: Symbol) -> String {
    format!("'{name}' is an enum and can't be extended or implemented.")
}

pub(super) fn enum_supertype_of_non_abstract_class(name: Symbol) -> String {
    format!("Non-abstract class '{name}' has 'Enum' as a superinterface.")
}

pub(super) fn enum_contains_values_declaration() -> String {
    "An enum can't declare a member named 'values'.".to_string()
}

pub(super) fn enum_implementer_contains_values(class: Symbol) -> String {
    format!("'{class}' has 'Enum' as a superinterface and can't contain non-static member with name 'values'.")
}

pub(super) fn enum_contains_restricted(member: &str) -> String {
    format!("An enum can't declare a non-abstract member named '{member}'.")
}

pub(super) fn enum_implementer_contains_restricted(class: Symbol, member: &str) -> String {
    format!("'{class}' has 'Enum' as a superinterface and can't contain non-static members with name '{member}'.")
}

pub(super) fn enum_inherits_restricted(member: &str) -> String {
    format!("An enum can't inherit a member named '{member}'.")
}

pub(super) fn enum_inherits_restricted_member() -> String {
    "This is the inherited member".to_string()
}

pub(super) fn enum_abstract_member() -> String {
    "Enums can't declare abstract members.".to_string()
}

pub(super) fn final_field_not_initialized(name: Symbol) -> String {
    format!("Final field '{name}' is not initialized.\nTry to initialize the field in the declaration or in every constructor.")
}

pub(super) fn final_field_not_initialized_by_constructor(name: Symbol) -> String {
    format!("Final field '{name}' is not initialized by this constructor.\nTry to initialize the field using an initializing formal or a field initializer.")
}

pub(super) fn defined_here(name: Symbol) -> String {
    format!("'{name}' is defined here.")
}

pub(super) fn field_initializer_outside_constructor() -> String {
    "Field formal parameters can only be used in a constructor.\nTry removing 'this.'.".to_string()
}

pub(super) fn redirecting_constructor_with_body() -> String {
    "Redirecting constructors can't have a body.\nTry removing the body, or not making this a redirecting constructor."
        .to_string()
}

pub(super) fn redirecting_constructor_with_other_initializers() -> String {
    "A redirecting constructor can't have other initializers.".to_string()
}

pub(super) fn field_initialized_twice(name: Symbol) -> String {
    format!("'{name}' was already initialized by this constructor.")
}

pub(super) fn final_initialized_at_declaration(name: Symbol) -> String {
    format!("'{name}' is a final instance variable that was initialized at the declaration.")
}

pub(super) fn initialized_here(name: Symbol) -> String {
    format!("'{name}' was initialized here.")
}

pub(super) fn more_than_one_super_initializer() -> String {
    "Can't have more than one 'super' initializer.".to_string()
}

pub(super) fn const_constructor_non_final_field() -> String {
    "Constructor is marked 'const' so all fields must be final.".to_string()
}

pub(super) fn const_constructor_non_final_field_cause() -> String {
    "Field isn't final, but constructor is 'const'.".to_string()
}

pub(super) fn const_without_initializer(name: Symbol) -> String {
    format!(
        "The const variable '{name}' must be initialized.\nTry adding an initializer \
         ('= expression') to the declaration."
    )
}

pub(super) fn final_without_initializer(name: Symbol) -> String {
    format!(
        "The final variable '{name}' must be initialized.\nTry adding an initializer \
         ('= expression') to the declaration."
    )
}

pub(super) fn const_constructor_with_non_const_super() -> String {
    "A constant constructor can't call a non-constant super constructor.".to_string()
}

pub(super) fn constructor_cyclic() -> String {
    "Redirecting constructors can't be cyclic.\nTry to have all constructors eventually redirect to a non-redirecting constructor."
        .to_string()
}

pub(super) fn redirecting_factory_with_default() -> String {
    "Can't have a default value here because any default values of the redirection target would be used instead.\nTry removing the default value."
        .to_string()
}

pub(super) fn constructor_not_sync() -> String {
    "Constructors can't use 'async', 'async*', or 'sync*'.".to_string()
}

pub(super) fn factory_not_sync() -> String {
    "Factories can't use 'async', 'async*', or 'sync*'.".to_string()
}

pub(super) fn cyclic_redirecting_factory(name: &str) -> String {
    format!("Cyclic definition of factory '{name}'.")
}

pub(super) fn mixin_erroneous_override(mixin: Symbol, base: &str, member: Symbol) -> String {
    format!(
        "Applying the mixin '{mixin}' to '{base}' introduces an erroneous override of '{member}'."
    )
}

pub(super) fn mixin_inherits_from_not_object(class: Symbol) -> String {
    format!("The class '{class}' can't be used as a mixin because it extends a class other than 'Object'.")
}

pub(super) fn illegal_mixin_due_to_constructors(mixin: Symbol) -> String {
    format!("Can't use '{mixin}' as a mixin because it has constructors.")
}

pub(super) fn type_argument_count(expected: usize) -> String {
    format!("Expected {expected} type arguments.")
}

pub(super) fn incorrect_type_argument(
    arg: &str,
    bound: &str,
    variable: Symbol,
    declaration: Symbol,
    origins: &str,
) -> String {
    format!(
        "Type argument '{arg}' doesn't conform to the bound '{bound}' of the type variable \
         '{variable}' on '{declaration}'.{origins}\n\
         Try changing type arguments so that they conform to the bounds."
    )
}

pub(super) fn type_variable_bound_here() -> &'static str {
    "This is the type variable whose bound isn't conformed to."
}

pub(super) fn spread_type_mismatch(ty: &str) -> String {
    format!("Unexpected type '{ty}' of a spread.  Expected 'dynamic' or an Iterable.")
}

pub(super) fn spread_map_entry_type_mismatch(ty: &str) -> String {
    format!("Unexpected type '{ty}' of a map spread entry.  Expected 'dynamic' or a Map.")
}

pub(super) fn nullable_spread() -> &'static str {
    "An expression whose value can be 'null' must be null-checked before it can be dereferenced."
}

pub(super) fn non_null_aware_spread_is_null(ty: &str) -> String {
    format!("Can't spread a value with static type '{ty}'.")
}

pub(super) fn spread_element_type_mismatch(s: &str, t: &str) -> String {
    format!("Can't assign spread elements of type '{s}' to collection elements of type '{t}'.")
}

pub(super) fn spread_key_type_mismatch(s: &str, t: &str) -> String {
    format!("Can't assign spread entry keys of type '{s}' to map entry keys of type '{t}'.")
}

pub(super) fn spread_value_type_mismatch(s: &str, t: &str) -> String {
    format!("Can't assign spread entry values of type '{s}' to map entry values of type '{t}'.")
}

pub(super) fn for_in_not_iterable(ty: &str, wanted: &str) -> String {
    format!("The type '{ty}' used in the 'for' loop must implement '{wanted}'.")
}

pub(super) fn for_in_nullable(ty: &str, wanted: &str) -> String {
    format!(
        "The type '{ty}' used in the 'for' loop must implement '{wanted}' because '{ty}' is          nullable and '{wanted}' isn't."
    )
}

pub(super) fn set_or_map_too_many_type_arguments() -> &'static str {
    "A set or map literal requires exactly one or two type arguments, respectively."
}

pub(super) fn ambiguous_spreads_both() -> &'static str {
    "Both Iterable and Map spread elements encountered in ambiguous literal."
}

pub(super) fn ambiguous_not_enough_information() -> &'static str {
    "Not enough type information to disambiguate between literal set and literal map."
}

pub(super) fn type_arguments_on_type_variable(name: Symbol) -> String {
    format!(
        "Can't use type arguments with type variable '{name}'.\nTry removing the type arguments."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_omitted_for_obvious_core_types() {
        assert_eq!(origin(Symbol::intern("int"), "dart:core"), "");
        assert_eq!(
            origin(Symbol::intern("StringBuffer"), "dart:core"),
            "\n - 'StringBuffer' is from 'dart:core'."
        );
        assert_eq!(
            origin(Symbol::intern("Bar"), "main.dart"),
            "\n - 'Bar' is from 'main.dart'."
        );
    }

    #[test]
    fn assignability_messages_match_the_front_end() {
        assert_eq!(
            not_assignable(FlowTarget::Variable, "String", "int"),
            "A value of type 'String' can't be assigned to a variable of type 'int'."
        );
        assert_eq!(
            not_assignable(FlowTarget::Parameter, "String", "int"),
            "The argument type 'String' can't be assigned to the parameter type 'int'."
        );
        assert_eq!(
            not_assignable(FlowTarget::Return, "int", "String"),
            "A value of type 'int' can't be returned from a function with return type 'String'."
        );
        assert_eq!(
            nullable_not_assignable(FlowTarget::Parameter, "int?", "int"),
            "The argument type 'int?' can't be assigned to the parameter type 'int' because 'int?' is nullable and 'int' isn't."
        );
        assert_eq!(
            null_not_assignable(FlowTarget::Return, "int"),
            "The value 'null' can't be returned from a function with return type 'int' because 'int' is not nullable."
        );
        assert_eq!(
            null_type_not_assignable(FlowTarget::Variable, "Null", "int"),
            "A value of type 'Null' can't be assigned to a variable of type 'int' because 'int' is not nullable."
        );
    }

    #[test]
    fn argument_count_messages_match_the_front_end() {
        assert_eq!(
            too_many_positional(1, 2),
            "Too many positional arguments: 1 allowed, but 2 found.\nTry removing the extra positional arguments."
        );
        assert_eq!(
            too_few_positional(2, 1),
            "Too few positional arguments: 2 required, 1 given."
        );
    }
}
