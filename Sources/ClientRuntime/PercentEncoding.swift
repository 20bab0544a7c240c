/// Percent-encoding per RFC 3986.
enum PercentEncoding {
    /// Encodes every byte of the UTF-8 form except the unreserved set `A-Z a-z 0-9 - . _ ~`.
    /// A space becomes `%20` and `+` becomes `%2B`.
    static func encodeAllButUnreserved(_ string: String) -> String {
        encode(string, keeping: isUnreserved)
    }

    /// RFC 7230 token characters stay (letters, digits, ``!#$&'*+-.^_`|~``); everything else,
    /// `%` included, is percent-encoded, so a name cannot end the cookie (`=`, `;`) or add one.
    static func cookieName(_ name: String) -> String {
        encode(name) { isUnreserved($0) || tokenExtras.contains($0) }
    }

    private static let tokenExtras: Set<UInt8> = Set("!#$&'*+^`|".utf8)

    /// RFC 6265 cookie-octets stay; everything else (`;`, `,`, space, quotes, `%`, control
    /// characters, non-ASCII) is percent-encoded.
    static func cookieValue(_ value: String) -> String {
        encode(value, keeping: cookieOctets.contains)
    }

    /// Every byte of the UTF-8 form that `keeping` refuses as `%XX` (upper-case hex), the others as they are.
    private static func encode(_ string: String, keeping: (UInt8) -> Bool) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if keeping(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output.append("%")
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return output
    }

    /// `%x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E`, minus `%` so that escapes stay unambiguous.
    private static let cookieOctets: Set<UInt8> = {
        var octets = Set<UInt8>([0x21])
        octets.formUnion(0x23...0x2B)
        octets.formUnion(0x2D...0x3A)
        octets.formUnion(0x3C...0x5B)
        octets.formUnion(0x5D...0x7E)
        octets.remove(UInt8(ascii: "%"))
        return octets
    }()

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether `path` is an already-encoded absolute path: starts with `/` and holds only
    /// pchar characters (unreserved, sub-delims, `:`, `@`), `/` and well-formed `%XX` escapes.
    static func isEncodedAbsolutePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(byte) || pathExtras.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    private static let pathExtras: Set<UInt8> = Set("/!$&'()*+,;=:@".utf8)

    private static func isHex(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "a")...UInt8(ascii: "f"):
            true
        default:
            false
        }
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")
}

/// Encoding of one path parameter into one path segment.
public enum PathSegment {
    /// Percent-encodes everything outside RFC 3986 unreserved characters, so the value can
    /// neither add segments (`/`), start a query (`?`) or fragment (`#`), nor inject escapes (`%`).
    /// The dot segments `.` and `..` are written as `%2E` / `%2E%2E` so they cannot traverse.
    public static func encode<V: ParameterValue>(_ value: V) -> String {
        let encoded = PercentEncoding.encodeAllButUnreserved(value.parameterValue)
        switch encoded {
        case ".": return "%2E"
        case "..": return "%2E%2E"
        default: return encoded
        }
    }

    /// A list as one segment in OpenAPI `style: simple`: `a,b,c`, each value encoded as above
    /// (a comma inside a value is `%2C`).
    public static func encode<V: ParameterValue>(_ values: [V]) -> String {
        values.map { encode($0) }.joined(separator: ",")
    }
}
