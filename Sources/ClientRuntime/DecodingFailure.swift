import Foundation

/// Why a response body could not be decoded, in terms a person can act on.
public struct DecodingFailure: Sendable, CustomStringConvertible {
    public let operationID: String
    /// Where decoding stopped, e.g. `processes[3].status`; empty for the top level.
    public let codingPath: String
    public let message: String
    /// The first ~200 bytes of the body as text.
    public let bodyExcerpt: String

    public init(operationID: String, codingPath: String, message: String, bodyExcerpt: String) {
        self.operationID = operationID
        self.codingPath = codingPath
        self.message = message
        self.bodyExcerpt = bodyExcerpt
    }

    init(operationID: String, error: any Error, body: Data) {
        let (path, message) = Self.describe(error)
        self.init(operationID: operationID, codingPath: path, message: message, bodyExcerpt: BodyExcerpt.make(body))
    }

    public var description: String {
        let location = codingPath.isEmpty ? "top level" : codingPath
        return "\(operationID): cannot decode response at \(location): \(message). Body: \(bodyExcerpt)"
    }

    /// `processes[3].status` style path.
    static func dottedPath(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result
    }

    static func describe(_ error: any Error) -> (path: String, message: String) {
        guard let error = error as? DecodingError else {
            return ("", String(describing: error))
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (dottedPath(context.codingPath), "type mismatch, expected \(type): \(message(context))")
        case .valueNotFound(let type, let context):
            return (dottedPath(context.codingPath), "missing value of type \(type): \(message(context))")
        case .keyNotFound(let key, let context):
            return (dottedPath(context.codingPath + [key]), "required key not found: \(message(context))")
        case .dataCorrupted(let context):
            return (dottedPath(context.codingPath), "data corrupted: \(message(context))")
        @unknown default:
            return ("", String(describing: error))
        }
    }

    private static func message(_ context: DecodingError.Context) -> String {
        guard let underlying = context.underlyingError else { return context.debugDescription }
        return "\(context.debugDescription) (\(underlying.localizedDescription))"
    }
}
