import Foundation

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

    /// An item as it came in a URL: `value` decoded, the wire form kept exactly as received.
    init(name: String, value: String, percentEncodedValue: String) {
        self.name = name
        self.value = value
        self.percentEncodedValue = percentEncodedValue
    }

    /// Values joined by `separator`, which goes on the wire as `encodedSeparator`.
    init(name: String, values: [String], separator: String = ",", encodedSeparator: String = ",") {
        self.name = name
        self.value = values.joined(separator: separator)
        self.percentEncodedValue = values.map(PercentEncoding.encodeAllButUnreserved).joined(separator: encodedSeparator)
    }

    /// `name=value`, both percent-encoded.
    public var percentEncoded: String {
        PercentEncoding.encodeAllButUnreserved(name) + "=" + percentEncodedValue
    }
}

/// How a list or an object is written into the query (OpenAPI `style` and `explode`). A value
/// that is neither is always one `name=value`.
public enum QueryStyle: Hashable, Sendable {
    /// Exploded: `id=3&id=4`, and an object's members as their own items `R=100&G=200`.
    /// Not exploded: `id=3,4` and `color=R,100,G,200` (the commas stay literal; a comma in a value is `%2C`).
    case form(explode: Bool)
    /// `id=3%204`, `color=R%20100%20G%20200`.
    case spaceDelimited
    /// `id=3%7C4`, `color=R%7C100%7CG%7C200` (`|` is percent-encoded, as RFC 3986 requires in a query).
    case pipeDelimited
    /// An object's members as `color[R]=100&color[G]=200` (brackets percent-encoded as `%5B` and `%5D`,
    /// which servers decode); a list member repeats its name.
    case deepObject

    /// The separator of a non-exploded list or object, as text and on the wire; nil when exploded.
    var separator: (text: String, encoded: String)? {
        switch self {
        case .form(explode: true), .deepObject: nil
        case .form(explode: false): (",", ",")
        case .spaceDelimited: (" ", "%20")
        case .pipeDelimited: ("|", "%7C")
        }
    }
}

/// Ordered query parameters (OpenAPI `style: form` unless a `QueryStyle` says otherwise).
public struct QueryItems: Hashable, Sendable {
    public private(set) var items: [QueryItem]

    public init() {
        self.items = []
    }

    public init(_ items: [QueryItem]) {
        self.items = items
    }

    public var isEmpty: Bool { items.isEmpty }

    /// The items of a percent-encoded query string (`a=1&b=x%20y`), values kept as sent.
    init(parsing query: String) {
        items = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let encoded = parts.count > 1 ? String(parts[1]) : ""
            return QueryItem(name: name, value: encoded.removingPercentEncoding ?? encoded, percentEncodedValue: encoded)
        }
    }

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

    /// Appends a list or object in `style`. Members of an object that are neither text nor a list of
    /// text cannot be written in a query and are left out, as are nil values; an empty non-exploded
    /// list appends `name=`. A dictionary's members are sorted by key.
    public mutating func append(_ name: String, _ value: (some Encodable)?, style: QueryStyle) {
        guard let value, let node = try? ParameterNode.encode(value) else { return }
        switch node {
        case .null, .data, .file:
            return
        case .scalar(let text, _):
            items.append(QueryItem(name: name, value: text))
        case .list(let elements):
            let texts = elements.compactMap(\.scalarText)
            if let separator = style.separator {
                items.append(QueryItem(name: name, values: texts, separator: separator.text, encodedSeparator: separator.encoded))
            } else {
                items += texts.map { QueryItem(name: name, value: $0) }
            }
        case .object(let members):
            if let separator = style.separator {
                let texts = members.flatMap { member in member.value.scalarText.map { [member.key, $0] } ?? [] }
                items.append(QueryItem(name: name, values: texts, separator: separator.text, encodedSeparator: separator.encoded))
                return
            }
            for member in members {
                let itemName = style == .deepObject ? "\(name)[\(member.key)]" : member.key
                let texts: [String] = switch member.value {
                case .scalar(let text, _): [text]
                case .list(let elements): elements.compactMap(\.scalarText)
                default: []
                }
                items += texts.map { QueryItem(name: itemName, value: $0) }
            }
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
