import Foundation
import OpenAPI

extension Translator {
    /// The API's namespace: server URLs and one credential factory per security scheme.
    mutating func clientNamespace(_ name: String, members scope: inout NameScope) -> Namespace {
        var members: [Declaration] = []
        for (index, server) in document.servers.enumerated() {
            let url = server.defaultURL
            guard URL(string: url) != nil, !url.isEmpty else {
                diagnostics.append(
                    Diagnostic(.warning, "server URL '\(url)' is not a valid URL; skipped",
                               pointer: JSONPointer.root.appending("servers").appending(index).description))
                continue
            }
            let memberName = scope.claim(index == 0 ? "defaultServerURL" : "serverURL\(index + 1)")
            var lines = DocText.lines(server.description)
            lines.append(contentsOf: DocText.lines("`\(url)`"))
            members.append(.serverURL(ServerURL(doc: DocComment(lines: lines), name: memberName, url: url)))
        }
        for scheme in document.components.securitySchemes {
            let kind: CredentialFactory.Kind
            switch scheme.kind {
            case .apiKey(let parameter, let location): kind = .apiKey(name: parameter, location: location.rawValue)
            case .httpBearer, .oauth2, .openIDConnect: kind = .bearer
            case .httpBasic: kind = .basic
            case .other: continue
            }
            let doc = DocText.comment(
                [DocText.lines(scheme.description),
                 ["- Remark: Generated from `#/components/securitySchemes/\(scheme.name)`."]])
            members.append(
                .credentialFactory(
                    CredentialFactory(doc: doc, functionName: scope.claim(Names.memberName(scheme.name)),
                                      scheme: scheme.name, kind: kind)))
            if case .oauth2(let flow?) = scheme.kind {
                // A relative tokenUrl is resolved against the first server's URL (OpenAPI 3.1 §4.3).
                let base = document.servers.first.flatMap { URL(string: $0.defaultURL) }
                guard let url = URL(string: flow.tokenURL, relativeTo: base)?.absoluteURL, url.scheme != nil, url.host != nil else {
                    diagnostics.append(Diagnostic(
                        .warning, "the client credentials tokenUrl '\(flow.tokenURL)' of '\(scheme.name)' is not a URL, or is relative with no server URL to resolve it against; no client credentials factory is generated",
                        at: flow.mark, pointer: "#/components/securitySchemes/\(scheme.name)/flows/clientCredentials/tokenUrl",
                        hint: "write the full URL, e.g. https://auth.example.com/oauth/token"))
                    continue
                }
                let scopes = flow.scopes.isEmpty ? [] : ["Scopes it offers: " + flow.scopes.map { "`\($0)`" }.joined(separator: ", ") + "."]
                let flowDoc = DocText.comment([
                    ["OAuth 2 client credentials for `\(scheme.name)`: tokens are fetched from `\(url.absoluteString)`, cached until shortly before they expire, and refreshed once on 401; concurrent requests share one token request."],
                    DocText.lines(scopes.first),
                    ["- Remark: Generated from `#/components/securitySchemes/\(scheme.name)/flows/clientCredentials`."],
                ])
                members.append(.credentialFactory(CredentialFactory(
                    doc: flowDoc, functionName: scope.claim(Names.memberName(scheme.name) + "ClientCredentials"),
                    scheme: scheme.name, kind: .clientCredentials(tokenURL: url.absoluteString, scopes: flow.scopes))))
            }
        }
        var summary = DocText.lines(document.info.title)
        if !document.info.version.isEmpty { summary = summary.map { $0 + " (version \(document.info.version))" } }
        let doc = DocText.comment([summary, DocText.lines(document.info.summary), DocText.lines(document.info.description)])
        return Namespace(doc: doc, name: name, members: members)
    }
}
