import Foundation

extension APIClient {
    /// Refuses to send anything over plain `http://` except to this machine (localhost, 127.0.0.0/8,
    /// ::1), unless `Configuration.allowInsecureHTTP` says so: credentials and bodies would travel
    /// unencrypted. Schemes other than http and https are always refused.
    static func checkTransportSecurity(_ serverURL: URL, configuration: Configuration) throws {
        let scheme = serverURL.scheme?.lowercased() ?? ""
        switch scheme {
        case "https":
            return
        case "http":
            if configuration.allowInsecureHTTP || Self.isLoopback(host: serverURL.host ?? "") { return }
            throw ClientError.invalidURL(
                "plain http:// to \(serverURL.host ?? "?") is refused (credentials and data would travel unencrypted); use https:// or set Configuration.allowInsecureHTTP")
        default:
            throw ClientError.invalidURL("unsupported URL scheme \"\(scheme)\"; use https://")
        }
    }

    /// `localhost`, `127.x.y.z` and `::1` (with or without brackets).
    static func isLoopback(host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part).map { $0 <= 255 } ?? false)
        }
    }
}
