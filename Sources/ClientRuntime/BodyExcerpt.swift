import Foundation

enum BodyExcerpt {
    /// The first `limit` bytes as text (invalid UTF-8 repaired), with `…` when cut.
    static func make(_ data: Data, limit: Int = 200) -> String {
        let text = String(decoding: data.prefix(limit), as: UTF8.self)
        return data.count > limit ? text + "…" : text
    }
}
