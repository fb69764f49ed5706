//! Declarations: the compilation unit, directives (library, import/export with
//! configurations and combinators, part, part of), metadata, classes (every modifier,
//! mixin applications), mixins, extensions, extension types, enums, typedefs, top-level
//! and member functions, getters, setters, operators, fields, constructors (initializer
//! lists, redirection, factories), formal parameter lists and function bodies.

use super::stmt::VarMods;
use super::{Parser, TokenKind, TokenKind::*};
use crate::front::ast::*;
use crate::front::intern::Symbol;
use crate::front::token::string_flags;

/// What precedes a member's name: annotations, modifiers, the type, where it started.
struct MemberHead {
    metadata: Metadata,
    mods: MemberMods,
    ty: Option<TypeAnnotation>,
    start: usize,
}

/// Modifiers that may precede a class member or top-level declaration.
#[derive(Default, Clone, Copy)]
struct MemberMods {
    is_external: bool,
    is_static: bool,
    is_abstract: bool,
    is_covariant: bool,
    is_factory: bool,
    vars: VarMods,
}

impl<'a, 'd> Parser<'a, 'd> {
    pub(super) fn compilation_unit(&mut self, script_tag: Option<String>) -> CompilationUnit {
        let mut directives = Vec::new();
        let mut declarations = Vec::new();
        while !self.at(Eof) {
            let before = self.pos;
            let errors = self.diags.items.len();
            let metadata = self.metadata();
            if self.directive_ahead() {
                if !declarations.is_empty() {
                    self.error_here("Directives must appear before any declarations.");
                }
                if let Some(d) = self.directive(metadata) {
                    directives.push(d);
                }
            } else if let Some(d) = self.top_level_declaration(metadata) {
                declarations.push(d);
            }
            self.recover_top_level(errors, before);
            if self.pos == before {
                self.bump();
            }
        }
        CompilationUnit {
            file: self.file,
            script_tag,
            directives,
            declarations,
            span: self.span_from(0),
        }
    }

    fn recover_top_level(&mut self, errors_before: usize, start: usize) {
        if self.diags.items.len() == errors_before || self.fatal {
            return;
        }
        if self.pos > start && matches!(self.toks[self.pos - 1].kind, Semicolon | RBrace) {
            return;
        }
        if self.pos == start {
            self.bump();
        }
        while !self.at(Eof) && !self.at_declaration_start() {
            match self.kind() {
                Semicolon => {
                    self.bump();
                    return;
                }
                LBrace => {
                    self.skip_group();
                    return;
                }
                k if k.is_open_bracket() => self.skip_group(),
                _ => {
                    self.bump();
                }
            }
        }
    }

    fn at_declaration_start(&self) -> bool {
        matches!(
            self.kind(),
            KwClass
                | KwEnum
                | KwTypedef
                | KwImport
                | KwExport
                | KwLibrary
                | KwPart
                | KwMixin
                | KwExtension
                | At
        )
    }

    // ------------------------------------------------------------------ metadata

    /// Zero or more `@name`, `@p.name`, `@C.named(args)`, `@C<T>(args)`.
    pub(super) fn metadata(&mut self) -> Metadata {
        let mut list = Vec::new();
        while self.at(At) {
            list.push(self.annotation());
        }
        list
    }

    fn annotation(&mut self) -> Annotation {
        let start = self.pos;
        self.bump();
        let name = self.qualified_name();
        let type_args = if self.at(Lt)
            && self
                .skip_type_args(self.pos)
                .is_some_and(|j| self.kind_at(j) == LParen)
        {
            self.type_args()
        } else {
            Vec::new()
        };
        let mut name = name;
        if !type_args.is_empty() && self.at(Dot) {
            self.bump();
            let part = self.ident();
            name.parts.push(part);
            name.span = name.span.to(part.span);
        }
        // `@foo (int, int) f;`: arguments only when `(` touches the name (Dart 3 rule
        // that keeps record-typed declarations after annotations readable).
        let touching = self.pos > 0 && self.toks[self.pos].start == self.toks[self.pos - 1].end;
        let args = if self.at(LParen) && touching {
            Some(self.arguments())
        } else {
            None
        };
        Annotation {
            name,
            type_args,
            args,
            span: self.span_from(start),
        }
    }

    fn qualified_name(&mut self) -> QualifiedName {
        let start = self.pos;
        let mut parts = vec![self.ident()];
        while self.at(Dot) && self.peek(1).is_identifier() {
            self.bump();
            parts.push(self.ident());
        }
        QualifiedName {
            parts,
            span: self.span_from(start),
        }
    }

    // ------------------------------------------------------------------ directives

    fn directive_ahead(&self) -> bool {
        // `import` etc. are built-in identifiers: `import(x)` or `import = 1` would be a
        // (misnamed) function or variable, anything else is meant as a directive.
        let not_directive = matches!(self.peek(1), LParen | Eq | Lt | Dot | Comma | Semicolon);
        match self.kind() {
            KwImport | KwExport | KwPart => !not_directive,
            KwLibrary => self.peek(1) == Semicolon || self.peek(1).is_identifier(),
            _ => false,
        }
    }

