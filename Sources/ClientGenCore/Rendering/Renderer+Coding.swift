extension Renderer {
    /// Hand-written `Codable` where synthesised code would be wrong: for a struct with a catch-all
    /// member (the declared properties as synthesised `Codable` would handle them, then every other
    /// member of the object), and for one with a required nullable member (synthesised code would
    /// accept it absent and leave a nil out; it must be there, and go out as `null`).
    func renderCoding(_ structure: Structure, into writer: inout CodeWriter) {
        writer.blankLine()
        renderDecoding(structure, structure.additionalProperties, into: &writer)
        writer.blankLine()
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            if !structure.properties.isEmpty {
                writer.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            }
            for property in structure.properties {
                let (name, type) = stored(property)
                let method = type.isOptional && !property.encodesNil ? "encodeIfPresent" : "encode"
                writer.line("try container.\(method)(self.\(name), forKey: .\(name))")
            }
            if let additional = structure.additionalProperties {
                writer.line("try encoder.encodeAdditionalProperties(self.\(additional.name), excluding: CodingKeys.self)")
            }
        }
    }

    private func renderDecoding(
        _ structure: Structure, _ additional: Structure.AdditionalProperties?, into writer: inout CodeWriter
    ) {
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            if !structure.properties.isEmpty {
                writer.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
            }
            for property in structure.properties {
                let (name, type) = stored(property)
                // A required nullable member must be there, as null or a value: `decode(T?.self, …)`.
                let decoded = property.encodesNil ? type : type.unwrapped
                let method = type.isOptional && !property.encodesNil ? "decodeIfPresent" : "decode"
                writer.line("self.\(name) = try container.\(method)(\(SwiftLiteral.type(decoded)).self, forKey: .\(name))")
            }
            if let additional {
                writer.line("self.\(additional.name) = try decoder.additionalProperties(excluding: CodingKeys.self)")
            }
        }
    }

    /// The stored property's name and type: the `Indirect` box for a boxed property.
    private func stored(_ property: Structure.Property) -> (String, TypeRef) {
        guard property.boxed else { return (property.name, property.type) }
        let box = TypeRef.named("Indirect<\(SwiftLiteral.type(property.type.unwrapped))>")
        return (storageName(property), property.type.isOptional ? box.optional : box)
    }
}
