/// Every identifier in generated code comes from here: spec names become idiomatic, valid Swift
/// names, and names in one scope never collide.
public enum Names {
    /// `get-process_details` → `GetProcessDetails`; `SMS campaigns` → `SMSCampaigns`.
    public static func typeName(_ raw: String) -> String {
        let words = Names.words(raw)
        var name = words.map(capitalized).joined()
        if name.isEmpty { name = "Value" }
        if name.first!.isNumber || !isIdentifierHead(name.unicodeScalars.first!) { name = "_" + name }
        return keywordSafe(name, isType: true)
    }

    /// `export_url` → `exportURL`; `in-progress` → `inProgress`; `200` → `_200`.
    public static func memberName(_ raw: String) -> String {
        let words = Names.words(raw)
        guard let first = words.first else { return "value" }
        var name = lowercasedFirstWord(first) + words.dropFirst().map(capitalized).joined()
        if name.first!.isNumber || !isIdentifierHead(name.unicodeScalars.first!) { name = "_" + name }
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
        "Data", "UUID", "URL", "Array", "Dictionary", "Set", "Optional", "Codable", "Decodable", "Encodable", "Hashable",
        "Sendable", "Error", "Result", "Void", "Never", "CodingKeys", "Foundation", "Response", "ClientRuntime",
        // The standard library's `Codable` vocabulary, which generated coding code names.
        "Encoder", "Decoder", "CodingKey", "CaseIterable", "Equatable", "RawRepresentable", "Hasher", "DecodingError",
        "EncodingError", "KeyedDecodingContainer", "KeyedEncodingContainer", "SingleValueDecodingContainer",
        "SingleValueEncodingContainer", "UnkeyedDecodingContainer", "UnkeyedEncodingContainer",
    ]

    /// Every public type of ClientRuntime, which generated modules re-export: a component called
    /// `Pagination` or `Job` would otherwise shadow the runtime's in every builder that uses it.
    /// `NamesTests` checks this list against the runtime's sources, so a new runtime type cannot be missed.
    public static let runtimeTypeNames: Set<String> = [
        "APIClient", "APIError", "APIKeyLocation", "APIResponse", "AnyCodingKey", "ClientError", "ClientMiddleware",
        "Credential", "DecodingFailure", "ErrorResponse", "HTTPMethod", "HTTPRequest", "HTTPResponse", "HTTPTransport",
        "HeaderField", "HeaderFields", "HeaderValue", "Indirect", "ItemSequence", "JSONValue", "Job", "JobFailedError", "JobNotifications",
        "JobSnapshot", "JobSnapshots", "JobState", "JobTimeoutError", "MultipartFile", "MultipartPart", "Nullable", "OpenEnum",
        "PageSequence", "Pagination", "ParameterValue", "PathSegment", "PollingPolicy", "QueryItem", "QueryItems",
        "QueryStyle", "Request", "RequestBody", "ResponseDecoder", "ResponseHeaderError", "ResponseHeaders",
        "ResponseStatus", "RetryPolicy", "TokenProvider", "TransportError", "URLSessionTransport", "WebhookDecodingError",
        "WebhookRequest", "DownloadProgress", "DownloadResult", "HTTPBodyStream", "StreamedHTTPResponse",
        "DeadlineAlarm", "EventFraming", "EventStream", "EventTooLargeError", "ServerSentEvent",
    ]