    fn directive(&mut self, metadata: Metadata) -> Option<Directive> {
        let start = self.pos;
        let d = match self.bump().kind {
            KwImport => self.import(metadata, start),
            KwExport => {
                let uri = self.uri();
                let configurations = self.configurations();
                let combinators = self.combinators();
                self.expect_semi();
                Directive::Export {
                    metadata,
                    uri,
                    configurations,
                    combinators,
                    span: self.span_from(start),
                }
            }
            KwPart if self.eat(KwOf) => {
                let target = if self.kind().is_string_start() {
                    PartOfTarget::Uri(self.uri())
                } else {
                    PartOfTarget::Name(self.qualified_name())
                };
                self.expect_semi();
                Directive::PartOf {
                    metadata,
                    target,
                    span: self.span_from(start),
                }
            }
            KwPart => {
                let uri = self.uri();
                self.expect_semi();
                Directive::Part {
                    metadata,
                    uri,
                    span: self.span_from(start),
                }
            }
            _ => {
                let name = if self.at(Semicolon) {
                    None
                } else {
                    Some(self.qualified_name())
                };
                self.expect_semi();
                Directive::Library {
                    metadata,
                    name,
                    span: self.span_from(start),
                }
            }
        };
        Some(d)
    }

    fn import(&mut self, metadata: Metadata, start: usize) -> Directive {
        let uri = self.uri();
        let configurations = self.configurations();
        let deferred = self.eat(KwDeferred);
        let prefix = if self.eat(KwAs) {
            Some(self.decl_name())
        } else {
            None
        };
        if deferred && prefix.is_none() {
            self.error_here("Deferred imports should have a prefix.");
        }
        let combinators = self.combinators();
        self.expect_semi();
        Directive::Import {
            metadata,
            uri,
            configurations,
            deferred,
            prefix,
            combinators,
            span: self.span_from(start),
        }
    }

    /// A string literal used as a URI: one piece, no interpolation.
    fn uri(&mut self) -> UriLiteral {
        let start = self.pos;
        if !self.kind().is_string_start() {
            let msg = format!("Expected a String, but got '{}'.", self.text(self.pos));
            self.error_here(msg);
            return UriLiteral {
                value: String::new(),
                span: self.cur_span(),
            };
        }
        if self.at(StringHead) || self.peek(1).is_string_start() {
            self.error_here("Can't use string interpolation in a URI.");
            let _ = self.string_literal();
            return UriLiteral {
                value: String::new(),
                span: self.span_from(start),
            };
        }
        let tok = self.bump();
        let (s, e) = tok.string_content();
        let text = self.src.get(s as usize..e as usize).unwrap_or("");
        let value = crate::front::lexer::decode_string(text, tok.flags & string_flags::RAW != 0);
        UriLiteral {
            value,
            span: self.span_from(start),
        }
    }

    fn configurations(&mut self) -> Vec<Configuration> {
        let mut list = Vec::new();
        while self.at(KwIf) {
            let start = self.pos;
            self.bump();
            let open = self.pos;
            self.expect(LParen);
            let name = self.qualified_name();
            let value = if self.eat(EqEq) {
                Some(self.uri())
            } else {
                None
            };
            self.expect_closer(open, RParen);
            let uri = self.uri();
            list.push(Configuration {
                name,
                value,
                uri,
                span: self.span_from(start),
            });
        }
        list
    }

    fn combinators(&mut self) -> Vec<Combinator> {
        let mut list = Vec::new();
        while matches!(self.kind(), KwShow | KwHide) {
            let show = self.bump().kind == KwShow;
            let mut names = vec![self.ident()];
            while self.eat(Comma) {
                names.push(self.ident());
            }
            list.push(if show {
                Combinator::Show(names)
            } else {
                Combinator::Hide(names)
            });
        }
        list
    }

    // ------------------------------------------------------------------ top level

    fn top_level_declaration(&mut self, metadata: Metadata) -> Option<Declaration> {
        let start = self.pos;
        if let Some(modifiers) = self.class_modifiers_ahead() {
            return Some(self.class_or_mixin(metadata, modifiers, start));
        }
        match self.kind() {
            KwEnum => Some(Declaration::Enum(self.enum_decl(metadata, start))),
            KwTypedef => Some(Declaration::Typedef(self.typedef(metadata, start))),
            KwExtension if self.peek(1) == KwType && self.extension_type_ahead() => Some(
                Declaration::ExtensionType(self.extension_type(metadata, start)),
            ),
            KwExtension => Some(Declaration::Extension(self.extension(metadata, start))),
            _ if self.can_start_member() => self.top_level_member(metadata, start),
            _ => {
                let msg = format!("Expected a declaration, but got '{}'.", self.text(self.pos));
                self.error_here(msg);
                None
            }
        }
    }

    fn can_start_member(&self) -> bool {
        let k = self.kind();
        k.is_identifier() || matches!(k, KwVoid | KwVar | KwFinal | KwConst | LParen)
    }

