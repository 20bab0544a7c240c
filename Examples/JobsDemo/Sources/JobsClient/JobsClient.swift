// Everything else in this module is generated at build time by ClientGenPlugin from the specs listed
// in clientgen.yaml. SwiftPM skips a target that has no .swift file at all, before any plugin runs
// (swiftlang/swift-package-manager#8061), so a spec-only target needs this one file; it can stay empty.
@_exported import ClientRuntime
