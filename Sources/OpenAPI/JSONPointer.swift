/// A JSON pointer into the description, kept as its escaped text (`#/paths/~1processes/get`).
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    public private(set) var description: String

    public static let root = JSONPointer(description: "#")

    private init(description: String) { self.description = description }

    /// Parses a local reference such as `#/components/schemas/Process`; nil for anything else.
    public init?(reference: String) {
        guard reference == "#" || reference.hasPrefix("#/") else { return nil }
        self.description = reference
    }

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(description: description + "/" + JSONPointer.escape(token))
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(description: description + "/" + String(index))
    }

    /// The unescaped reference tokens after `#`.
    public var tokens: [String] {
        description.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            JSONPointer.unescape(String($0))
        }
    }

    public var lastToken: String? { tokens.last }

    /// The schema name of a `#/components/schemas/Name` pointer, without splitting the whole pointer.
    public static func componentSchemaName(_ reference: String) -> String? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        let name = reference.dropFirst(prefix.count)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return name.contains("~") ? unescape(String(name)) : String(name)
    }

    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: String) -> String {
        guard token.contains("~") else { return token }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}

import Foundation
