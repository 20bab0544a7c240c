import Foundation

/// ISO 8601 date-time formatting and parsing shared by parameters and JSON coding.
enum ISO8601 {
    /// Formats in UTC with a trailing `Z`; milliseconds appear only when the date has a fractional second.
    static func string(from date: Date) -> String {
        let hasFraction = date.timeIntervalSince1970.rounded(.down) != date.timeIntervalSince1970
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: hasFraction, timeZone: TimeZone(identifier: "UTC")!)
        return date.formatted(style)
    }

    /// Parses a date-time with or without fractional seconds, with `Z` or a numeric offset.
    static func date(from string: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(string)
    }
}
