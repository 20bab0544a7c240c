import OpenAPI

/// Results shared by every copy of a `Translator`, so repeated questions about a component cost one answer.
final class TranslationMemo {
    var flattened: [String: (properties: [Schema.Property], required: [String])?] = [:]
    var inProgress: Set<String> = []
    /// Shape of a declaration `Translator.shared` may share (an `EnumShape`, the fields of a
    /// response-headers struct) → the qualified name of its first declaration.
    var sharedDeclarations: [AnyHashable: String] = [:]
    /// String enum value → case name (before collisions are resolved).
    var caseNames: [String: String] = [:]
}

/// What makes two inline enums interchangeable: the same raw type and the same cases in order.
struct EnumShape: Hashable {
    let rawType: String
    let cases: [OpenEnum.Case]
}

/// What makes two inline structs interchangeable: the same properties (names, wire names, types,
/// defaults and descriptions) and the same nested types, where a nested type that is itself shared
/// counts as the declaration it stands for. The struct's own description and name do not count:
/// the typealias that replaces a repeat carries its own.
struct StructShape: Hashable {
    let properties: [Structure.Property]
    let additionalProperties: Structure.AdditionalProperties?
    let nested: [NestedShape]

    enum NestedShape: Hashable {
        /// A shared declaration, or a typealias: its name and the qualified name of what it stands for.
        case shared(name: String, target: String)
        case other(Declaration)
    }

    init(_ structure: Structure, _ memo: TranslationMemo) {
        properties = structure.properties
        additionalProperties = structure.additionalProperties
        nested = structure.nested.map { declaration in
            switch declaration {
            case .typeAlias(let alias):
                if case .named(let target) = alias.type { return .shared(name: alias.name, target: target) }
            case .openEnum(let openEnum):
                if let first = memo.sharedDeclarations[EnumShape(rawType: openEnum.rawType, cases: openEnum.cases)] {
                    return .shared(name: openEnum.name, target: first)
                }
            case .structure(let inner):
                if let first = memo.sharedDeclarations[StructShape(inner, memo)] {
                    return .shared(name: inner.name, target: first)
                }
            default:
                break
            }
            return .other(declaration)
        }
    }
}

/// `allOf` merged into one struct; `oneOf`/`anyOf` as enums with associated values; recursion boxed.
extension Translator {
    /// An object's properties with every `allOf` member merged in (later members win on a name),
    /// or nil when some member is not an object (a primitive, a `oneOf`, an unresolvable `$ref`).
    func flattenedObject(_ schema: Schema, depth: Int = 0) -> (properties: [Schema.Property], required: [String])? {
        guard depth < 32, schema.oneOf.isEmpty || isConstraintOnly(schema.oneOf),
            schema.anyOf.isEmpty || isConstraintOnly(schema.anyOf), schema.enumValues == nil
        else { return nil }
        let types = schema.nonNullTypes
        guard types.isEmpty || types == [.object] else { return nil }
        var properties = schema.properties
        var required = schema.required
        // Positions by name, so merging stays linear in the number of properties.
        var positions: [String: Int] = [:]
        for (index, property) in properties.enumerated() where positions[property.name] == nil {
            positions[property.name] = index
        }
        var requiredSet = Set(required)
        // `allOf: [{$ref: BaseAlias}]` where `BaseAlias: {$ref: Base}`: the alias stands for Base's members.
        if let reference = schema.reference, properties.isEmpty, schema.allOf.isEmpty {
            guard let target = component(reference), memo.inProgress.insert(reference).inserted else { return nil }
            defer { memo.inProgress.remove(reference) }
            return flattenedObject(target, depth: depth + 1)
        }
        for member in schema.allOf {
            let flattened: (properties: [Schema.Property], required: [String])?
            if let reference = member.reference {
                // Each referenced component is merged once: diamonds of allOf stay linear.
                if let cached = memo.flattened[reference] {
                    flattened = cached
                } else {
                    guard let target = component(reference), memo.inProgress.insert(reference).inserted else { return nil }
                    flattened = flattenedObject(target, depth: depth + 1)
                    memo.inProgress.remove(reference)
                    memo.flattened[reference] = .some(flattened)
                }
            } else {
                flattened = flattenedObject(member, depth: depth + 1)
            }
            guard let merged = flattened else { return nil }
            for property in merged.properties {
                if let index = positions[property.name] {
                    properties[index] = property
                } else {
                    positions[property.name] = properties.count
                    properties.append(property)
                }
            }
            for name in merged.required where requiredSet.insert(name).inserted {
                required.append(name)
            }
        }
        return (properties, required)
    }

