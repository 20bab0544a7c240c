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

    /// `oneOf: [{required: [a]}, {required: [b]}]`: members that only constrain, declaring no shape.
    func isConstraintOnly(_ members: [Schema]) -> Bool {
        members.allSatisfy { $0.reference == nil && $0.types.isEmpty && $0.properties.isEmpty && $0.allOf.isEmpty }
    }

    /// The members of a `oneOf`/`anyOf` that are not just `{type: 'null'}`.
    func variants(_ schema: Schema) -> [Schema] {
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard !isConstraintOnly(members) else { return [] }
        return members.filter { !($0.reference == nil && $0.types == [.null]) }
    }

    /// Nullable in either style, or through a `{type: 'null'}` member of `oneOf`/`anyOf`.
    func isNullable(_ schema: Schema) -> Bool {
        schema.isNullable || (schema.oneOf + schema.anyOf).contains { $0.reference == nil && $0.types == [.null] }
    }

    /// The enum for a `oneOf`/`anyOf` with two or more variants.
    mutating func oneOfEnum(_ schema: Schema, name: String, doc: DocComment, enclosing: [String]) -> OneOfEnum {
        var nested = NestedTypes(shared: topLevelNames, reserved: Set(enclosing + [name]), path: scopeRoot + enclosing + [name])
        var caseNames = NameScope(reserved: ["unknown"])
        var cases: [OneOfEnum.Case] = []
        for (index, variant) in variants(schema).enumerated() {
            let baseName: String
            if let reference = variant.reference, let componentName = JSONPointer(reference: reference)?.lastToken {
                baseName = Names.memberName(componentName)
            } else if let title = variant.title {
                baseName = Names.memberName(title)
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
            let type = typeRef(
                variant, suggested: Names.typeName(caseName.trimmingCharacters(in: ["`"])), &nested,
                enclosing: enclosing + [name])
            var values: [String] = []
            if let discriminator = schema.discriminator, let reference = variant.reference {
                values = discriminator.mapping.filter { $0.reference == reference }.map(\.value)
                if values.isEmpty, let componentName = JSONPointer(reference: reference)?.lastToken {
                    values = [componentName]
                }
            }
            cases.append(OneOfEnum.Case(name: caseName, type: type, discriminatorValues: values))
        }
        return OneOfEnum(
            doc: doc, name: name, cases: cases, discriminator: schema.discriminator?.propertyName,
            nested: nested.declarations)
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
