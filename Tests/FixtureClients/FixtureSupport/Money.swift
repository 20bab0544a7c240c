import Foundation

/// A user's own type that ClientOptionsAPI uses in place of the `Money` schema (`typeOverrides`):
/// an exact decimal amount that travels as a string with two decimals (`"12.50"`).
public struct Money: Codable, Hashable, Sendable {
    public var amount: Decimal

    public init(_ amount: Decimal) { self.amount = amount }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an amount: \(text)"))
        }
        self.amount = amount
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        formatter.minimumIntegerDigits = 1
        formatter.usesGroupingSeparator = false
        try container.encode(formatter.string(from: rounded as NSDecimalNumber) ?? "\(rounded)")
    }
}
