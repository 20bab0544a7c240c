import ClientRuntime
import Foundation
import TestHTTPServer

// Hummingbird exports types with the same names as ClientRuntime's; inside this test module
// these aliases make the plain names mean the client's types.
typealias Request<Response: Sendable> = ClientRuntime.Request<Response>
typealias RequestBody = ClientRuntime.RequestBody
typealias HTTPRequest = ClientRuntime.HTTPRequest
typealias HTTPResponse = ClientRuntime.HTTPResponse

struct Item: Codable, Hashable, Sendable {
    var id: Int
    var name: String
    var createdAt: Date?
}

struct ItemList: Codable, Hashable, Sendable {
    var items: [Item]
}

struct ErrorModel: Codable, Hashable, Sendable {
    var code: String
    var message: String
}

/// A hand-written open enum, as the generator emits them.
enum Sort: OpenEnum {
    case asc
    case desc
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "asc": self = .asc
        case "desc": self = .desc
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .asc: "asc"
        case .desc: "desc"
        case .unknown(let value): value
        }
    }
}

/// A transport that must never be reached.
struct FailingTransport: HTTPTransport {
    struct Reached: Error {}
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw Reached()
    }
}

extension TestServer {
    func client(credentials: [Credential] = [], path: String = "") -> APIClient {
        APIClient(serverURL: URL(string: baseURL.absoluteString + path)!, credentials: credentials)
    }
}