    /// Class (or mixin) modifiers followed by `class` / `mixin`: returns them (cursor
    /// unchanged) if so.
    fn class_modifiers_ahead(&self) -> Option<(ClassModifiers, usize)> {
        let mut m = ClassModifiers::default();
        let mut i = self.pos;
        loop {
            match self.kind_at(i) {
                KwAbstract => m.is_abstract = true,
                KwBase => m.is_base = true,
                KwInterface => m.is_interface = true,
                KwFinal => m.is_final = true,
                KwSealed => m.is_sealed = true,
                KwMixin if self.kind_at(i + 1) == KwClass => m.is_mixin = true,
                KwClass => return Some((m, i)),
                KwMixin if self.kind_at(i + 1).is_identifier() => return Some((m, i)),
                _ => return None,
            }
            i += 1;
        }
    }

    fn class_or_mixin(
        &mut self,
        metadata: Metadata,
        (modifiers, kw): (ClassModifiers, usize),
        start: usize,
    ) -> Declaration {
        self.pos = kw;
        if self.at(KwMixin) {
            self.bump();
            return Declaration::Mixin(self.mixin_decl(metadata, modifiers.is_base, start));
        }
        self.bump();
        Declaration::Class(self.class_decl(metadata, modifiers, start))
    }

    fn class_decl(
        &mut self,
        metadata: Metadata,
        modifiers: ClassModifiers,
        start: usize,
    ) -> ClassDecl {
        let name = self.decl_name();
        let type_params = self.opt_type_params();
        if self.eat(Eq) {
            let superclass = Some(self.parse_type());
            if !self.eat(KwWith) {
                self.error_here("Expected to find 'with'.");
            }
            let mixins = self.type_list();
            let interfaces = if self.eat(KwImplements) {
                self.type_list()
            } else {
                Vec::new()
            };
            self.expect_semi();
            return ClassDecl {
                metadata,
                modifiers,
                name,
                type_params,
                superclass,
                mixins,
                interfaces,
                is_mixin_application: true,
                members: Vec::new(),
                span: self.span_from(start),
            };
        }
        let superclass = if self.eat(KwExtends) {
            Some(self.parse_type())
        } else {
            None
        };
        let mixins = if self.eat(KwWith) {
            self.type_list()
        } else {
            Vec::new()
        };
        let interfaces = if self.eat(KwImplements) {
            self.type_list()
        } else {
            Vec::new()
        };
        let members = self.class_body(Some(name.name), "class");
        ClassDecl {
            metadata,
            modifiers,
            name,
            type_params,
            superclass,
            mixins,
            interfaces,
            is_mixin_application: false,
            members,
            span: self.span_from(start),
        }
    }

    /// A declaration's name: identifiers, but not built-in identifiers (which cannot name
    /// types) — reported, yet accepted so parsing continues.
    pub(super) fn decl_name(&mut self) -> Ident {
        if self.kind().is_builtin() {
            let msg = format!("Can't use '{}' as a name here.", self.text(self.pos));
            self.error_here(msg);
            let i = self.pos;
            self.bump();
            return self.ident_at(i);
        }
        self.ident()
    }

    fn mixin_decl(&mut self, metadata: Metadata, is_base: bool, start: usize) -> MixinDecl {
        let name = self.decl_name();
        let type_params = self.opt_type_params();
        let on = if self.eat(KwOn) {
            self.type_list()
        } else {
            Vec::new()
        };
        let interfaces = if self.eat(KwImplements) {
            self.type_list()
        } else {
            Vec::new()
        };
        let members = self.class_body(Some(name.name), "mixin");
        MixinDecl {
            metadata,
            is_base,
            name,
            type_params,
            on,
            interfaces,
            members,
            span: self.span_from(start),
        }
    }

    fn extension(&mut self, metadata: Metadata, start: usize) -> ExtensionDecl {
        self.bump();
        let name = if self.at_ident() && self.kind() != KwOn {
            Some(self.decl_name())
        } else {
            None
        };
        let type_params = self.opt_type_params();
        if !self.eat(KwOn) {
            self.error_here("Expected to find 'on'.");
        }
        let on = self.parse_type();
        let members = self.class_body(None, "extension");
        ExtensionDecl {
            metadata,
            name,
            type_params,
            on,
            members,
            span: self.span_from(start),
        }
    }

    /// `extension type` with a name (not an extension named `type`).
    fn extension_type_ahead(&self) -> bool {
        matches!(self.peek(2), KwConst)
            || (self.peek(2).is_identifier() && matches!(self.peek(3), LParen | Lt | Dot))
    }

    fn extension_type(&mut self, metadata: Metadata, start: usize) -> ExtensionTypeDecl {
        self.pos += 2;
        let is_const = self.eat(KwConst);
        let name = self.decl_name();
        let type_params = self.opt_type_params();
        let representation_constructor = if self.eat(Dot) {
            Some(self.member_name())
        } else {
            None
        };
        let open = self.pos;
        self.expect(LParen);
        let _ = self.metadata();
        let representation_type = self.parse_type();
        let representation_name = self.ident();
        self.eat(Comma);
        self.expect_closer(open, RParen);
        let interfaces = if self.eat(KwImplements) {
            self.type_list()
        } else {
            Vec::new()
        };
        let members = self.class_body(Some(name.name), "extension type");
        ExtensionTypeDecl {
            metadata,
            is_const,
            name,
            type_params,
            representation_constructor,
            representation_type,
            representation_name,
            interfaces,
            members,
            span: self.span_from(start),
        }
    }

