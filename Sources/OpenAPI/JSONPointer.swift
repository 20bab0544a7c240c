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
        guard !name.isEmpty, !name.utf8.contains(slash) else { return nil }
        return name.utf8.contains(tilde) ? unescape(String(name)) : String(name)
    }

    private static let tilde = UInt8(ascii: "~")
    private static let slash = UInt8(ascii: "/")

    static func escape(_ token: String) -> String {
        // Byte checks: `String.contains(_: String)` goes through Foundation's `range(of:)`, and this
        // runs for every key of every node read (19% of a 3 MB document's generate time).
        guard token.utf8.contains(where: { $0 == tilde || $0 == slash }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: String) -> String {
        guard token.utf8.contains(tilde) else { return token }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}

import Foundation
