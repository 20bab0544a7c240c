import ClientRuntime
import Foundation
import Testing

/// UUIDs leave the client in lower case wherever a request carries them; nothing else in a JSON
/// body changes (the configured encoder's strategies still apply).
@Suite struct UUIDEncodingTests {
    static let id = UUID(uuidString: "0195B5A1-4B5C-7F1E-9A2B-3C4D5E6F7A8B")!
    static let text = "0195b5a1-4b5c-7f1e-9a2b-3c4d5e6f7a8b"

    struct Node: Codable, Hashable, Sendable {
        var id: UUID
        var child: Indirect<Node>?
    }

    enum Link: Codable, Hashable, Sendable {
        case id(UUID)
        case node(Node)

        init(from decoder: any Decoder) throws { self = .id(try UUID(from: decoder)) }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .id(let value): try container.encode(value)
            case .node(let value): try container.encode(value)
            }
        }
    }

    /// Everything a JSON encoder has a strategy or a special case for, and no UUID.
    struct Everything: Codable, Hashable, Sendable {
        var createdAt: Date
        var rawBytes: Data
        var homePage: URL
        var price: Decimal
        var ratio: Double
        var small: Int8
        var large: UInt64
        var missing: String?
        var labelsByName: [String: [String: Int]]
        var nested: [[Bool]]
        var byNumber: [Int: String]
    }

    /// Keys sorted: a JSON encoder's own order is not fixed.
    static let sorted: APIClient.Configuration = {
        var configuration = APIClient.Configuration()
        configuration.makeEncoder = {
            let encoder = APIClient.Configuration.defaultEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return encoder
        }
        return configuration
    }()

    func body(_ value: some Encodable & Sendable, configuration: APIClient.Configuration = sorted) throws -> String {
        let request = Request<Void>(operationID: "op", method: .post, path: "/", body: .json(value), response: .empty)
        let client = APIClient(serverURL: URL(string: "https://api.test")!, configuration: configuration)
        return String(decoding: try client.makeHTTPRequest(for: request).body ?? Data(), as: UTF8.self)
    }

    @Test func everyUUIDInAJSONBodyIsLowerCaseAtAnyDepth() throws {
        let id = Self.id, text = Self.text
        #expect(try body(id) == "\"\(text)\"")
        #expect(try body([[id], []]) == "[[\"\(text)\"],[]]")
        #expect(try body(["a": [id]]) == "{\"a\":[\"\(text)\"]}")
        #expect(try body([id, nil] as [UUID?]) == "[\"\(text)\",null]")
        #expect(try body(Node(id: id, child: Indirect(Node(id: id)))) == "{\"child\":{\"id\":\"\(text)\"},\"id\":\"\(text)\"}")
        #expect(try body([Link.id(id), .node(Node(id: id))]) == "[\"\(text)\",{\"id\":\"\(text)\"}]")
    }

    @Test func aBodyWithoutUUIDsIsWhatTheConfiguredEncoderWrites() throws {
        let value = Everything(
            createdAt: Date(timeIntervalSince1970: 1_772_752_187.5), rawBytes: Data([0, 1, 254]),
            homePage: URL(string: "https://example.com/a?b=c")!, price: Decimal(string: "12.34")!, ratio: 0.1,
            small: -8, large: .max, missing: nil, labelsByName: ["someName": ["innerKey": 1]], nested: [[true], []],
            byNumber: [2: "two"])
        let makeEncoder: @Sendable () -> JSONEncoder = {
            let encoder = APIClient.Configuration.defaultEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dataEncodingStrategy = .custom { data, encoder in
                var container = encoder.singleValueContainer()
                try container.encode(data.map { String($0) }.joined(separator: "."))
            }
            return encoder
        }
        var configuration = APIClient.Configuration()
        configuration.makeEncoder = makeEncoder
        let expected = String(decoding: try makeEncoder().encode(value), as: UTF8.self)
        #expect(try body(value, configuration: configuration) == expected)
        // Keys of a dictionary are left alone by the key strategy, as the encoder alone does.
        #expect(expected.contains(#""labels_by_name":{"someName":{"innerKey":1}}"#))
        #expect(expected.contains(#""created_at":"2026-03-05T23:09:47.500Z""#))
    }

    @Test func theEncodersUserInfoReachesTheValues() throws {
        struct Reads: Encodable, Sendable {
            static let key = CodingUserInfoKey(rawValue: "prefix")!
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode((encoder.userInfo[Self.key] as? String ?? "") + "!")
            }
        }
        var configuration = APIClient.Configuration()
        configuration.makeEncoder = {
            let encoder = JSONEncoder()
            encoder.userInfo[Reads.key] = "hi"
            return encoder
        }
        #expect(try body(["a": [Reads()]], configuration: configuration) == #"{"a":["hi!"]}"#)
    }

    @Test func parametersAndFormBodiesAreLowerCase() throws {
        struct Claim: Codable, Sendable {
            var owner: UUID
            var routes: [[UUID]]
            var node: Node
        }
        var query = QueryItems()
        query.append("id", Self.id)
        var headers = HeaderFields()
        headers.append("X-ID", Self.id)
        headers.appendCookie("session", Self.id)
        let request = Request<Void>(
            operationID: "op", method: .post, path: "/items/\(PathSegment.encode(Self.id))", query: query, headers: headers,
            body: .form(Claim(owner: Self.id, routes: [[Self.id]], node: Node(id: Self.id))), response: .empty)
        let http = try APIClient(serverURL: URL(string: "https://api.test")!).makeHTTPRequest(for: request)
        #expect(http.url.absoluteString == "https://api.test/items/\(Self.text)?id=\(Self.text)")
        #expect(http.headers.first { $0.name == "X-ID" }?.value == Self.text)
        #expect(http.headers.first { $0.name == "Cookie" }?.value == "session=\(Self.text)")
        #expect(String(decoding: http.body ?? Data(), as: UTF8.self)
            == "owner=\(Self.text)&routes%5B0%5D=\(Self.text)&node%5Bid%5D=\(Self.text)")
    }
}
