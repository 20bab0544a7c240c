import YAML

extension DocumentReader {
    /// Reads a schema. `$ref`s stay references (the translator names them); the keywords the
    /// generator does not use are ignored, the ones it cannot honour are reported.
    mutating func readSchema(_ node: Node, _ pointer: JSONPointer) -> Schema {
        if let value = node.bool, node.scalar != nil {
            // JSON Schema's boolean form: `true` is any value, `false` no value.
            return Schema(types: value ? [] : [.null], mark: node.mark, pointer: pointer)
        }
        guard let pairs = mapping(node, pointer, what: "a schema") else {
            return Schema(mark: node.mark, pointer: pointer)
        }
        var schema = Schema(mark: node.mark, pointer: pointer)
        if pairs.isEmpty { return schema }

        if let refNode = node["$ref"] {
            if let reference = refNode.scalar {
                schema.reference = schemaReference(reference, refNode, pointer.appending("$ref"))
            } else {
                error("expected '$ref' to be a string", refNode, pointer.appending("$ref"))
            }
        }
        schema.types = readTypes(node, pointer)
        schema.format = node["format"]?.scalar
        schema.title = string(node["title"], pointer, key: "title")
        schema.description = string(node["description"], pointer, key: "description")
        schema.deprecated = bool(node["deprecated"], pointer, key: "deprecated") ?? false
        schema.readOnly = bool(node["readOnly"], pointer, key: "readOnly") ?? false
        schema.writeOnly = bool(node["writeOnly"], pointer, key: "writeOnly") ?? false

        if let propertiesNode = node["properties"],
            let propertyPairs = mapping(propertiesNode, pointer.appending("properties"), what: "'properties'")
        {
            schema.properties = propertyPairs.map { pair in
                let name = pair.key.scalar ?? ""
                return Schema.Property(
                    name: name, schema: readSchema(pair.value, pointer.appending("properties").appending(name)))
            }
        }
        if let requiredNode = node["required"] {
            if requiredNode.sequence != nil {
                schema.required = stringList(requiredNode, pointer, key: "required")
            } else {
                warning(
                    "'required' in a schema must be a list of property names, found '\(requiredNode.scalar ?? requiredNode.kindName)'; ignored",
                    requiredNode, pointer.appending("required"),
                    hint: "list the required properties, e.g. `required: [id, name]`"
                )
            }
        }
        if let additional = node["additionalProperties"] {
            if let allowed = additional.bool, additional.scalar != nil {
                schema.additionalProperties = Indirect(.allowed(allowed))
            } else {
                schema.additionalProperties = Indirect(
                    .schema(readSchema(additional, pointer.appending("additionalProperties"))))
            }
        }
        if let itemsNode = node["items"] {
            schema.items = Indirect(readSchema(itemsNode, pointer.appending("items")))
        } else if schema.types.contains(.array) {
            warning("array schema has no 'items'; elements are generated as JSONValue", node, pointer,
                    hint: "add `items: {type: string}` or the element schema")
        }
        if let enumNode = node["enum"] {
            if let values = enumNode.sequence {
                schema.enumValues = values.map(JSONLiteral.init)
            } else {
                error("expected 'enum' to be a list, found a \(enumNode.kindName)", enumNode, pointer.appending("enum"))
            }
        }
        if let constNode = node["const"] { schema.constValue = JSONLiteral(constNode) }
        if let defaultNode = node["default"] { schema.defaultValue = JSONLiteral(defaultNode) }
        for key in ["allOf", "oneOf", "anyOf"] {
            guard let listNode = node[key] else { continue }
            guard let items = listNode.sequence else {
                error("expected '\(key)' to be a list, found a \(listNode.kindName)", listNode, pointer.appending(key))
                continue
            }
            let schemas = items.enumerated().map { readSchema($1, pointer.appending(key).appending($0)) }
            switch key {
            case "allOf": schema.allOf = schemas
            case "oneOf": schema.oneOf = schemas
            default: schema.anyOf = schemas
            }
        }
        if let discriminatorNode = node["discriminator"], discriminatorNode.mapping != nil {
            let discriminatorPointer = pointer.appending("discriminator")
            if let propertyName = string(discriminatorNode["propertyName"], discriminatorPointer, key: "propertyName") {
                var mapping: [Schema.Discriminator.Mapping] = []
                for pair in discriminatorNode["mapping"]?.mapping ?? [] {
                    guard let value = pair.key.scalar, let reference = pair.value.scalar else { continue }
                    // A bare schema name is shorthand for its component reference.
                    var full = reference.hasPrefix("#") || reference.contains("/")
                        || [".yaml", ".yml", ".json"].contains(where: reference.hasSuffix) ? reference : "#/components/schemas/" + reference
                    if !full.hasPrefix("#") || pointer.file != nil {
                        // Into another file: the same component name its `oneOf` member gets.
                        full = schemaReference(
                            full, pair.value, discriminatorPointer.appending("mapping").appending(value))
                    }
                    mapping.append(Schema.Discriminator.Mapping(value: value, reference: full))
                }
                schema.discriminator = Schema.Discriminator(propertyName: propertyName, mapping: mapping)
            } else {
                error("a discriminator needs a 'propertyName'", discriminatorNode, discriminatorPointer)
            }
        }
        if let notNode = node["not"] {
            warning("'not' is not enforced by generated code; ignored", notNode, pointer.appending("not"))
        }
        return schema
    }

    /// `type: string`, `type: [string, "null"]` (3.1) and `nullable: true` (3.0) all end up in one list.
    private mutating func readTypes(_ node: Node, _ pointer: JSONPointer) -> [Schema.JSONType] {
        var types: [Schema.JSONType] = []
        if let typeNode = node["type"] {
            let names: [(String, Node)]
            if let items = typeNode.sequence {
                names = items.map { ($0.scalar ?? "", $0) }
            } else {
                names = [(typeNode.scalar ?? "", typeNode)]
            }
            for (name, nameNode) in names {
                if let type = Schema.JSONType(rawValue: name) {
                    if !types.contains(type) { types.append(type) }
                } else {
                    let suggestion = Schema.JSONType.allCases.map(\.rawValue).min {
                        editDistance($0, name) < editDistance($1, name)
                    }
                    let hint = suggestion.flatMap { editDistance($0, name) <= 2 ? "did you mean '\($0)'?" : nil }
                    error(
                        "unknown type '\(name)'", nameNode, pointer.appending("type"),
                        hint: hint ?? "use one of string, integer, number, boolean, object, array, null"
                    )
                }
            }
        } else if node["properties"] != nil || node["additionalProperties"] != nil {
            types = [.object]
        } else if node["items"] != nil {
            types = [.array]
        }
        if let nullable = node["nullable"], nullable.bool == true, !types.contains(.null) {
            types.append(.null)
        }
        return types
    }
}

/// Levenshtein distance, for "did you mean" hints on short keywords.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
