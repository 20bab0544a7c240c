import Foundation

/// A value that can be written into a path segment, a query item or a header.
public protocol ParameterValue {
    /// The textual form, before any percent-encoding.
    var parameterValue: String { get }
}

extension String: ParameterValue {
    public var parameterValue: String { self }
}

extension Bool: ParameterValue {
    public var parameterValue: String { self ? "true" : "false" }
}

extension Int: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Int32: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Int64: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Double: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Float: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension UUID: ParameterValue {
    /// Lower case, as RFC 9562 writes UUIDs and as servers send them: Foundation's `uuidString` is
    /// upper case, and a server that compares ids as text would not find an id sent back changed.
    public var parameterValue: String { uuidString.lowercased() }
}

extension URL: ParameterValue {
    public var parameterValue: String { absoluteString }
}

extension Date: ParameterValue {
    /// ISO 8601 in UTC (`2024-01-02T03:04:05Z`), with milliseconds only when non-zero.
    public var parameterValue: String { ISO8601.string(from: self) }
}
