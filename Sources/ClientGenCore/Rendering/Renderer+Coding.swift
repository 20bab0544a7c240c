extension Renderer {
    /// Every struct's `Codable`, written out rather than synthesised: for a struct with a catch-all
    /// member, the declared properties and then every other member of the object; for one with a
    /// required nullable member, which must be there (synthesised code would accept it absent) and go
    /// out as `null`; and for the rest, the same code synthesised `Codable` would be.
    ///
    /// The keys are string literals (`AnyCodingKey` is `ExpressibleByStringLiteral`), listed once in
    /// `declaredMembers` where the other members are kept, instead of a `CodingKeys` enum: each such
    /// enum, written or synthesised, brings a dozen members and protocol witnesses. Dropping them cut
    /// the debug build of the Mistral description's module by 15% of its CPU time, and of Klaviyo's
    /// with `unknownMembers: declared` by about a fifth (Benchmarks/results.md, "Coding keys" and
    /// "Settings variants").
    func renderCoding(_ structure: Structure, into writer: inout CodeWriter) {
        if structure.additionalProperties != nil {
            writer.blankLine()
            renderDeclaredMembers(structure.properties.map(key), into: &writer)
        }
        writer.blankLine()
        renderDecoding(structure, structure.additionalProperties, into: &writer)
        writer.blankLine()
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            guard !structure.properties.isEmpty || structure.additionalProperties != nil else {
                // An object with no members still goes out as `{}`.
                writer.line("_ = encoder.container(keyedBy: AnyCodingKey.self)")
                return
            }
            writer.line("var container = encoder.container(keyedBy: AnyCodingKey.self)")
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
        _ structure: Structure, _ additional: Structure.AdditionalProperties?, into writer: inout CodeWriter
    ) {
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            guard !structure.properties.isEmpty || additional != nil else {
                // An object with no members: anything but an object is still a mismatch.
                writer.line("_ = try decoder.container(keyedBy: AnyCodingKey.self)")
                return
            }
            writer.line("let container = try decoder.container(keyedBy: AnyCodingKey.self)")
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

    /// The member's name in the object, as a string literal: the coding key.
    private func key(_ property: Structure.Property) -> String {
        SwiftLiteral.string(property.wireName)
    }

    /// The stored property's name and type: the `Indirect` box for a boxed property.
    private func stored(_ property: Structure.Property) -> (String, TypeRef) {
        guard property.boxed else { return (property.name, property.type) }
        let box = TypeRef.named("Indirect<\(SwiftLiteral.type(property.type.unwrapped))>")
        return (storageName(property), property.type.isOptional ? box.optional : box)
    }
}
