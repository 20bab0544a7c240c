// swift-tools-version:6.0
// The libFuzzer harness, kept out of the main package so `swift build`/`swift test` never compile it.
// The generator's sources are symlinked (Sources/YAML → ../../Sources/YAML, …) so this package has no
// dependencies to resolve. Build and run it with `scripts/fuzz`, which adds -sanitize=fuzzer,address.
import PackageDescription

let package = Package(
    name: "ClientGenFuzz",
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "OpenAPI", dependencies: ["YAML"]),
        .target(name: "ClientGenCore", dependencies: ["OpenAPI"]),
        .executableTarget(name: "FuzzGenerate", dependencies: ["ClientGenCore", "YAML"]),
    ],
    swiftLanguageModes: [.v6]
)