    /// The typed `additionalProperties` of an object, or of the first `allOf` member (followed through
    /// `$ref`s) that has one: merging members keeps the catch-all of a member as well as its properties.
    func additionalPropertiesSchema(_ schema: Schema, depth: Int = 0) -> Schema? {
        guard depth < 32 else { return nil }
        if case .schema(let values)? = schema.additionalProperties?.value, !isAnyValue(values) { return values }
        if let reference = schema.reference, let target = component(reference) {
            return additionalPropertiesSchema(target, depth: depth + 1)
        }
        for member in schema.allOf {
            if let values = additionalPropertiesSchema(member, depth: depth + 1) { return values }
        }
        return nil
    }

    /// `oneOf: [{required: [a]}, {required: [b]}]`: members that only constrain, declaring no shape.
    func isConstraintOnly(_ members: [Schema]) -> Bool {
        members.allSatisfy { $0.reference == nil && $0.types.isEmpty && $0.properties.isEmpty && $0.allOf.isEmpty }
    }

    /// The members of a `oneOf`/`anyOf` that are not just `{type: 'null'}`.
    func variants(_ schema: Schema) -> [Schema] {
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard !isConstraintOnly(members) else { return [] }
        return members.filter { !isNullMember($0) }
    }

    /// `{type: 'null'}`: a member that only admits null. (3.0's `{allOf: [X], nullable: true}` has
    /// the null type too, but it is X or null, not a null member.)
    func isNullMember(_ schema: Schema) -> Bool {
        schema.reference == nil && schema.types == [.null] && schema.allOf.isEmpty && schema.oneOf.isEmpty
            && schema.anyOf.isEmpty && schema.properties.isEmpty && schema.enumValues == nil && schema.items == nil
    }

    /// Nullable in either style, or through a `{type: 'null'}` member of `oneOf`/`anyOf`.
    /// A `$ref` is as nullable as what it names (`note: {$ref: NullableText}` may be null), so the
    /// optional is added where the reference is used, never baked into the component's alias; a
    /// union is as nullable as any of its variants.
    func isNullable(_ schema: Schema, depth: Int = 0) -> Bool {
        var current = schema
        for _ in 0..<16 {
            if current.isNullable || (current.oneOf + current.anyOf).contains(where: isNullMember) { return true }
            let members = variants(current)
            if members.count > 1, depth < 8 { return members.contains { isNullable($0, depth: depth + 1) } }
            if let reference = current.reference, let target = component(reference) {
                current = target
            } else if current.allOf.count == 1, current.properties.isEmpty, current.oneOf.isEmpty, current.anyOf.isEmpty,
                current.types.isEmpty
            {
                current = current.allOf[0]
            } else {
                return false
            }
        }
        return false
    }

    /// What the open-enum idiom stands for: one component's (already open) enum, or the cases to
    /// declare.
    enum OpenEnumIdiom {
        case reference(String)
        case cases([OpenEnum.Case])
    }

    /// `anyOf: [{type: string}, {type: string, enum: [a, b]}]`: "one of these values, or any other
    /// string", the form swift-openapi-generator's documentation recommends and Stainless-generated
    /// descriptions use on model names. Our enums keep unknown values already, so this is one open
    /// enum (the listed values of every member, `const`s included), not a union of two strings;
    /// when the only listed values are a component's enum, it is that component.
    func openEnumIdiom(_ schema: Schema) -> OpenEnumIdiom? {
        guard schema.reference == nil, schema.properties.isEmpty, schema.allOf.isEmpty else { return nil }
        let members = variants(schema)
        guard members.count >= 2 else { return nil }
        var values: [String] = []
        var references: [String] = []
        var hasInlineValues = false
        var hasFreeString = false
        for member in members {
            let resolved = member.reference.flatMap { component($0) } ?? member
            guard member.reference == nil || component(member.reference) != nil else { return nil }
            guard resolved.properties.isEmpty, resolved.allOf.isEmpty, variants(resolved).isEmpty,
                resolved.nonNullTypes.isEmpty || resolved.nonNullTypes == [.string]
            else { return nil }
            if let listed = resolved.enumValues {
                let strings = listed.filter { $0 != .null }
                guard strings.allSatisfy({ $0.string != nil }) else { return nil }
                values += strings.compactMap(\.string)
                if let reference = member.reference, JSONPointer.componentSchemaName(reference) != nil {
                    references.append(reference)
                } else {
                    hasInlineValues = true
                }
            } else if let constant = resolved.constValue {
                guard let string = constant.string else { return nil }
                values.append(string)
                hasInlineValues = true
            } else if resolved.nonNullTypes == [.string] {
                hasFreeString = true
            } else {
                return nil
            }
        }
        guard hasFreeString, !values.isEmpty else { return nil }
        if !hasInlineValues, references.count == 1 { return .reference(references[0]) }
        return .cases(stringCases(values))
    }

