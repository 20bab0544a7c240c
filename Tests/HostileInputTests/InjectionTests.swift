import ClientGenCore
import Foundation
import Testing

/// Spec text can never break out of a comment, a string literal or an identifier: checked on the
/// exact generated text, and by compiling and running the generated module (Fixtures/nasty.yaml).
@Suite struct InjectionTests {
    static let nastyBytes: [UInt8] = {
        let url = packageRoot.appendingPathComponent("Tests/HostileInputTests/Fixtures/nasty.yaml")
        return Array(FileManager.default.contents(atPath: url.path)!)
    }()

    static let nasty: GenerationResult = generate(nastyBytes, module: "NastyAPI")

    func file(_ path: String) -> String {
        Self.nasty.files.first { $0.path == path }?.contents ?? "<no \(path)>"
    }

    func lines(_ path: String) -> [String] {
        file(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func nastySpecGeneratesWithoutErrors() {
        #expect(!Self.nasty.diagnostics.hasErrors, "\(summaries(Self.nasty.diagnostics))")
        #expect(Self.nasty.files.map(\.path) == [
            "Models/EvilName.swift", "Models/Mode.swift", "Models/Thing.swift", "Nasty+Client.swift",
            "Operations/TagX+Requests.swift",
        ])
    }

    @Test func noGeneratedLineHoldsABidiControlOrAStrayControlCharacter() {
        for file in Self.nasty.files {
            for scalar in file.contents.unicodeScalars {
                let value = scalar.value
                #expect(!(value < 0x20 && value != 0x0A) && value != 0x7F && !(0x80...0x9F).contains(value), "\(file.path)")
                #expect(![0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value) && !(0x202A...0x202E).contains(value)
                    && !(0x2066...0x2069).contains(value), "\(file.path): U+\(String(value, radix: 16))")
                #expect(value != 0x200D, "zero-width joiner in \(file.path)")
            }
        }
    }

    @Test func everyCommentLineStaysAComment() {
        // Outside string literals, a line starting with `///` is a comment; the descriptions'
        // newlines must have become separate `///` lines, not code.
        let client = lines("Nasty+Client.swift")
        #expect(Array(client[6...12]) == [
            ##"/// Nasty */ """ \(boom) ` #"  evil (version 1 */)"##,
            "///",
            "/// line one",
            ##"/// */ /* """ \(x) `x` #"x"#"##,
            "/// evil   end",
            "/// last",
            "public enum Nasty {",
        ])
        #expect(lines("Models/EvilName.swift")[6] == "/// - Remark: Generated from `#/components/schemas/EvilName *~1`.")
    }

    @Test func stringLiteralsAreEscaped() {
        let requests = file("Operations/TagX+Requests.swift")
        #expect(requests.contains(##"qX: String? = "\"\"\"\\(x)#\"`*/\n\u{0}\u{202e}""##))
        #expect(requests.contains(#"mode: Mode? = .unknown("\"\"\"\\(x)")"#))
        #expect(requests.contains(##".append("q\"\\(x)`#\"", qX)"##))
        #expect(requests.contains(#".append("X-Trace\"\\(x)", xTraceX)"#))
        #expect(requests.contains(#"operationID: "get\"Item\\(x)`\u{202e}","#))
        #expect(file("Nasty+Client.swift").contains(
            ##"public static let defaultServerURL: URL = URL(string: "https://api.example.com/v1?q=\"\\(x)#\"")!"##))
        #expect(file("Nasty+Client.swift").contains(
            #".apiKey(scheme: "key\"\\(x)", name: "X-Key\"\\(x)", in: .header, value: value)"#))
    }

    @Test func enumRawValuesAreEscapedAndCaseNamesAreIdentifiers() {
        let mode = lines("Models/Mode.swift")
        for expected in [
            #"        case "\"\"\"": self = .value"#, #"        case "\\(x)": self = .x"#,
            #"        case "`": self = .value2"#, ##"        case "#\"": self = .value3"##,
            #"        case "a\nb": self = .aB"#, #"        case "\u{0}": self = .value6"#,
            #"        case "\u{202e}evil": self = .evil"#, #"        case "a\u{200d}b": self = .ab"#,
            #"        case "self": self = .self_"#, #"        case "init": self = .`init`"#,
            #"        case "default": self = .`default`"#, #"        case "unknown": self = .unknown2"#,
        ] {
            #expect(mode.contains(expected), "\(expected)")
        }
    }

    @Test func propertyNamesAreIdentifiersAndWireNamesAreEscaped() {
        let thing = lines("Models/Thing.swift")
        for expected in [
            #"        self.x = try container.decode(String.self, forKey: "\"\\(x)")"#,
            #"        self.backtick = try container.decodeIfPresent(Int.self, forKey: "`backtick`")"#,
            ##"        self.raw = try container.decodeIfPresent(Bool.self, forKey: "#\"raw\"#")"##,
            #"        self.self_ = try container.decodeIfPresent(String.self, forKey: "self")"#,
            #"        self.ab = try container.decodeIfPresent(String.self, forKey: "a\u{200d}b")"#,
            #"        try container.encodeIfPresent(self.xY, forKey: "x\u{202e}y")"#,
            "    public var \u{5F}\u{345}x: String?",
        ] {
            #expect(thing.contains(expected), "\(expected)")
        }
    }

    @Test func namesDropInvisibleAndInvalidScalars() {
        #expect(Names.memberName("a\u{200D}b") == "ab")
        #expect(Names.memberName("x\u{202E}y") == "xY")
        #expect(Names.memberName("\u{345}x") == "_\u{345}x")
        #expect(Names.memberName("self") == "self_")
        #expect(Names.memberName("\u{FEFF}id") == "id")
        #expect(Names.typeName("Evil\u{202E}Name */") == "EvilName")
        #expect(Names.typeName("\u{2066}") == "Value")
    }

    @Test func nonFiniteDefaultsAreSwiftExpressions() {
        let result = generate(spec("""
            paths:
              /n:
                get:
                  operationId: n
                  parameters:
                    - {name: a, in: query, schema: {type: number, default: .nan}}
                    - {name: b, in: query, schema: {type: number, format: float, default: -.inf}}
                    - {name: c, in: query, schema: {type: number, default: .inf}}
                  responses: {'204': {description: none}}
            """))
        let requests = result.files.first { $0.path.hasPrefix("Operations/") }?.contents ?? ""
        #expect(requests.contains("a: Double? = .nan, b: Float? = -.infinity, c: Double? = .infinity"), "\(requests)")
    }

    /// Builds the generated module with ClientRuntime in a scratch package and runs a program that
    /// round-trips the nasty values. Slow (a `swift build`), so it is one test.
    @Test(.timeLimit(.minutes(10))) func generatedModuleCompilesAndMeansWhatTheSpecSays() throws {
        let package = packageRoot.appendingPathComponent(".build-hostile/injection-package")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: package.appendingPathComponent("Sources/NastyAPI"))
        for folder in ["Sources/NastyAPI", "Sources/Check"] {
            try fileManager.createDirectory(at: package.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func write(_ text: String, _ path: String) throws {
            let url = package.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fileManager.contents(atPath: url.path) != Data(text.utf8) { try Data(text.utf8).write(to: url) }
        }
        try write("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "InjectionCheck",
                platforms: [.macOS(.v13)],
                targets: [
                    .target(name: "ClientRuntime"),
                    .target(name: "NastyAPI", dependencies: ["ClientRuntime"]),
                    .executableTarget(name: "Check", dependencies: ["NastyAPI"]),
                ],
                swiftLanguageModes: [.v6]
            )
            """, "Package.swift")
        for file in Self.nasty.files { try write(file.contents, "Sources/NastyAPI/" + file.path) }
        // A copy of the runtime (not a link), so edits made meanwhile cannot disturb the build.
        let runtime = packageRoot.appendingPathComponent("Sources/ClientRuntime")
        let runtimeCopy = package.appendingPathComponent("Sources/ClientRuntime")
        let runtimeFiles = try fileManager.contentsOfDirectory(atPath: runtime.path).filter { $0.hasSuffix(".swift") }
        for name in runtimeFiles {
            let text = String(decoding: fileManager.contents(atPath: runtime.appendingPathComponent(name).path) ?? Data(), as: UTF8.self)
            try write(text, "Sources/ClientRuntime/" + name)
        }
        for name in try fileManager.contentsOfDirectory(atPath: runtimeCopy.path) where !runtimeFiles.contains(name) {
            try fileManager.removeItem(at: runtimeCopy.appendingPathComponent(name))
        }
        try write(Self.checkProgram, "Sources/Check/main.swift")

        let build = try run(["swift", "build", "--package-path", package.path,
                             "--scratch-path", package.appendingPathComponent(".build").path])
        #expect(build.status == 0, "\(build.output)")
        guard build.status == 0 else { return }
        let check = try run([package.appendingPathComponent(".build/debug/Check").path])
        #expect(check.status == 0)
        #expect(check.output.split(separator: "\n").map(String.init) == [
            "enum round trips: 17 of 17 known cases",
            #"unknown stays unknown: "\u{202e}other""#,
            #"thing: x="v" backtick=1 raw=true self_="s" ab="zwj" xY="bidi""#,
            ##"thing encodes back to: ["\"\\(x)", "#\"raw\"#", "`backtick`", "a\\u{200d}b", "self", "x\\u{202e}y"]"##,
            // The spec's own path text is percent-encoded too, so the request is valid and means that path.
            ##"path: /items/..%2Fa%2Fb%3Fc%23d/%22%5C(x)%23%22/%60"##,
            ##"default query: q"\(x)`#" = """\(x)#"`*/\n\u{0}\u{202e}"##,
            #"operationID: get"Item\(x)`\u{202e}"#,
            ##"server: https://api.example.com/v1?q=%22%5C(x)#%22"##,
        ])
    }

    /// Runs a command, returning its exit status and combined output.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self))
    }

    static let checkProgram = #"""
        import Foundation
        import NastyAPI

        /// Shows a string with every invisible or control scalar as \u{…}, so the output is comparable.
        func show(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                if scalar == "\n" { out += "\\n" }
                else if scalar.value < 0x20 || scalar.properties.generalCategory == .format { out += "\\u{" + String(scalar.value, radix: 16) + "}" }
                else { out.unicodeScalars.append(scalar) }
            }
            return out
        }

        let raws = ["\"\"\"", "\\(x)", "`", "#\"", "\"#", "*/", "a\nb", "\u{0}", "\u{202E}evil", "a\u{200D}b",
                    "self", "init", "Type", "default", "_", "unknown", ""]
        var known = 0
        for raw in raws {
            let mode = Mode(rawValue: raw)
            let back = try JSONDecoder().decode(Mode.self, from: JSONEncoder().encode(mode))
            if case .unknown = mode { continue }
            if back == mode, back.rawValue == raw { known += 1 }
        }
        print("enum round trips: \(known) of \(raws.count) known cases")
        if case .unknown(let other) = Mode(rawValue: "\u{202E}other") { print("unknown stays unknown: \"\(show(other))\"") }

        let json = ##"{"\"\\(x)": "v", "`backtick`": 1, "#\"raw\"#": true, "self": "s", "a\u200Db": "zwj", "x\u202Ey": "bidi"}"##
        let thing = try JSONDecoder().decode(Thing.self, from: Data(json.utf8))
        print("thing: x=\"\(thing.x)\" backtick=\(thing.backtick!) raw=\(thing.raw!) self_=\"\(thing.self_!)\" ab=\"\(thing.ab!)\" xY=\"\(thing.xY!)\"")
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(thing)) as! [String: Any]
        print("thing encodes back to: [\(encoded.keys.sorted().map { "\"" + show($0).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", "))]")

        let request = Nasty.getItemX(id: "../a/b?c#d")
        print("path: \(request.path)")
        let item = request.query.items[0]
        print("default query: \(item.name) = \(show(item.value))")
        print("operationID: \(show(request.operationID))")
        print("server: \(Nasty.defaultServerURL.absoluteString)")
        """#
}
