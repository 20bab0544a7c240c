/// An enumeration whose set of values may grow on the server: unknown raw values are kept
/// (conventionally in an `.unknown(String)` case) instead of failing to decode.
///
/// Conformers declare a non-failable `init(rawValue:)`; `Codable` then comes from the
/// standard library's `RawRepresentable` implementations, which encode and decode the raw value.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, ParameterValue
where RawValue: ParameterValue & Codable & Hashable & Sendable {
    init(rawValue: RawValue)
}

extension OpenEnum {
    public var parameterValue: String { rawValue.parameterValue }

    /// Values are equal when their raw values are: `.unknown("active")`, if built by hand, equals
    /// `.active`. Declared here so the compiler does not synthesise a case-by-case `==` and `hash`
    /// for every generated enum (some have hundreds of cases).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
