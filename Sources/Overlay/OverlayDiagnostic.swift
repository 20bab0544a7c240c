import YAML

/// A problem found reading or applying an overlay. Overlay is a stage of its own between the YAML
/// reader and the OpenAPI reader, so it reports in its own small value (the caller turns it into
/// the pipeline's `Diagnostic`); it never depends on the OpenAPI model it comes before.
public struct OverlayDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case warning, error
    }

    public var severity: Severity
    public var message: String
    /// In the overlay file (its own marks), or in the description for what a copy reads.
    public var mark: Mark
    /// Where in the overlay, as a JSON pointer: `#/actions/2/target`.
    public var pointer: String?
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at mark: Mark, pointer: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.pointer = pointer
        self.hint = hint
    }

    /// `file:line:column: error: message [#/pointer]` and the hint, as the CLI prints diagnostics.
    public var description: String {
        var text = "\(mark): \(severity.rawValue): \(message)"
        if let pointer { text += " [\(pointer)]" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension Array where Element == OverlayDiagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
