import Foundation

/// A request the API sent to your server (a webhook or a callback), as your server framework
/// received it. Generated `Webhook.decode(_:)` functions turn it into a typed event.
///
/// Printing it shows the method, the header names and the body's size, never header values or the
/// body: they may carry signatures and personal data.
public struct WebhookRequest: Hashable, Sendable {
    public var method: String
    public var headers: HeaderFields
    public var body: Data

    public init(method: String = "POST", headers: HeaderFields = [:], body: Data) {
        self.method = method
        self.headers = headers
        self.body = body
    }

    /// The string at a top-level member of a JSON object body (`type`, `event`), or nil when the
    /// body is not such an object or the member is not a string. Numbers and booleans are given in
    /// their JSON spelling, so an integer discriminator matches too.
    public func member(_ name: String) -> String? {
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body), let value = members[name] else {
            return nil
        }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        default: return nil
        }
    }

    /// Decodes the body as JSON with the client's default date handling; a failure names the event
    /// and where decoding stopped, never the body.
    public func decodeJSON<Payload: Decodable>(_ type: Payload.Type, event: String, decoder: JSONDecoder? = nil) throws -> Payload {
        let decoder = decoder ?? APIClient.Configuration.defaultDecoder()
        do {
            return try decoder.decode(Payload.self, from: body)
        } catch {
            let (path, message) = DecodingFailure.describe(error)
            throw WebhookDecodingError(event: event, codingPath: path, message: message)
        }
    }
}

extension WebhookRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "WebhookRequest(\(method), headers: [\(headers.fields.map(\.name).joined(separator: ", "))], body: \(body.count) bytes)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}

/// A webhook or callback body that does not match the event it was taken for.
public struct WebhookDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The event's name in the description (`email.sent`, `onExportDone`).
    public let event: String
    /// Where decoding stopped, e.g. `data.items[3].id`; empty for the top level.
    public let codingPath: String
    public let message: String

    public var description: String {
        "webhook '\(event)': cannot decode the body at \(codingPath.isEmpty ? "top level" : codingPath): \(message)"
    }
}
