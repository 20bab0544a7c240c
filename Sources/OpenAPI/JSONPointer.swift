/// A JSON pointer into the description, kept as its escaped text (`#/paths/~1processes/get`),
/// with the file it points into when that is not the root description (`common.yaml#/components/schemas/Error`).
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The file, relative to the root description's folder; nil for the root description itself.
    public private(set) var file: String?
    /// `#` followed by the escaped tokens.
    public private(set) var fragment: String

    public static let root = JSONPointer(file: nil, fragment: "#")

    private init(file: String?, fragment: String) {
        self.file = file
        self.fragment = fragment
    }

    /// Parses a local reference such as `#/components/schemas/Process`; nil for anything else.
    public init?(reference: String) {
        guard reference == "#" || reference.hasPrefix("#/") else { return nil }
        self.init(file: nil, fragment: reference)
    }

    /// A local reference (`#/…`) inside `file`; nil when `fragment` is not one.
    public init?(file: String?, reference fragment: String) {
        guard fragment == "#" || fragment.hasPrefix("#/") else { return nil }
        self.init(file: file, fragment: fragment)
    }

    public var description: String { (file ?? "") + fragment }

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(file: file, fragment: fragment + "/" + JSONPointer.escape(token))
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(file: file, fragment: fragment + "/" + String(index))
    }

    /// The unescaped reference tokens after `#`.
    public var tokens: [String] {
        fragment.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
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