    /// Whether a type of this name would shadow one that generated code or its users rely on.
    public static func isReservedTypeName(_ name: String) -> Bool {
        reservedTypeNames.contains(name) || runtimeTypeNames.contains(name) || foundationTypeNames.contains(name)
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
        // A parameter named `self` (a memberwise init's) would hide `self` itself: `self.self = self`.
        if name == "self" { return "self_" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// Common initialisms written in capitals inside a name (`userId` → `userID`).
    static let initialisms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uuid", "ip", "ips", "api", "sms", "http", "https", "json", "html", "csv",
        "crm", "smtp",
    ]

    /// Splits on anything that is not a letter or digit, and at lower→upper case changes.
    static func words(_ raw: String) -> [String] {
        raw.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(raw) : characterWords(raw)
    }

    /// `words(_:)` for any text, Character by Character.
    static func characterWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for rawCharacter in raw {
            // Only scalars Swift accepts in an identifier, and nothing invisible (joiners, bidi controls).
            let scalars = rawCharacter.unicodeScalars.filter(isIdentifierScalar)
            let character = scalars.isEmpty ? " " : Character(String(String.UnicodeScalarView(scalars)))
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
        return words
    }

    /// `words(_:)` for ASCII text (nearly every name in practice), on bytes instead of Characters:
    /// the same rules, without a String per character.
    static func asciiWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousIsLowerOrDigit = false
        for byte in raw.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            guard isUpper || isLowerOrDigit else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousIsLowerOrDigit = false
                continue
            }
            if previousIsLowerOrDigit, isUpper, !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(byte)
            previousIsLowerOrDigit = isLowerOrDigit
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// A scalar that may appear in a Swift identifier (the C11 extended-identifier ranges Swift's
    /// lexer accepts), limited to letters, marks and digits that are visible: format characters and
    /// default-ignorable scalars (ZWJ, ZWNJ, bidi controls, variation selectors) are refused.
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber:
            break
        default:
            return false
        }
        return c11IdentifierRanges.contains { $0.contains(value) }
    }

    /// Whether an identifier may start with this scalar (no digit, no combining mark).
    static func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
        guard isIdentifierScalar(scalar), !("0"..."9").contains(scalar) else { return scalar == "_" }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return false
        default: return true
        }
    }

    /// C11 Annex D (N1570 D.1), which Swift's lexer uses for non-ASCII identifier characters.
    static let c11IdentifierRanges: [ClosedRange<UInt32>] = [
        0xA8...0xA8, 0xAA...0xAA, 0xAD...0xAD, 0xAF...0xAF, 0xB2...0xB5, 0xB7...0xBA, 0xBC...0xBE, 0xC0...0xD6,
        0xD8...0xF6, 0xF8...0xFF, 0x100...0x167F, 0x1681...0x180D, 0x180F...0x1FFF, 0x200B...0x200D,
        0x202A...0x202E, 0x203F...0x2040, 0x2054...0x2054, 0x2060...0x206F, 0x2070...0x218F, 0x2460...0x24FF,
        0x2776...0x2793, 0x2C00...0x2DFF, 0x2E80...0x2FFF, 0x3004...0x3007, 0x3021...0x302F, 0x3031...0x303F,
        0x3040...0xD7FF, 0xF900...0xFD3D, 0xFD40...0xFDCF, 0xFDF0...0xFE44, 0xFE47...0xFFFD,
        0x10000...0x1FFFD, 0x20000...0x2FFFD, 0x30000...0x3FFFD, 0x40000...0x4FFFD, 0x50000...0x5FFFD,
        0x60000...0x6FFFD, 0x70000...0x7FFFD, 0x80000...0x8FFFD, 0x90000...0x9FFFD, 0xA0000...0xAFFFD,
        0xB0000...0xBFFFD, 0xC0000...0xCFFFD, 0xD0000...0xDFFFD, 0xE0000...0xEFFFD,
    ]

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
    /// Names taken in every scope of a kind (a module's top-level types), shared and never copied:
    /// thousands of nested scopes each reserving them stays linear.
    private let shared: Set<String>
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        shared = []
        used = reserved
    }

    public init(shared: Set<String>, reserved: Set<String>) {
        self.shared = shared
        used = reserved
    }

    /// `name`, or `name2`, `name3`, … when taken.
    public mutating func claim(_ name: String) -> String {
        let bare = name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
        if take(bare) { return name }
        var index = 2
        while !take(bare + String(index)) { index += 1 }
        return bare + String(index)
    }

    private mutating func take(_ name: String) -> Bool {
        !shared.contains(name) && used.insert(name).inserted
    }

    public func contains(_ name: String) -> Bool { shared.contains(name) || used.contains(name) }
}
