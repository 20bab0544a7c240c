import Foundation

/// A file sent as one part of a `multipart/form-data` body (a `format: binary` property).
/// Without a filename the part's name is sent as the filename, because many servers take a part
/// with no filename for a text field; without a content type it is `application/octet-stream`.
public struct MultipartFile: Codable, Hashable, Sendable {
    public var data: Data
    public var filename: String?
    public var contentType: String?

    public init(data: Data, filename: String? = nil, contentType: String? = nil) {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }

    /// Outside a multipart body (e.g. in JSON) a file is its bytes in base64, like `Data`.
    public init(from decoder: any Decoder) throws {
        self.init(data: try decoder.singleValueContainer().decode(Data.self))
    }

    /// Through a container, so a `JSONEncoder`'s data strategy (base64 by default) applies.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }
}

/// One part of a `multipart/form-data` body (RFC 7578).
public struct MultipartPart: Hashable, Sendable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var data: Data

    /// A text field, sent without a content type (so `text/plain`).
    public static func text(_ name: String, _ value: String) -> MultipartPart {
        MultipartPart(name: name, filename: nil, contentType: nil, data: Data(value.utf8))
    }

    /// A file field: always with a filename and a content type (see `MultipartFile`).
    public static func file(_ name: String, _ file: MultipartFile) -> MultipartPart {
        MultipartPart(
            name: name, filename: file.filename ?? name, contentType: file.contentType ?? "application/octet-stream",
            data: file.data)
    }

    public init(name: String, filename: String? = nil, contentType: String? = nil, data: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// A `multipart/form-data` body: its parts and the boundary between them.
enum MultipartBody {
    /// The parts for an `Encodable` object: a string, number, boolean, date or enum member is a text
    /// part; `MultipartFile` and `Data` members are file parts; a list member gives one part per item
    /// under the same name; an object member is one `application/json` part; nil members are left out.
    static func parts(for value: some Encodable) throws -> [MultipartPart] {
        guard case .object(let members) = try ParameterNode.encode(value) else {
            throw RequestBodyEncodingError("a multipart/form-data body must be an object with named members")
        }
        var parts: [MultipartPart] = []
        for member in members {
            let values: [ParameterNode] = if case .list(let items) = member.value { items } else { [member.value] }
            for value in values {
                switch value {
                case .null: continue
                case .scalar(let text, _): parts.append(.text(member.key, text))
                case .data(let data): parts.append(.file(member.key, MultipartFile(data: data)))
                case .file(let file): parts.append(.file(member.key, file))
                case .list, .object:
                    parts.append(MultipartPart(name: member.key, contentType: "application/json", data: Data(value.json.utf8)))
                }
            }
        }
        return parts
    }

    /// The body bytes: each part as `--boundary`, its headers, a blank line and its bytes; then `--boundary--`.
    static func encode(_ parts: [MultipartPart], boundary: String) throws -> Data {
        let delimiter = Data("--\(boundary)".utf8)
        var body = Data()
        for part in parts {
            guard part.data.range(of: delimiter) == nil else {
                throw RequestBodyEncodingError("the multipart boundary occurs in part '\(part.name)'")
            }
            body.append(delimiter)
            body.append(Data("\r\n".utf8))
            var disposition = "Content-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let filename = part.filename { disposition += "; filename=\"\(quoted(filename))\"" }
            body.append(Data((disposition + "\r\n").utf8))
            if let contentType = part.contentType {
                let safe = String(String.UnicodeScalarView(contentType.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
                body.append(Data("Content-Type: \(safe)\r\n".utf8))
            }
            body.append(Data("\r\n".utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(delimiter)
        body.append(Data("--\r\n".utf8))
        return body
    }

    /// A fresh boundary: 70 characters at most and never quoted (RFC 2046).
    static func randomBoundary() -> String {
        "clientgen-" + UUID().uuidString.lowercased()
    }

    /// A name or filename inside quotes, escaped as HTML forms do (`"` → `%22`, CR → `%0D`, LF → `%0A`).
    private static func quoted(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "%22"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// A request body that cannot be written in its content type.
struct RequestBodyEncodingError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
