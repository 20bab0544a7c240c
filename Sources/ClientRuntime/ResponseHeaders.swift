import Foundation

/// The typed headers a response declares; generated as one struct per operation
/// (`Brevo.GetProcessHeaders`) and read with `APIResponse.headers(as:)`.
public protocol ResponseHeaders: Sendable {
    init(from headers: HeaderFields) throws
}

/// A declared response header that is missing or does not hold a value of its type.
/// The description names the header, never its value.
public struct ResponseHeaderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// The type it should hold; nil when the header is required but absent.
    public var expectedType: String?

    public init(name: String, expectedType: String?) {
        self.name = name
        self.expectedType = expectedType
    }

    public var description: String {
        if let expectedType { return "Response header \"\(name)\" is not a valid \(expectedType)" }
        return "Required response header \"\(name)\" is missing"
    }
}

/// A value that can be read from a header's text (the inverse of `ParameterValue`).
public protocol HeaderValue {
    init?(headerValue: String)
}

extension String: HeaderValue {
    public init?(headerValue: String) { self = headerValue }
}

extension Bool: HeaderValue {
    public init?(headerValue: String) {
        switch headerValue.lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Int: HeaderValue {
    public init?(headerValue: String) { self.init(headerValue) }
}

extension Int32: HeaderValue {
    public init?(headerValue: String) { self.init(headerValue) }
}

extension Int64: HeaderValue {
    public init?(headerValue: String) { self.init(headerValue) }
}

extension Double: HeaderValue {
    public init?(headerValue: String) { self.init(headerValue) }
}

extension Float: HeaderValue {
    public init?(headerValue: String) { self.init(headerValue) }
}

extension UUID: HeaderValue {
    public init?(headerValue: String) { self.init(uuidString: headerValue) }
}

extension Date: HeaderValue {
    /// ISO 8601, as `date-time` values are written in JSON.
    public init?(headerValue: String) {
        guard let date = ISO8601.date(from: headerValue) else { return nil }
        self = date
    }
}

extension HeaderFields {
    /// The first value of header `name` as `T`: nil when absent, an error when it is not a `T`.
    public func value<T: HeaderValue>(_ name: String, as type: T.Type) throws -> T? {
        guard let text = self[name] else { return nil }
        guard let value = T(headerValue: text.trimmingCharacters(in: .whitespaces)) else {
            throw ResponseHeaderError(name: name, expectedType: String(describing: T.self))
        }
        return value
    }

    /// An open enum's value; a value the spec does not list is `.unknown`.
    public func value<T: OpenEnum>(_ name: String, as type: T.Type) throws -> T? where T.RawValue: HeaderValue {
        try value(name, as: T.RawValue.self).map(T.init(rawValue:))
    }

    /// A comma-separated list (`style: simple`).
    public func values<T: HeaderValue>(_ name: String, as type: T.Type) throws -> [T]? {
        guard let text = self[name] else { return nil }
        return try text.split(separator: ",").map { part in
            guard let value = T(headerValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw ResponseHeaderError(name: name, expectedType: "list of \(T.self)")
            }
            return value
        }
    }

    public func values<T: OpenEnum>(_ name: String, as type: T.Type) throws -> [T]? where T.RawValue: HeaderValue {
        try values(name, as: T.RawValue.self)?.map(T.init(rawValue:))
    }

    /// A header the response must have.
    public func required<T>(_ name: String, _ value: T?) throws -> T {
        guard let value else { throw ResponseHeaderError(name: name, expectedType: nil) }
        return value
    }
}

extension APIResponse {
    /// The response's declared headers as their generated type:
    /// `try client.response(for: Brevo.getProcess(processID: 1)).headers(as: Brevo.GetProcessHeaders.self)`.
    public func headers<Headers: ResponseHeaders>(as type: Headers.Type) throws -> Headers {
        try Headers(from: HeaderFields(headers))
    }
}

extension ResponseDecoder {
    /// For an operation whose 2xx responses are JSON or empty (`200` with a body, `204` without):
    /// an empty body decodes as nil.
    public static func jsonOrEmpty<Wrapped: Decodable>() -> Self where Response == Wrapped? {
        Self(accept: "application/json") { data, decoder in
            guard data.contains(where: { !(" \t\r\n".utf8).contains($0) }) else { return nil }
            return try decoder.decode(Wrapped.self, from: data)
        }
    }
}
