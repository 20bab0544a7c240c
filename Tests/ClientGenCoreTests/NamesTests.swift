@testable import ClientGenCore
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

    @Test func scopeSuffixesCollisionsInOrder() {
        var scope = NameScope(reserved: ["status"])
        #expect(scope.claim("status") == "status2")
        #expect(scope.claim("status") == "status3")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }
}
