import Foundation

/// Where an API key goes.
public enum APIKeyLocation: String, Hashable, Sendable {
    case header
    case query
    case cookie
}

/// A secret for one security scheme of the spec. Its descriptions and mirror never show the secret.
public struct Credential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    enum Kind: Sendable {
        case apiKey(name: String, location: APIKeyLocation, value: String)
        case bearer(token: String)
        case basic(username: String, password: String)
        /// A bearer token fetched when a request needs it (applied by `APIClient.authorize`).
        case provided(TokenProvider)
    }

    /// The security scheme's name in the spec (a key of `components.securitySchemes`).
    public let scheme: String
    let kind: Kind

    public static func apiKey(scheme: String, name: String, in location: APIKeyLocation, value: String) -> Credential {
        Credential(scheme: scheme, kind: .apiKey(name: name, location: location, value: value))
    }

    public static func bearer(scheme: String, token: String) -> Credential {
        Credential(scheme: scheme, kind: .bearer(token: token))
    }

    public static func basic(scheme: String, username: String, password: String) -> Credential {
        Credential(scheme: scheme, kind: .basic(username: username, password: password))
    }

    public var description: String {
        switch kind {
        case .apiKey(let name, let location, _):
            "Credential(\(scheme): apiKey \(location.rawValue) \"\(name)\" = <redacted>)"
        case .bearer:
            "Credential(\(scheme): bearer <redacted>)"
        case .basic:
            "Credential(\(scheme): basic <redacted>)"
        case .provided:
            "Credential(\(scheme): bearer from a token provider)"
        }
    }

    public var debugDescription: String { description }

    /// The names under which the secret travels (a header, query item or cookie name; for bearer
    /// and basic, `Authorization`), for redacting logs and traces. Never the secret itself.
    public var secretNames: [String] {
        switch kind {
        case .apiKey(let name, _, _): [name]
        case .bearer, .basic, .provided: ["Authorization"]
        }
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["scheme": scheme, "value": "<redacted>"], displayStyle: .struct)
    }

    /// Adds this credential to outgoing headers or query items.
    func apply(headers: inout HeaderFields, query: inout QueryItems, cookies: inout [String]) {
        switch kind {
        case .apiKey(let name, .header, let value):
            headers.set(name, value)
        case .apiKey(let name, .query, let value):
            query.append(QueryItem(name: name, value: value))
        case .apiKey(let name, .cookie, let value):
            // A cookie value is percent-encoded so `;`, `,` or spaces in it cannot add a second cookie.
            cookies.append("\(PercentEncoding.cookieName(name))=\(PercentEncoding.cookieValue(value))")
        case .bearer(let token):
            headers.set("Authorization", "Bearer \(token)")
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            headers.set("Authorization", "Basic \(encoded)")
        case .provided:
            // Async: `APIClient.authorize` sets it just before sending.
            break
        }
    }
}

extension [Credential] {
    /// The credentials of the first alternative whose schemes all have one, in scheme order.
    /// Nil when no alternative can be satisfied; empty when `security` is empty.
    func satisfying(_ security: [[String]]) -> [Credential]? {
        if security.isEmpty { return [] }
        for alternative in security {
            let found = alternative.compactMap { scheme in first { $0.scheme == scheme } }
            if found.count == alternative.count { return found }
        }
        return nil
    }
}
