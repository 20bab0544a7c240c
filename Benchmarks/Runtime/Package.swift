// swift-tools-version:6.0
// Runtime micro-benchmark: the generated BrevoAPI client vs a hand-written URLRequest + JSONDecoder.
// Built in release by `scripts/bench` (scratch folder .build-bench-runtime in the repository root).
import PackageDescription

let package = Package(
    name: "RuntimeBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ClientGen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "runtime-bench",
            dependencies: [.product(name: "BrevoAPI", package: "ClientGen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
