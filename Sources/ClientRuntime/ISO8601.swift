import Foundation

/// ISO 8601 date-time formatting and parsing shared by parameters and JSON coding.
enum ISO8601 {
    private static let utc = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    /// Formats in UTC with a trailing `Z`. A fractional second is written rounded to the microsecond:
    /// three digits when it is whole milliseconds (`.678`), six otherwise (`.123456`), none when zero.
    /// Rounded, not truncated: `.678` is stored as 0.677999973… and must come back as `.678`.
    static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var whole = interval.rounded(.down)
        var micros = ((interval - whole) * 1_000_000).rounded()
        if micros >= 1_000_000 {
            whole += 1
            micros = 0
        }
        let seconds = Date(timeIntervalSince1970: whole).formatted(utc)
        guard micros > 0, seconds.hasSuffix("Z") else { return seconds }
        let value = Int(micros)
        let digits = value % 1000 == 0 ? padded(value / 1000, to: 3) : padded(value, to: 6)
        return seconds.dropLast() + "." + digits + "Z"
    }

    /// Parses a date-time with or without fractional seconds (any number of digits), with `Z` or a
    /// numeric offset; RFC 3339's lower-case `t` and `z` too. The fraction is added to the whole
    /// seconds exactly once, so `.1` is the `Date` nearest to it.
    static func date(from string: String) -> Date? {
        let text = string.uppercased()
        guard let dot = text.firstIndex(of: ".") else {
            return try? Date.ISO8601FormatStyle().parse(text)
        }
        let digitsEnd = text[text.index(after: dot)...].firstIndex { !$0.isASCII || !$0.isNumber } ?? text.endIndex
        let digits = text[text.index(after: dot)..<digitsEnd]
        guard !digits.isEmpty, let fraction = Double("0." + digits),
            let seconds = try? Date.ISO8601FormatStyle().parse(String(text[..<dot] + text[digitsEnd...]))
        else { return nil }
        return Date(timeIntervalSince1970: seconds.timeIntervalSince1970 + fraction)
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