    fn enum_decl(&mut self, metadata: Metadata, start: usize) -> EnumDecl {
        self.bump();
        let name = self.decl_name();
        let type_params = self.opt_type_params();
        let mixins = if self.eat(KwWith) {
            self.type_list()
        } else {
            Vec::new()
        };
        let interfaces = if self.eat(KwImplements) {
            self.type_list()
        } else {
            Vec::new()
        };
        let mut values = Vec::new();
        let mut members = Vec::new();
        let open = self.pos;
        if !self.at(LBrace) {
            let msg = format!("Expected an enum body, but got '{}'.", self.text(self.pos));
            self.error_here(msg);
            return EnumDecl {
                metadata,
                name,
                type_params,
                mixins,
                interfaces,
                values,
                members,
                span: self.span_from(start),
            };
        }
        self.bump();
        while self.at_ident() || self.at(At) {
            values.push(self.enum_value());
            if self.eat(Comma) {
                continue;
            }
            if !self.at_ident() {
                break;
            }
            self.error_here("Expected ',' before this.");
        }
        if self.eat(Semicolon) {
            members = self.members_until_close(Some(name.name));
        }
        self.expect_closer(open, RBrace);
        EnumDecl {
            metadata,
            name,
            type_params,
            mixins,
            interfaces,
            values,
            members,
            span: self.span_from(start),
        }
    }

    fn enum_value(&mut self) -> EnumValue {
        let start = self.pos;
        let metadata = self.metadata();
        let name = self.ident();
        let type_args = if self.at(Lt) {
            self.type_args()
        } else {
            Vec::new()
        };
        let constructor = if self.eat(Dot) {
            Some(self.member_name())
        } else {
            None
        };
        let args = if self.at(LParen) {
            Some(self.arguments())
        } else {
            None
        };
        EnumValue {
            metadata,
            name,
            type_args,
            constructor,
            args,
            span: self.span_from(start),
        }
    }

    fn typedef(&mut self, metadata: Metadata, start: usize) -> TypedefDecl {
        self.bump();
        let new_form = self.at_ident()
            && match self.peek(1) {
                Eq => true,
                Lt => self
                    .skip_type_args(self.pos + 1)
                    .is_some_and(|j| self.kind_at(j) == Eq),
                _ => false,
            };
        if new_form {
            let name = self.decl_name();
            let type_params = self.opt_type_params();
            self.expect(Eq);
            let aliased = self.parse_type();
            self.expect_semi();
            return TypedefDecl {
                metadata,
                name,
                type_params,
                aliased,
                span: self.span_from(start),
            };
        }
        // Legacy form: `typedef R Name<T>(params);`
        let ty_start = self.pos;
        let return_type = self.type_then_ident().map(|_| self.parse_type());
        let name = self.decl_name();
        let type_params = self.opt_type_params();
        let params = self.formal_params();
        self.expect_semi();
        let aliased = self.function_type_from_params(return_type, Vec::new(), params, ty_start);
        TypedefDecl {
            metadata,
            name,
            type_params,
            aliased,
            span: self.span_from(start),
        }
    }

    /// The function type equivalent to a legacy signature `R name(params)`.
    pub(super) fn function_type_from_params(
        &mut self,
        return_type: Option<TypeAnnotation>,
        type_params: Vec<TypeParameter>,
        params: FormalParameterList,
        start: usize,
    ) -> TypeAnnotation {
        let params = params
            .params
            .into_iter()
            .map(|p| FunctionTypeParam {
                kind: p.kind,
                name: Some(p.name),
                ty: p.ty.unwrap_or_else(|| self.dynamic_type(p.name)),
                span: p.span,
            })
            .collect();
        TypeAnnotation::Function {
            return_type: return_type.map(Box::new),
            type_params,
            params,
            nullable: false,
            span: self.span_from(start),
        }
    }

    fn dynamic_type(&mut self, at: Ident) -> TypeAnnotation {
        let name = Ident {
            name: self.sym("dynamic"),
            span: at.span,
        };
        TypeAnnotation::Named {
            prefix: None,
            name,
            args: Vec::new(),
            nullable: false,
            span: at.span,
        }
    }

    /// Top-level functions, getters, setters and variables.
    fn top_level_member(&mut self, metadata: Metadata, start: usize) -> Option<Declaration> {
        let mods_start = self.pos;
        let mods = self.member_mods();
        self.report_class_only_modifiers(mods_start);
        self.in_class_body = false;
        match self.member(metadata, mods, None, start)? {
            ClassMember::Method(m) => Some(Declaration::Function(m.function)),
            ClassMember::Field(v) => Some(Declaration::Variables(v)),
            ClassMember::Constructor(c) => {
                let span = c.span;
                self.error_at(
                    usize::MAX,
                    span,
                    "Expected a declaration, but got a constructor.",
                );
                None
            }
        }
    }

