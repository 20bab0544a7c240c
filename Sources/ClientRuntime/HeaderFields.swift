/// One header line.
public struct HeaderField: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Header names compared ignoring ASCII case (RFC 9110 field names are ASCII tokens), on bytes
    /// and without allocating: this runs for every header set on every request.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
        }
    }
}

/// Ordered header fields with case-insensitive lookup.
public struct HeaderFields: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [HeaderField]

    public init() {
        self.fields = []
    }

    public init(_ fields: [HeaderField]) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { HeaderField(name: $0.0, value: $0.1) }
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// Appends `name: value`; a nil value appends nothing.
    public mutating func append<V: ParameterValue>(_ name: String, _ value: V?) {
        guard let value else { return }
        fields.append(HeaderField(name: name, value: value.parameterValue))
    }

    /// Appends `name: a,b` (OpenAPI `style: simple`); a nil array appends nothing.
    public mutating func append<V: ParameterValue>(_ name: String, _ values: [V]?) {
        guard let values else { return }
        fields.append(HeaderField(name: name, value: values.map(\.parameterValue).joined(separator: ",")))
    }

    /// Adds `name=value` to the `Cookie` field (OpenAPI `in: cookie`), after the cookies already
    /// there and separated by `; `; a nil value adds nothing. Characters outside RFC 6265
    /// cookie-octets (`;`, `,`, space, quotes, `%`) are percent-encoded so one value cannot add another
    /// cookie; so is anything in the name outside RFC 7230 token characters.
    public mutating func appendCookie<V: ParameterValue>(_ name: String, _ value: V?) {
        guard let value else { return }
        addCookie(name, PercentEncoding.cookieValue(value.parameterValue))
    }

    /// Adds `name=a,b` to the `Cookie` field (`style: form`, the only cookie style); a nil array adds nothing.
    public mutating func appendCookie<V: ParameterValue>(_ name: String, _ values: [V]?) {
        guard let values else { return }
        addCookie(name, values.map { PercentEncoding.cookieValue($0.parameterValue) }.joined(separator: ","))
    }

    private mutating func addCookie(_ name: String, _ encodedValue: String) {
        let cookie = "\(PercentEncoding.cookieName(name))=\(encodedValue)"
        if let index = fields.firstIndex(where: { HeaderField.namesMatch($0.name, "Cookie") }) {
            fields[index].value += "; " + cookie
        } else {
            fields.append(HeaderField(name: "Cookie", value: cookie))
        }
    }

    /// Replaces every field named `name` (any case) by one field, appended at the end.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append(HeaderField(name: name, value: value))
    }

    /// Removes every field named `name` (any case).
    public mutating func remove(_ name: String) {
        fields.removeAll { HeaderField.namesMatch($0.name, name) }
    }

    /// The first value for `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { HeaderField.namesMatch($0.name, name) }?.value
    }
}
