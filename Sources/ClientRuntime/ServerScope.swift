import Foundation

/// The one rule for where a client's credentials may go: a URL is under the server URL when it has
/// the same scheme, host and port (default ports included) and its path goes below the server
/// URL's path (`https://api.example.com/v3` covers `/v3/processes`, not `/v3x` or `/files`).
/// Next-page links (`Pagination`) and downloads (`APIClient.download`) both follow it.
enum ServerScope {
    /// The percent-encoded path of `url` after the server URL's path (starting with `/`), or nil
    /// when `url` is not under `serverURL`.
    static func relativePath(of url: URL, under serverURL: URL) -> String? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let server = URLComponents(url: serverURL, resolvingAgainstBaseURL: true)
        else { return nil }
        var basePath = server.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let path = components.percentEncodedPath
        guard components.scheme?.lowercased() == server.scheme?.lowercased(),
              components.host?.lowercased() == server.host?.lowercased(),
              (components.port ?? defaultPort(components.scheme)) == (server.port ?? defaultPort(server.scheme)),
              path.hasPrefix(basePath), path.dropFirst(basePath.count).hasPrefix("/")
        else { return nil }
        return String(path.dropFirst(basePath.count))
    }

    private static func defaultPort(_ scheme: String?) -> Int? {
        switch scheme?.lowercased() {
        case "http": 80
        case "https": 443
        default: nil
        }
    }
}
