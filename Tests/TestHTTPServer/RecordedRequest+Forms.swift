import Foundation

// Decoding what a client sent, independently of the client's own encoders, so tests can check
// what a server would see.

extension RecordedRequest {
    /// One `multipart/form-data` part: its headers (names lowercased) and bytes.
    public struct Part: Sendable {
        public var headers: [String: String]
        public var body: Data

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The `name` parameter of `Content-Disposition`.
        public var name: String? { dispositionParameter("name") }
        /// The `filename` parameter of `Content-Disposition`.
        public var filename: String? { dispositionParameter("filename") }

        private func dispositionParameter(_ key: String) -> String? {
            guard let disposition = headers["content-disposition"] else { return nil }
            for piece in disposition.split(separator: ";").dropFirst() {
                let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == key { return pair[1].trimmingCharacters(in: ["\""]) }
            }
            return nil
        }
    }

    /// The parts of a `multipart/form-data` body, split at the boundary its `Content-Type` names.
    public var multipartParts: [Part] {
        guard let contentType = header("Content-Type"), let range = contentType.range(of: "boundary=") else { return [] }
        let delimiter = Data("--\(contentType[range.upperBound...])".utf8)
        var parts: [Part] = []
        var rest = body[...]
        while let start = rest.range(of: delimiter) {
            rest = rest[start.upperBound...]
            guard rest.starts(with: Data("\r\n".utf8)), let end = rest.range(of: Data("\r\n".utf8) + delimiter) else { break }
            let raw = rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]
            guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { break }
            var headers: [String: String] = [:]
            for line in String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
            }
            parts.append(Part(headers: headers, body: Data(raw[split.upperBound...])))
            rest = rest[end.lowerBound...]
        }
        return parts
    }

    /// `name=value` pairs of an `application/x-www-form-urlencoded` body or a query string,
    /// percent-decoded (`+` as a space), in order.
    public static func formPairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }
}