    // ------------------------------------------------------------------ class bodies

    /// `{ members }`; `what` names the construct for the error message.
    fn class_body(&mut self, class_name: Option<Symbol>, what: &str) -> Vec<ClassMember> {
        let open = self.pos;
        if !self.at(LBrace) {
            let msg = format!("Expected a {what} body, but got '{}'.", self.text(self.pos));
            self.error_here(msg);
            return Vec::new();
        }
        self.bump();
        let members = self.members_until_close(class_name);
        self.expect_closer(open, RBrace);
        members
    }

    fn members_until_close(&mut self, class_name: Option<Symbol>) -> Vec<ClassMember> {
        let mark = self.member_buf.len();
        while !self.at(RBrace) && !self.at(Eof) {
            let before = self.pos;
            let errors = self.diags.items.len();
            let start = self.pos;
            let metadata = self.metadata();
            let mods = self.member_mods();
            self.in_class_body = true;
            if self.can_start_member() || self.at(KwOperator) {
                if let Some(m) = self.member(metadata, mods, class_name, start) {
                    self.member_buf.push(m);
                }
            } else {
                let msg = format!(
                    "Expected a class member, but got '{}'.",
                    self.text(self.pos)
                );
                self.error_here(msg);
            }
            self.recover_to_sync(errors, before);
            if self.pos == before {
                self.bump();
            }
        }
        self.member_buf.drain(mark..).collect()
    }

    /// `static`, `abstract`, `covariant` and `factory` only make sense in classes.
    fn report_class_only_modifiers(&mut self, from: usize) {
        for i in from..self.pos {
            if matches!(
                self.toks[i].kind,
                KwStatic | KwAbstract | KwCovariant | KwFactory
            ) {
                let msg = format!("Can't have modifier '{}' here.", self.text(i));
                let span = self.tok_span(i);
                self.error_at(i, span, msg);
            }
        }
    }

    /// Is the word at the cursor a modifier (rather than a name being declared)?
    fn modifier_here(&self) -> bool {
        if self.kind().is_reserved() {
            return true;
        }
        if self.peek(1) == LParen {
            // `static (int, int) f()`: a modifier before a record type, not a method
            // named `static`.
            return matches!(
                self.kind(),
                KwStatic | KwExternal | KwAbstract | KwCovariant | KwLate
            ) && self
                .skip_type(self.pos + 1)
                .is_some_and(|j| self.kind_at(j).is_identifier() || self.kind_at(j) == KwOperator);
        }
        !matches!(
            self.peek(1),
            Eq | Semicolon | Comma | Lt | Arrow | LBrace | Dot | RBrace | Eof
        )
    }

    fn member_mods(&mut self) -> MemberMods {
        let mut m = MemberMods::default();
        loop {
            if !self.modifier_here() {
                return m;
            }
            match self.kind() {
                KwExternal => m.is_external = true,
                KwStatic => m.is_static = true,
                KwAbstract => m.is_abstract = true,
                KwCovariant => m.is_covariant = true,
                KwFactory => m.is_factory = true,
                KwLate => m.vars.is_late = true,
                KwFinal => m.vars.is_final = true,
                KwConst => m.vars.is_const = true,
                KwVar => m.vars.is_var = true,
                _ => return m,
            }
            self.bump();
        }
    }

    /// One member after metadata and modifiers: constructor, method, getter, setter,
    /// operator or field.
    fn member(
        &mut self,
        metadata: Metadata,
        mods: MemberMods,
        class_name: Option<Symbol>,
        start: usize,
    ) -> Option<ClassMember> {
        let is_ctor_name = class_name
            .is_some_and(|c| self.at_ident() && self.sym(self.text(self.pos)) == c)
            && matches!(self.peek(1), LParen | Dot);
        if mods.is_factory || (is_ctor_name && !mods.vars.is_var && !mods.vars.is_final) {
            return Some(ClassMember::Constructor(
                self.constructor(metadata, mods, start),
            ));
        }
        self.external_member = mods.is_external;
        let ty = if self.member_has_type() {
            Some(self.parse_type())
        } else {
            None
        };
        let head = MemberHead {
            metadata,
            mods,
            ty,
            start,
        };
        if matches!(self.kind(), KwGet | KwSet)
            && (self.peek(1).is_identifier() || matches!(self.peek(1), Arrow | LBrace))
        {
            return Some(self.accessor(head));
        }
        if self.at(KwOperator) && self.operator_ahead() {
            return Some(self.operator(head));
        }
        let name = self.ident();
        let v = mods.vars;
        if matches!(self.kind(), LParen | Lt) && !v.is_var && !v.is_final && !v.is_const {
            let type_params = self.opt_type_params();
            let params = Some(self.formal_params());
            let body = self.function_body(true);
            return Some(self.method(head, FunctionKind::Normal, name, type_params, params, body));
        }
        Some(ClassMember::Field(self.field(head, name)))
    }

