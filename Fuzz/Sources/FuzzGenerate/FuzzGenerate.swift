import ClientGenCore
import YAML

/// One input through the YAML reader (default and tiny limits) and the whole generator (OpenAPI
/// reader, translator, renderer). Any crash, hang or runaway allocation is a bug.
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 || start == nil ? [] : Array(UnsafeBufferPointer(start: start, count: count))
    // Tiny limits exercise every limit's error path on small inputs.
    _ = try? YAMLParser.parse(
        bytes, file: "fuzz.yaml", limits: YAMLLimits(maxDepth: 8, maxAliasExpansions: 64, maxBytes: 4096))
    let result = Generator.generate(spec: bytes, options: GeneratorOptions(moduleName: "FuzzAPI", specPath: "fuzz.yaml"))
    // Printing diagnostics is part of the user-visible path too.
    for diagnostic in result.diagnostics { _ = diagnostic.description }
    return 0
}

/// libFuzzer's entry point, for drivers that look it up by name.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOne(start, count)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links executables with `main` aliased to `<Module>_main`, which would hide libFuzzer's
/// own `main`; so this is `main`, and it hands control to libFuzzer's driver.
@_cdecl("FuzzGenerate_main")
public func fuzzGenerateMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { start, count in fuzzOne(start, count) }
}