    /// The enum for a `oneOf`/`anyOf` with two or more variants.
    ///
    /// A case is chosen by a discriminating property when one exists: the declared
    /// `discriminator` (values from its `mapping`, else from the variant's own single-value enum or
    /// `const` for that property, else the component's name), or, without the keyword, a property
    /// every variant requires whose value is a single-value enum or `const` distinct in each (the
    /// `type: {const: message.delta}` of stream events). When no property tells the variants apart,
    /// the first variant that decodes wins, those requiring more properties tried first so that a
    /// smaller variant does not swallow a larger one's members.
    mutating func oneOfEnum(
        _ schema: Schema, name: String, doc: DocComment, path: [String], _ context: TypeContext
    ) -> OneOfEnum {
        var nested = NestedTypes(shared: topLevelNames, reserved: Set(path), path: path)
        var caseNames = NameScope(reserved: ["unknown"])
        var cases: [OneOfEnum.Case] = []
        let members = variants(schema)
        let discriminator = discriminatingProperty(schema, members: members)
        for (index, variant) in members.enumerated() {
            let baseName: String
            if let reference = variant.reference, let componentName = JSONPointer.componentSchemaName(reference) {
                baseName = Names.memberName(componentName)
            } else if let title = variant.title {
                baseName = Names.memberName(title)
            } else if let value = discriminator?.values[index].first {
                // `kind: circle` names its inline variant `circle`, not `variant1`.
                baseName = Names.memberName(value)
            } else {
                switch variant.nonNullTypes.first {
                case .string?: baseName = "string"
                case .integer?: baseName = "integer"
                case .number?: baseName = "number"
                case .boolean?: baseName = "bool"
                case .array?: baseName = "array"
                default: baseName = "variant\(index + 1)"
                }
            }
            let caseName = caseNames.claim(baseName)
            // A nested type may not take the case's own spelling (`_1`), which would redeclare it.
            var typeName = Names.typeName(caseName.trimmingCharacters(in: ["`"]))
            if typeName == caseName { typeName += "Value" }
            let type = typeRef(variant, suggested: typeName, &nested, context)
            cases.append(OneOfEnum.Case(
                name: caseName, type: type, discriminatorValues: [], isUnion: isUnion(resolvedVariant(variant))))
        }
        var order = Array(cases.indices)
        if let discriminator {
            for index in cases.indices { cases[index].discriminatorValues = discriminator.values[index] }
        } else {
            // Stable: among variants requiring as many properties, the description's order stays.
            let required = members.map { flattenedObject(resolvedVariant($0))?.required.count ?? 0 }
            order.sort { required[$0] > required[$1] || (required[$0] == required[$1] && $0 < $1) }
        }
        return OneOfEnum(
            doc: doc, name: name, cases: cases, discriminator: discriminator?.property, decodingOrder: order,
            nested: nested.declarations)
    }

    /// Whether a schema becomes a union enum, which decodes anything (into `.unknown`) and so must
    /// not end the search when it is one variant of another union tried in order.
    func isUnion(_ schema: Schema) -> Bool {
        var current = schema
        var seen: Set<String> = []
        while let reference = current.reference, seen.insert(reference).inserted, let target = component(reference) {
            current = target
        }
        current = unwrapped(current)
        if let reference = current.reference, let target = component(reference), !seen.contains(reference) {
            return isUnion(target)
        }
        return current.reference == nil && current.properties.isEmpty && current.allOf.isEmpty
            && variants(current).count > 1 && openEnumIdiom(current) == nil
    }