    /// `get name => ...` or `set name(v) { ... }` (cursor at `get`/`set`).
    fn accessor(&mut self, head: MemberHead) -> ClassMember {
        let is_get = self.bump().kind == KwGet;
        let name = if self.at_ident() {
            self.ident()
        } else {
            // `get => 1;`: the name is missing.
            self.expected_identifier();
            self.missing_ident()
        };
        let (kind, params) = if is_get {
            (FunctionKind::Getter, None)
        } else {
            (FunctionKind::Setter, Some(self.formal_params()))
        };
        let body = self.function_body(true);
        self.method(head, kind, name, Vec::new(), params, body)
    }

    /// Field declarators after the first name, and the `;`.
    fn field(&mut self, head: MemberHead, name: Ident) -> VariableDecl {
        let (mods, v) = (head.mods, head.mods.vars);
        let untyped = head.ty.is_none() && !v.is_var && !v.is_final && !v.is_const && !v.is_late;
        if untyped && !mods.is_covariant {
            let span = name.span;
            self.error_at(usize::MAX, span, "Variables must be declared using the keywords 'const', 'final', 'var' or a type name.");
        }
        let mut vars = vec![self.declarator_rest(name)];
        while self.eat(Comma) {
            let n = self.ident();
            vars.push(self.declarator_rest(n));
        }
        self.expect_semi();
        VariableDecl {
            metadata: head.metadata,
            is_static: mods.is_static,
            is_late: v.is_late,
            is_final: v.is_final,
            is_const: v.is_const,
            is_covariant: mods.is_covariant,
            is_external: mods.is_external,
            is_abstract: mods.is_abstract,
            ty: head.ty,
            vars,
            span: self.span_from(head.start),
        }
    }

    fn declarator_rest(&mut self, name: Ident) -> VariableDeclarator {
        let init = if self.eat(Eq) {
            Some(self.expr())
        } else {
            None
        };
        let end = self.prev_span();
        VariableDeclarator {
            name,
            init,
            span: name.span.to(end),
        }
    }

    /// Does a type precede the member name? (`int x`, `int get x`, `void operator ...`.)
    fn member_has_type(&self) -> bool {
        let k = self.kind();
        // `get x`, `set x(...)`, `operator +`: no type.
        if matches!(k, KwGet | KwSet) && self.peek(1).is_identifier() {
            return false;
        }
        if k == KwOperator && self.operator_ahead() {
            return false;
        }
        match self.skip_type(self.pos) {
            Some(j) => self.kind_at(j).is_identifier() || self.kind_at(j) == KwOperator,
            None => false,
        }
    }

    fn method(
        &mut self,
        head: MemberHead,
        kind: FunctionKind,
        name: Ident,
        type_params: Vec<TypeParameter>,
        params: Option<FormalParameterList>,
        body: FunctionBody,
    ) -> ClassMember {
        let function = FunctionDecl {
            metadata: head.metadata,
            is_external: head.mods.is_external,
            kind,
            name,
            return_type: head.ty,
            type_params,
            params,
            body,
            span: self.span_from(head.start),
        };
        ClassMember::Method(MethodDecl {
            is_static: head.mods.is_static,
            function,
        })
    }

    /// `operator` followed by an operator (not a method named `operator`).
    fn operator_ahead(&self) -> bool {
        super::expr::is_user_operator(self.peek(1)) || self.peek(1) == LBracket
    }

    /// `operator +(other) => ...`: the name is the operator's text; a `-` without
    /// parameters is `unary-`.
    fn operator(&mut self, head: MemberHead) -> ClassMember {
        self.bump();
        let op_start = self.pos;
        let mut text = String::new();
        if self.at(LBracket) && self.peek(1) == RBracket {
            self.pos += 2;
            text.push_str("[]");
            let touching = self.toks[self.pos].start == self.toks[self.pos - 1].end;
            if self.at(Eq) && touching {
                self.bump();
                text.push('=');
            }
        } else if super::expr::is_user_operator(self.kind()) {
            text.push_str(self.text(self.pos));
            self.bump();
        } else {
            let msg = format!("Expected an operator, but got '{}'.", self.text(self.pos));
            self.error_here(msg);
        }
        let params = self.formal_params();
        if text == "-" && params.params.is_empty() {
            text = "unary-".to_string();
        }
        let name = Ident {
            name: self.sym_owned(&text),
            span: self.span_from(op_start),
        };
        let body = self.function_body(true);
        self.method(
            head,
            FunctionKind::Operator,
            name,
            Vec::new(),
            Some(params),
            body,
        )
    }

    fn sym_owned(&mut self, text: &str) -> Symbol {
        Symbol::intern(text)
    }

