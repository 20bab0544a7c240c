/// Which response statuses a declared response covers, as in an OpenAPI `responses` key.
public enum ResponseStatus: Hashable, Sendable {
    /// One exact status code, e.g. `404`.
    case code(Int)
    /// A class of codes by hundreds, e.g. `.range(4)` for `4XX`.
    case range(Int)
    /// Every status not covered by another entry.
    case `default`

    /// Whether `status` falls under this entry (`.default` matches everything).
    public func matches(_ status: Int) -> Bool {
        switch self {
        case .code(let code): code == status
        case .range(let hundreds): status / 100 == hundreds
        case .default: true
        }
    }

    /// Lower is more specific: exact, then range, then default.
    var precedence: Int {
        switch self {
        case .code: 0
        case .range: 1
        case .default: 2
        }
    }

    /// The most specific entry matching `status`, first declared among equals.
    static func bestMatch<Entry>(for status: Int, in entries: [Entry], by key: (Entry) -> ResponseStatus) -> Entry? {
        var best: (entry: Entry, precedence: Int)?
        for entry in entries {
            let candidate = key(entry)
            guard candidate.matches(status) else { continue }
            if best == nil || candidate.precedence < best!.precedence {
                best = (entry, candidate.precedence)
            }
        }
        return best?.entry
    }
}