    /// A variant as written, or the component it refers to.
    func resolvedVariant(_ variant: Schema) -> Schema {
        variant.reference.flatMap { component($0) } ?? variant
    }

    /// The property that picks the variant, with the values selecting each (in variant order), or nil
    /// when none tells every variant apart.
    func discriminatingProperty(_ schema: Schema, members: [Schema]) -> (property: String, values: [[String]])? {
        let objects = members.map { flattenedObject(resolvedVariant($0)) }
        if let declared = schema.discriminator {
            var taken: Set<String> = []
            var values: [[String]] = []
            for (member, object) in zip(members, objects) {
                var own: [String] = []
                if let reference = member.reference {
                    own = declared.mapping.filter { $0.reference == reference }.map(\.value)
                }
                if own.isEmpty, let object {
                    own = tagValues(object.properties.first { $0.name == declared.propertyName }?.schema) ?? []
                }
                if own.isEmpty, let reference = member.reference, let componentName = JSONPointer(reference: reference)?.lastToken {
                    own = [componentName]
                }
                own = own.filter { taken.insert($0).inserted }
                values.append(own)
            }
            // A variant left without a value of its own (the same value in two variants, or an inline
            // variant without one) could never be chosen: decode by trying instead.
            return values.contains(where: \.isEmpty) ? nil : (declared.propertyName, values)
        }
        guard let first = objects.first, let firstObject = first, objects.allSatisfy({ $0 != nil }) else { return nil }
        let names = firstObject.properties.map(\.name)
        let candidates = names.filter { $0 == "type" } + names.filter { $0 != "type" }
        for property in candidates {
            var taken: Set<String> = []
            var values: [[String]] = []
            for object in objects {
                guard let object, object.required.contains(property),
                    let tags = tagValues(object.properties.first(where: { $0.name == property })?.schema), tags.count == 1,
                    taken.insert(tags[0]).inserted
                else { break }
                values.append(tags)
            }
            if values.count == members.count { return (property, values) }
        }
        return nil
    }

    /// The values a discriminating property may hold in one variant: its string enum (or the
    /// component's it refers to) or its `const`.
    func tagValues(_ schema: Schema?) -> [String]? {
        guard let schema else { return nil }
        let resolved = unwrapped(resolvedVariant(schema))
        if let constant = resolved.constValue?.string { return [constant] }
        guard let listed = resolved.enumValues?.filter({ $0 != .null }), !listed.isEmpty else { return nil }
        let strings = listed.compactMap(\.string)
        return strings.count == listed.count ? strings : nil
    }

    // MARK: Recursion

    /// Component names a schema stores inline (not through an array, dictionary or enum), which is
    /// what makes a struct infinitely large when the references come back to it.
    func inlineReferences(_ schema: Schema, depth: Int = 0) -> Set<String> {
        guard depth < 32, let object = flattenedObject(schema) else { return [] }
        var names: Set<String> = []
        for property in object.properties {
            if let target = directComponent(property.schema) {
                names.insert(target)
            } else if property.schema.reference == nil, flattenedObject(property.schema) != nil, !property.schema.properties.isEmpty {
                names.formUnion(inlineReferences(property.schema, depth: depth + 1))
            }
        }
        return names
    }

    /// The component a property's schema stands for directly (`$ref`, a one-member `allOf`, a nullable `oneOf`).
    func directComponent(_ schema: Schema) -> String? {
        if let reference = schema.reference, component(reference) != nil {
            return JSONPointer.componentSchemaName(reference)
        }
        if schema.allOf.count == 1, schema.properties.isEmpty { return directComponent(schema.allOf[0]) }
        let members = variants(schema)
        if members.count == 1, schema.properties.isEmpty { return directComponent(members[0]) }
        return nil
    }

    /// Whether a property referring to `target` must be boxed inside component `current`.
    mutating func needsBox(target: String, current: String?) -> Bool {
        guard let current else { return false }
        if target == current { return true }
        var seen: Set<String> = [target]
        var stack = [target]
        while let next = stack.popLast() {
            let edges = inlineEdges[next] ?? {
                let computed = componentSchemaNamed(next).map { inlineReferences($0) } ?? []
                inlineEdges[next] = computed
                return computed
            }()
            if edges.contains(current) { return true }
            for edge in edges where seen.insert(edge).inserted { stack.append(edge) }
        }
        return false
    }
}