    fn constructor(
        &mut self,
        metadata: Metadata,
        mods: MemberMods,
        start: usize,
    ) -> ConstructorDecl {
        self.external_member = mods.is_external;
        let class_name = self.ident();
        let name = if self.eat(Dot) {
            Some(self.member_name())
        } else {
            None
        };
        let params = self.formal_params();
        let initializers = if self.eat(Colon) {
            self.initializers()
        } else {
            Vec::new()
        };
        let mut redirect = None;
        let body = if mods.is_factory && self.at(Eq) {
            self.bump();
            redirect = Some(self.constructor_ref());
            self.expect_semi();
            FunctionBody::Empty
        } else {
            self.function_body(true)
        };
        ConstructorDecl {
            metadata,
            is_const: mods.vars.is_const,
            is_factory: mods.is_factory,
            is_external: mods.is_external,
            class_name,
            name,
            params,
            initializers,
            redirect,
            body,
            span: self.span_from(start),
        }
    }

    fn initializers(&mut self) -> Vec<Initializer> {
        let mut list = Vec::new();
        loop {
            list.push(self.initializer());
            if !self.eat(Comma) {
                return list;
            }
        }
    }

    fn initializer(&mut self) -> Initializer {
        let start = self.pos;
        match self.kind() {
            KwSuper => {
                self.bump();
                let name = if self.eat(Dot) {
                    Some(self.member_name())
                } else {
                    None
                };
                let args = self.initializer_args();
                Initializer::Super {
                    name,
                    args,
                    span: self.span_from(start),
                }
            }
            KwThis if self.peek(1) == LParen || (self.peek(1) == Dot && self.peek(3) == LParen) => {
                self.bump();
                let name = if self.eat(Dot) {
                    Some(self.member_name())
                } else {
                    None
                };
                let args = self.initializer_args();
                Initializer::Redirect {
                    name,
                    args,
                    span: self.span_from(start),
                }
            }
            KwAssert => {
                self.bump();
                if !self.at(LParen) {
                    self.error_here("Expected to find '('.");
                    return Initializer::Assert {
                        condition: self.error_expr(),
                        message: None,
                        span: self.span_from(start),
                    };
                }
                let (condition, message) = self.assert_args();
                Initializer::Assert {
                    condition,
                    message,
                    span: self.span_from(start),
                }
            }
            _ => {
                if self.at(KwThis) && self.peek(1) == Dot {
                    self.pos += 2;
                }
                let name = self.ident();
                self.expect(Eq);
                let value = self.expr();
                Initializer::Field {
                    name,
                    value,
                    span: self.span_from(start),
                }
            }
        }
    }

    fn initializer_args(&mut self) -> Arguments {
        if self.at(LParen) {
            self.arguments()
        } else {
            self.error_here("Expected to find '('.");
            Arguments {
                args: Vec::new(),
                span: self.cur_span(),
            }
        }
    }

    // ------------------------------------------------------------------ functions

    /// A function after its optional return type (top level or local): name, type
    /// parameters, parameters, body.
    pub(super) fn function_decl(
        &mut self,
        metadata: Metadata,
        return_type: Option<TypeAnnotation>,
        start: usize,
    ) -> FunctionDecl {
        self.in_class_body = false;
        self.external_member = false;
        self.check_not_async_keyword();
        let name = self.ident();
        let type_params = self.opt_type_params();
        let params = Some(self.formal_params());
        let body = self.function_body(true);
        FunctionDecl {
            metadata,
            is_external: false,
            kind: FunctionKind::Normal,
            name,
            return_type,
            type_params,
            params,
            body,
            span: self.span_from(start),
        }
    }

    /// `async`/`async*`/`sync*` then `{ ... }` or `=> e` (`;` after it in declarations);
    /// declarations may also have `;` (abstract or external).
    pub(super) fn function_body(&mut self, declaration: bool) -> FunctionBody {
        let kind = self.async_kind();
        let outer = std::mem::replace(&mut self.body_kind, kind);
        let body = self.function_body_after_modifier(kind, declaration);
        self.body_kind = outer;
        body
    }

    fn function_body_after_modifier(&mut self, kind: AsyncKind, declaration: bool) -> FunctionBody {
        match self.kind() {
            LBrace => FunctionBody::Block(self.block(), kind),
            Arrow => {
                self.bump();
                let e = self.expr();
                if declaration {
                    self.expect_semi();
                }
                FunctionBody::Expr(Box::new(e), kind)
            }
            // `;` ends abstract and external members; elsewhere a body is needed.
            Semicolon if declaration && (self.in_class_body || self.external_member) => {
                self.bump();
                FunctionBody::Empty
            }
            _ => {
                let span = self.cur_span();
                self.error_at(self.pos, span, "Expected a function body or '=>'.");
                FunctionBody::Empty
            }
        }
    }

    fn async_kind(&mut self) -> AsyncKind {
        match self.kind() {
            KwAsync => {
                self.bump();
                if self.eat(Star) {
                    AsyncKind::AsyncStar
                } else {
                    AsyncKind::Async
                }
            }
            KwSync => {
                self.bump();
                if !self.eat(Star) {
                    let span = self.prev_span();
                    self.error_at(self.pos, span, "Invalid modifier 'sync'.");
                }
                AsyncKind::SyncStar
            }
            _ => AsyncKind::Sync,
        }
    }

