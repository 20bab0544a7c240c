@testable import ClientGenCore
import Foundation
import Testing

@Suite struct NamesTests {
    @Test(arguments: [
        ("export_url", "exportURL"), ("processId", "processID"), ("in-progress", "inProgress"),
        ("SEARCH_EXPORT_USERS", "searchExportUsers"), ("default", "`default`"), ("200", "_200"),
        ("filter[type]", "filterType"), ("dataFields", "dataFields"), ("X-Request-ID", "xRequestID"),
        ("contactsIds", "contactsIDs"), ("", "value"),
    ])
    func memberNames(_ raw: String, _ expected: String) {
        #expect(Names.memberName(raw) == expected)
    }

    @Test(arguments: [
        ("SMS Campaigns", "SMSCampaigns"), ("getProcess", "GetProcess"), ("ErrorModel", "ErrorModel"),
        ("background-job", "BackgroundJob"), ("1st class", "_1stClass"), ("protocol", "Protocol"),
        ("Self", "Self_"),
    ])
    func typeNames(_ raw: String, _ expected: String) {
        #expect(Names.typeName(raw) == expected)
    }

    @Test func reservedTypeNamesAreKnown() {
        #expect(Names.isReservedTypeName("Error"))
        #expect(Names.isReservedTypeName("Process"))
        #expect(!Names.isReservedTypeName("GetProcess"))
    }

    /// Generated modules re-export ClientRuntime, so a component named like any of its public types
    /// (`Pagination`, `Job`, …) would shadow it in generated code; every one must be reserved.
    @Test func everyPublicRuntimeTypeIsReserved() throws {
        let folder = PackageRoot.url.appendingPathComponent("Sources/ClientRuntime")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let declaration = /^public (?:final )?(?:struct|enum|class|actor|protocol|typealias) ([A-Za-z_][A-Za-z0-9_]*)/
            .anchorsMatchLineEndings()
        var names: Set<String> = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: declaration) { names.insert(String(match.1)) }
        }
        #expect(names.count > 30)
        let missing = names.filter { !Names.isReservedTypeName($0) }.sorted()
        #expect(missing.isEmpty, "add to Names.runtimeTypeNames: \(missing)")
    }

    @Test func scopeSuffixesCollisionsInOrder() {
        var scope = NameScope(reserved: ["status"])
        #expect(scope.claim("status") == "status2")
        #expect(scope.claim("status") == "status3")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }
}
