extension Renderer {
    /// Hand-written `Codable` where synthesised code would be wrong: for a struct with a catch-all
    /// member (the declared properties as synthesised `Codable` would handle them, then every other
    /// member of the object), and for one with a required nullable member (synthesised code would
    /// accept it absent and leave a nil out; it must be there, and go out as `null`).
    ///
    /// A struct with a catch-all member names its keys as string literals (`AnyCodingKey`) and lists
    /// them once in `declaredMembers`, instead of a `CodingKeys` enum: each such enum brings a dozen
    /// synthesised members and protocol witnesses, and dropping them cut the debug build of the
    /// Mistral description's module by 15% of its CPU time (Benchmarks/results.md, "Coding keys").
    func renderCoding(_ structure: Structure, into writer: inout CodeWriter) {
        let keyed = structure.additionalProperties != nil
        let keyType = keyed ? "AnyCodingKey" : "CodingKeys"
        func key(_ property: Structure.Property) -> String {
            keyed ? SwiftLiteral.string(property.wireName) : "." + (property.boxed ? storageName(property) : property.name)
        }
        if keyed {
            writer.blankLine()
            renderDeclaredMembers(structure.properties.map { SwiftLiteral.string($0.wireName) }, into: &writer)
        }
        writer.blankLine()
        renderDecoding(structure, structure.additionalProperties, keyType, key, into: &writer)
        writer.blankLine()
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            if !structure.properties.isEmpty || keyed {
                writer.line("var container = encoder.container(keyedBy: \(keyType).self)")
            }
            for property in structure.properties {
                let (name, type) = stored(property)
                let method = type.isOptional && !property.encodesNil ? "encodeIfPresent" : "encode"
                writer.line("try container.\(method)(self.\(name), forKey: \(key(property)))")
            }
            if let additional = structure.additionalProperties {
                writer.line("try container.encodeAdditionalProperties(self.\(additional.name), excluding: Self.declaredMembers)")
            }
        }
    }

    private func renderDecoding(
        _ structure: Structure, _ additional: Structure.AdditionalProperties?, _ keyType: String,
        _ key: (Structure.Property) -> String, into writer: inout CodeWriter
    ) {
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            if !structure.properties.isEmpty || additional != nil {
                writer.line("let container = try decoder.container(keyedBy: \(keyType).self)")
            }
            for property in structure.properties {
                let (name, type) = stored(property)
                // A required nullable member must be there, as null or a value: `decode(T?.self, …)`.
                let decoded = property.encodesNil ? type : type.unwrapped
                let method = type.isOptional && !property.encodesNil ? "decodeIfPresent" : "decode"
                writer.line("self.\(name) = try container.\(method)(\(SwiftLiteral.type(decoded)).self, forKey: \(key(property)))")
            }
            if let additional {
                writer.line("self.\(additional.name) = try container.additionalProperties(excluding: Self.declaredMembers)")
            }
        }
    }

    /// `private static let declaredMembers: Set<String> = [...]`, on one line when it fits in 120
    /// columns and otherwise filled line by line, as a person would wrap it.
    private func renderDeclaredMembers(_ names: [String], into writer: inout CodeWriter) {
        let opening = "private static let declaredMembers: Set<String> = ["
        let oneLine = opening + names.joined(separator: ", ") + "]"
        guard writer.indentWidth + oneLine.count > 120 else {
            writer.line(oneLine)
            return
        }
        writer.line(opening)
        writer.indented { writer in
            var current = ""
            for name in names {
                if !current.isEmpty, writer.indentWidth + current.count + name.count + 2 > 120 {
                    writer.line(current)
                    current = ""
                }
                current += current.isEmpty ? name + "," : " " + name + ","
            }
            if !current.isEmpty { writer.line(current) }
        }
        writer.line("]")
    }

    /// The stored property's name and type: the `Indirect` box for a boxed property.
    private func stored(_ property: Structure.Property) -> (String, TypeRef) {
        guard property.boxed else { return (property.name, property.type) }
        let box = TypeRef.named("Indirect<\(SwiftLiteral.type(property.type.unwrapped))>")
        return (storageName(property), property.type.isOptional ? box.optional : box)
    }
}