    /// `(a, [b = 1], {required c})` (cursor at `(`).
    pub(super) fn formal_params(&mut self) -> FormalParameterList {
        let open = self.pos;
        let mut params = Vec::with_capacity(self.count_items(open));
        if !self.at(LParen) {
            self.error_here("Expected to find '('.");
            return FormalParameterList {
                params,
                span: self.cur_span(),
            };
        }
        self.bump();
        while !self.at(RParen) && !self.at(Eof) {
            match self.kind() {
                LBracket => {
                    self.param_group(RBracket, ParameterKind::OptionalPositional, &mut params)
                }
                LBrace => self.param_group(
                    RBrace,
                    ParameterKind::Named { required: false },
                    &mut params,
                ),
                _ => params.push(self.formal_param(ParameterKind::RequiredPositional)),
            }
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, RParen);
        FormalParameterList {
            params,
            span: self.span_from(open),
        }
    }

    fn param_group(
        &mut self,
        close: TokenKind,
        kind: ParameterKind,
        out: &mut Vec<FormalParameter>,
    ) {
        let open = self.pos;
        self.bump();
        if self.at(close) {
            let msg = if close == RBrace {
                "Named parameter lists cannot be empty."
            } else {
                "Optional parameter lists cannot be empty."
            };
            self.error_here(msg);
        }
        while !self.at(close) && !self.at(Eof) {
            out.push(self.formal_param(kind));
            if !self.eat(Comma) {
                break;
            }
        }
        self.expect_closer(open, close);
    }

    /// One formal parameter. Function-typed parameters nest parameter lists, so this
    /// counts towards the nesting limit.
    fn formal_param(&mut self, kind: ParameterKind) -> FormalParameter {
        if !self.enter() {
            let name = self.missing_ident();
            return FormalParameter {
                metadata: Vec::new(),
                kind,
                form: ParameterForm::Normal,
                is_final: false,
                is_covariant: false,
                is_var: false,
                name,
                ty: None,
                default_value: None,
                span: name.span,
            };
        }
        let p = self.formal_param_inner(kind);
        self.leave();
        p
    }

    fn formal_param_inner(&mut self, mut kind: ParameterKind) -> FormalParameter {
        let start = self.pos;
        let metadata = self.metadata();
        let (mut is_final, mut is_covariant, mut is_var) = (false, false, false);
        loop {
            let flag = match self.kind() {
                KwRequired => {
                    if let ParameterKind::Named { .. } = kind {
                        kind = ParameterKind::Named { required: true };
                    } else {
                        self.error_here("Can't have modifier 'required' here.");
                    }
                    None
                }
                KwCovariant => Some(&mut is_covariant),
                KwFinal => Some(&mut is_final),
                KwVar => Some(&mut is_var),
                _ => break,
            };
            if !self.param_modifier_here() {
                break;
            }
            if let Some(f) = flag {
                *f = true;
            }
            self.bump();
        }
        let ty = if self.param_has_type() {
            Some(self.parse_type())
        } else {
            None
        };
        let mut form = ParameterForm::Normal;
        if matches!(self.kind(), KwThis | KwSuper) && self.peek(1) == Dot {
            form = if self.at(KwThis) {
                ParameterForm::This
            } else {
                ParameterForm::Super
            };
            self.pos += 2;
        }
        let name = self.ident();
        let ty = if matches!(self.kind(), LParen | Lt) {
            let type_params = self.opt_type_params();
            let params = self.formal_params();
            let fn_start = ty.as_ref().map_or(start, |_| start);
            let mut f = self.function_type_from_params(ty, type_params, params, fn_start);
            if self.eat(Question) {
                if let TypeAnnotation::Function { nullable, .. } = &mut f {
                    *nullable = true;
                }
            }
            Some(f)
        } else {
            ty
        };
        let default_value = self.default_value(kind);
        FormalParameter {
            metadata,
            kind,
            form,
            is_final,
            is_covariant,
            is_var,
            name,
            ty,
            default_value,
            span: self.span_from(start),
        }
    }

    /// `required`, `covariant`, `final` are modifiers unless they are the name itself.
    fn param_modifier_here(&self) -> bool {
        !matches!(
            self.peek(1),
            Comma | RParen | RBracket | RBrace | Eq | Colon | Question
        )
    }

    fn param_has_type(&self) -> bool {
        if matches!(self.kind(), KwThis | KwSuper) {
            return false;
        }
        match self.skip_type(self.pos) {
            Some(j) => {
                self.kind_at(j).is_identifier()
                    || (matches!(self.kind_at(j), KwThis | KwSuper) && self.kind_at(j + 1) == Dot)
            }
            None => false,
        }
    }

    fn default_value(&mut self, kind: ParameterKind) -> Option<Expr> {
        match self.kind() {
            Eq => {}
            Colon if matches!(kind, ParameterKind::Named { .. }) => {}
            Colon => {
                self.error_here(
                    "Positional optional parameters can't use ':' to specify a default value.",
                );
            }
            _ => return None,
        }
        if kind == ParameterKind::RequiredPositional {
            self.error_here("Non-optional parameters can't have a default value.");
        }
        self.bump();
        Some(self.expr())
    }
}
