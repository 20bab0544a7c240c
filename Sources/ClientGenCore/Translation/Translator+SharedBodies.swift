import OpenAPI

/// Bodies declared once in `components` and used by many operations: a `#/components/responses/X`
/// or `#/components/requestBodies/X` whose JSON schema is an inline object becomes one top-level
/// type named after the component, instead of a copy in every operation that refers to it (Klaviyo
/// refers to one error response from 690 places: 76,000 lines of identical structs).
extension Translator {
    /// Claims a top-level name for every such component body, before any scope is made, so no
    /// nested type can shadow it. Names follow the order the operations first use them.
    mutating func claimSharedBodies() {
        var scope = NameScope(reserved: topLevelNames)
        for operation in document.operations {
            let bodies = operation.responses.map { ($0.pointer, $0.content) }
                + (operation.requestBody.map { [($0.pointer, $0.content)] } ?? [])
            for (pointer, content) in bodies {
                guard let (kind, component) = Self.componentBody(pointer),
                    let schema = content.first(where: \.isJSON)?.schema, schema.reference == nil,
                    sharedBodyNames[schema.pointer.description] == nil, isObjectStruct(unwrapped(schema))
                else { continue }
                var name = Names.typeName(component)
                if topLevelNames.contains(name) || Names.isReservedTypeName(name) {
                    name += kind == "responses" ? "Response" : "Body"
                }
                let claimed = scope.claim(name)
                sharedBodyNames[schema.pointer.description] = claimed
                topLevelNames.insert(claimed)
            }
        }
    }

    /// The type of a request or response body: the shared declaration for a component body
    /// (declared on first use), else what `typeRef` makes of it.
    mutating func bodyType(_ schema: Schema, suggested: String, _ nested: inout NestedTypes, _ context: TypeContext) -> TypeRef {
        guard schema.reference == nil, let name = sharedBodyNames[schema.pointer.description] else {
            return typeRef(schema, suggested: suggested, &nested, context)
        }
        if declaredSharedBodies.insert(name).inserted {
            let declarations = componentDeclarations(schema, name: name, itemName: nil, context)
            sharedBodyFiles.append(SwiftFile(path: "Models/\(name).swift", declarations: declarations))
        }
        return .named(name)
    }

    /// `#/components/responses/ClientError` → ("responses", "ClientError").
    private static func componentBody(_ pointer: JSONPointer) -> (String, String)? {
        let tokens = pointer.tokens
        guard pointer.file == nil, tokens.count == 3, tokens[0] == "components",
            tokens[1] == "responses" || tokens[1] == "requestBodies"
        else { return nil }
        return (tokens[1], tokens[2])
    }
}
