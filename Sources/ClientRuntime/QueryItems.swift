/// One query item. `value` is the text before percent-encoding; `percentEncodedValue` is what
/// goes on the wire (for a non-exploded array, the separating commas stay literal).
public struct QueryItem: Hashable, Sendable {
    public let name: String
    public let value: String
    public let percentEncodedValue: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
        self.percentEncodedValue = PercentEncoding.encodeAllButUnreserved(value)
    }

    init(name: String, values: [String]) {
        self.name = name
        self.value = values.joined(separator: ",")
        self.percentEncodedValue = values.map(PercentEncoding.encodeAllButUnreserved).joined(separator: ",")
    }

    /// `name=value`, both percent-encoded.
    public var percentEncoded: String {
        PercentEncoding.encodeAllButUnreserved(name) + "=" + percentEncodedValue
    }
}

/// Ordered query parameters (OpenAPI `style: form`).
public struct QueryItems: Hashable, Sendable {
    public private(set) var items: [QueryItem]

    public init() {
        self.items = []
    }

    public init(_ items: [QueryItem]) {
        self.items = items
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Appends `name=value`; a nil value appends nothing.
    public mutating func append<V: ParameterValue>(_ name: String, _ value: V?) {
        guard let value else { return }
        items.append(QueryItem(name: name, value: value.parameterValue))
    }

    /// Appends an array: `name=a&name=b` when exploded, else `name=a,b`.
    /// A nil array appends nothing; an empty non-exploded array appends `name=`.
    public mutating func append<V: ParameterValue>(_ name: String, _ values: [V]?, explode: Bool = true) {
        guard let values else { return }
        if explode {
            for value in values {
                items.append(QueryItem(name: name, value: value.parameterValue))
            }
        } else {
            items.append(QueryItem(name: name, values: values.map(\.parameterValue)))
        }
    }

    public mutating func append(_ item: QueryItem) {
        items.append(item)
    }

    /// Replaces every item named `name` (exact match) by one `name=value` where the first one
    /// was, or at the end when there was none; a nil value removes them all.
    public mutating func set<V: ParameterValue>(_ name: String, _ value: V?) {
        let position = items.firstIndex { $0.name == name } ?? items.endIndex
        let before = items[..<position]
        let after = items[position...].filter { $0.name != name }
        let replacement = value.map { [QueryItem(name: name, value: $0.parameterValue)] } ?? []
        items = Array(before) + replacement + after
    }

    /// The first value for `name` (exact match), before encoding.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// The query string without the leading `?`, e.g. `limit=20&sort=desc`.
    public var percentEncoded: String {
        items.map(\.percentEncoded).joined(separator: "&")
    }
}
