import ClientRuntime
import Foundation

/// Hides the values of secret-bearing header and query names before anything is logged.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"

    /// Lowercased names.
    let names: Set<String>

    init(names: some Sequence<String>) {
        self.names = Set(names.map { $0.lowercased() })
    }

    func isSecret(_ name: String) -> Bool {
        names.contains(name.lowercased())
    }

    /// The URL without user info or fragment, with the value of every secret query item replaced.
    func url(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return "<unparseable URL>"
        }
        let query = components.percentEncodedQuery
        components.user = nil
        components.password = nil
        components.fragment = nil
        components.percentEncodedQuery = nil
        let base = components.string ?? "<unparseable URL>"
        guard let query else { return base }
        return base + "?" + redactQuery(query)
    }

    private func redactQuery(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let encodedName = String(parts[0])
            let name = encodedName.removingPercentEncoding ?? encodedName
            guard isSecret(name) else { return String(pair) }
            return encodedName + "=" + Self.placeholder
        }.joined(separator: "&")
    }

    /// Header fields with secret values (and every `Cookie`/`Set-Cookie` value) replaced.
    func headers(_ fields: [HeaderField]) -> [HeaderField] {
        fields.map { field in
            isSecret(field.name) ? HeaderField(name: field.name, value: Self.placeholder) : field
        }
    }
}
