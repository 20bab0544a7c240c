import Foundation

/// A request body. Values are encoded at send time (JSON with the client's configured encoder);
/// UUIDs are written in lower case in every kind of body.
public struct RequestBody: Sendable {
    enum Content: Sendable {
        case json(any Encodable & Sendable)
        case data(Data, contentType: String)
        case form(any Encodable & Sendable)
        case multipart(Multipart)
    }

    enum Multipart: Sendable {
        case value(any Encodable & Sendable)
        case parts([MultipartPart])
    }

    let content: Content
    /// The `multipart/form-data` boundary; nil for other bodies.
    public let boundary: String?

    /// A value sent as `application/json`.
    public static func json(_ value: some Encodable & Sendable) -> RequestBody {
        RequestBody(content: .json(value), boundary: nil)
    }

    /// Raw bytes sent with the given `Content-Type`.
    public static func data(_ data: Data, contentType: String) -> RequestBody {
        RequestBody(content: .data(data, contentType: contentType), boundary: nil)
    }

    /// An object sent as `application/x-www-form-urlencoded`: each member is `name=value`; a list
    /// repeats its name (`tag=a&tag=b`); a nested object uses brackets (`address[city]=Paris`) and a
    /// list of objects indices (`items[0][sku]=A1`); nil members are left out. Names and values are
    /// percent-encoded except for RFC 3986 unreserved characters (a space is `%20`, `[` is `%5B`).
    public static func form(_ value: some Encodable & Sendable) -> RequestBody {
        RequestBody(content: .form(value), boundary: nil)
    }

    /// An object sent as `multipart/form-data`, one part per member (see `MultipartFile` for files;
    /// nested objects are `application/json` parts). The boundary is random unless given.
    public static func multipart(_ value: some Encodable & Sendable, boundary: String? = nil) -> RequestBody {
        RequestBody(content: .multipart(.value(value)), boundary: boundary ?? MultipartBody.randomBoundary())
    }

    /// Parts sent as `multipart/form-data`, in order. The boundary is random unless given.
    public static func multipart(parts: [MultipartPart], boundary: String? = nil) -> RequestBody {
        RequestBody(content: .multipart(.parts(parts)), boundary: boundary ?? MultipartBody.randomBoundary())
    }

    /// The bytes and content type this body is sent as, with `encoder` for JSON (what `APIClient`
    /// does with its configuration's encoder; public so that tools can check what would be sent).
    public func encoded(with encoder: JSONEncoder) throws -> (data: Data, contentType: String) {
        switch content {
        case .json(let value):
            return (try encoder.encode(LowercaseUUIDs(value)), "application/json")
        case .data(let data, let contentType):
            return (data, contentType)
        case .form(let value):
            return (Data(try FormEncoding.encode(value).utf8), "application/x-www-form-urlencoded")
        case .multipart(let multipart):
            let boundary = boundary ?? MultipartBody.randomBoundary()
            let parts: [MultipartPart] = switch multipart {
            case .value(let value): try MultipartBody.parts(for: value)
            case .parts(let parts): parts
            }
            return (try MultipartBody.encode(parts, boundary: boundary), "multipart/form-data; boundary=\(boundary)")
        }
    }
}

/// `application/x-www-form-urlencoded` bodies (see `RequestBody.form`).
enum FormEncoding {
    static func encode(_ value: some Encodable) throws -> String {
        guard case .object(let members) = try ParameterNode.encode(value) else {
            throw RequestBodyEncodingError("an application/x-www-form-urlencoded body must be an object with named members")
        }
        var pairs: [(String, String)] = []
        for member in members {
            flatten(member.value, name: member.key, into: &pairs)
        }
        return pairs.map { PercentEncoding.encodeAllButUnreserved($0.0) + "=" + PercentEncoding.encodeAllButUnreserved($0.1) }
            .joined(separator: "&")
    }

    private static func flatten(_ node: ParameterNode, name: String, into pairs: inout [(String, String)]) {
        switch node {
        case .null: break
        case .scalar(let text, _): pairs.append((name, text))
        case .data(let data): pairs.append((name, data.base64EncodedString()))
        case .file(let file): pairs.append((name, file.data.base64EncodedString()))
        case .list(let items):
            for (index, item) in items.enumerated() {
                switch item {
                case .list, .object: flatten(item, name: "\(name)[\(index)]", into: &pairs)
                default: flatten(item, name: name, into: &pairs)
                }
            }
        case .object(let members):
            for member in members {
                flatten(member.value, name: "\(name)[\(member.key)]", into: &pairs)
            }
        }
    }
}
