import OpenAPI
import Overlay
import YAML

/// An overlay to apply to a description before it is read: its bytes and its path as diagnostics show it.
public struct OverlaySource: Hashable, Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension Generator {
    /// Reads a description with overlays applied: YAML nodes → each overlay in order → `OpenAPIReader`.
    /// Every overlay is parsed with its own file name, so a value it sets is reported at the overlay's
    /// line:column; its bytes join the sources for the caret snippets, and its path joins the inputs.
    /// A problem in an overlay (or an action that cannot apply) stops before the reader runs.
    public static func read(
        spec bytes: [UInt8], file: String, overlays: [OverlaySource], files: ReferencedFiles = .none
    ) -> ReadResult {
        guard !overlays.isEmpty else { return OpenAPIReader.read(bytes: bytes, file: file, files: files) }
        var root: Node
        do {
            root = try YAMLParser.parse(bytes, file: file)
        } catch {
            return ReadResult(document: nil, diagnostics: [Diagnostic(error)])
        }
        let overlaySources = overlays.map { SourceFile(path: $0.path, displayPath: $0.path, bytes: $0.bytes) }
        var diagnostics: [Diagnostic] = []
        for overlay in overlays {
            let node: Node
            do {
                node = try YAMLParser.parse(overlay.bytes, file: overlay.path)
            } catch {
                diagnostics.append(Diagnostic(error))
                continue
            }
            let (document, readDiagnostics) = OverlayDocument.read(node)
            diagnostics += readDiagnostics.map(Diagnostic.init)
            guard let document else { continue }
            let (applied, applyDiagnostics) = document.apply(to: root)
            diagnostics += applyDiagnostics.map(Diagnostic.init)
            root = applied
        }
        let specSource = SourceFile(path: file.split(separator: "/").last.map(String.init) ?? file, displayPath: file, bytes: bytes)
        if diagnostics.hasErrors {
            OpenAPIReader.attachSourceLines(&diagnostics, sources: [specSource] + overlaySources)
            return ReadResult(document: nil, diagnostics: diagnostics, sources: [specSource] + overlaySources)
        }
        var read = OpenAPIReader.read(root: root, source: bytes, file: file, files: files)
        read.sources += overlaySources
        // File by file as the reader orders them, the overlays after the description's own files
        // (in the order they were given), so an overlay's warnings and the reader's findings about
        // the values it set read top to bottom together.
        let order = Dictionary(read.sources.enumerated().map { ($1.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = (diagnostics + read.diagnostics).enumerated().sorted { lhs, rhs in
            func key(_ item: (offset: Int, element: Diagnostic)) -> (Int, Int, Int, Int) {
                (order[item.element.mark?.file ?? ""] ?? 0, item.element.mark?.line ?? 0, item.element.mark?.column ?? 0, item.offset)
            }
            return key(lhs) < key(rhs)
        }.map(\.element)
        read.diagnostics = sorted
        OpenAPIReader.attachSourceLines(&read.diagnostics, sources: read.sources)
        return read
    }

    /// `generate(spec:options:files:)` with overlays applied first.
    public static func generate(
        spec bytes: [UInt8], overlays: [OverlaySource], options: GeneratorOptions, files: ReferencedFiles = .none
    ) -> GenerationResult {
        generate(read: read(spec: bytes, file: options.specPath, overlays: overlays, files: files), options: options)
    }
}

extension Diagnostic {
    /// An overlay's problem as the pipeline prints it.
    public init(_ overlay: OverlayDiagnostic) {
        let severity: Severity = overlay.severity == .error ? .error : .warning
        self.init(severity, overlay.message, at: overlay.mark, pointer: overlay.pointer, hint: overlay.hint)
    }
}
