import Foundation

/// A decoded 2xx response together with what came with it.
public struct APIResponse<Response: Sendable>: Sendable {
    public let value: Response
    public let status: Int
    public let headers: [HeaderField]
    /// The raw body.
    public let data: Data

    public init(value: Response, status: Int, headers: [HeaderField], data: Data) {
        self.value = value
        self.status = status
        self.headers = headers
        self.data = data
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        HeaderFields(headers)[name]
    }
}
