/// Every identifier in generated code comes from here: spec names become idiomatic, valid Swift
/// names, and names in one scope never collide.
public enum Names {
    /// `get-process_details` → `GetProcessDetails`; `SMS campaigns` → `SMSCampaigns`.
    public static func typeName(_ raw: String) -> String {
        let words = Names.words(raw)
        var name = words.map(capitalized).joined()
        if name.isEmpty { name = "Value" }
        if name.first!.isNumber { name = "_" + name }
        return keywordSafe(name, isType: true)
    }

    /// `export_url` → `exportURL`; `in-progress` → `inProgress`; `200` → `_200`.
    public static func memberName(_ raw: String) -> String {
        let words = Names.words(raw)
        guard let first = words.first else { return "value" }
        var name = lowercasedFirstWord(first) + words.dropFirst().map(capitalized).joined()
        if name.first!.isNumber { name = "_" + name }
        return keywordSafe(name, isType: false)
    }

    /// Swift words that cannot be used bare as a declaration name.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_",
    ]

    /// Type names that would shadow what generated code itself uses.
    static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date",
        "Data", "UUID", "URL", "Array", "Dictionary", "Optional", "Codable", "Decodable", "Encodable", "Hashable",
        "Sendable", "Error", "Result", "Void", "Never", "CodingKeys", "Foundation", "Request", "Response",
        "APIClient", "Credential", "JSONValue", "OpenEnum", "QueryItems", "HeaderFields", "PathSegment",
        "RequestBody", "ErrorResponse", "ResponseDecoder", "HTTPMethod", "ClientRuntime",
    ]

    /// Whether a type of this name would shadow one that generated code or its users rely on.
    public static func isReservedTypeName(_ name: String) -> Bool {
        reservedTypeNames.contains(name) || foundationTypeNames.contains(name)
    }

    /// Foundation types an app importing both Foundation and a generated module would find ambiguous.
    static let foundationTypeNames: Set<String> = [
        "Process", "Thread", "Timer", "Operation", "OperationQueue", "Notification", "NotificationCenter", "Bundle",
        "Locale", "Calendar", "TimeZone", "Host", "Stream", "Port", "Progress", "Decimal", "Measurement", "Unit",
        "URLRequest", "URLSession", "URLResponse", "HTTPURLResponse", "URLComponents", "URLQueryItem", "IndexSet",
        "CharacterSet", "NSObject", "Set", "Character", "Substring", "Range", "JSONEncoder", "JSONDecoder",
        "DateFormatter", "FileManager", "UserDefaults", "Expression", "Predicate", "AttributedString", "Duration",
    ]

    static func keywordSafe(_ name: String, isType: Bool) -> String {
        if isType { return keywords.contains(name) ? name + "_" : name }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// Common initialisms written in capitals inside a name (`userId` → `userID`).
    static let initialisms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uuid", "ip", "ips", "api", "sms", "http", "https", "json", "html", "csv",
        "crm", "smtp",
    ]

    /// Splits on anything that is not a letter or digit, and at lower→upper case changes.
    static func words(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in raw {
            guard character.isLetter || character.isNumber, character.isASCII || character.isLetter else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, previous.isLowercase || previous.isNumber, character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { word in
            // Keep a word's letters ASCII-safe: non-ASCII letters are valid in Swift identifiers.
            word
        }
    }

    static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if initialisms.contains(lower) {
            return lower == "ids" ? "IDs" : lower == "urls" ? "URLs" : lower == "ips" ? "IPs" : lower.uppercased()
        }
        // SHOUTED_WORDS read as words, not as acronyms: `SEARCH_EXPORT` → `SearchExport`.
        if word.count > 1, word.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            return word.prefix(1) + word.dropFirst().lowercased()
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    static func lowercasedFirstWord(_ word: String) -> String {
        if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }
}

/// Hands out unique names within one scope, in the order asked, so results are deterministic.
public struct NameScope: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) { used = reserved }

    /// `name`, or `name2`, `name3`, … when taken.
    public mutating func claim(_ name: String) -> String {
        let bare = name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
        if used.insert(bare).inserted { return name }
        var index = 2
        while !used.insert(bare + String(index)).inserted { index += 1 }
        return bare + String(index)
    }

    public func contains(_ name: String) -> Bool { used.contains(name) }
}
