import Overlay
import Testing
import YAML

/// Overlay documents read from YAML and applied to a description: the actions' semantics, their
/// order, and where every problem is reported (in the overlay file, at the value to change).
@Suite struct OverlayTests {
    static let overlayFile = "fix.overlay.yaml"

    struct Applied {
        var root: Node
        var diagnostics: [String]
        var text: String { flow(root) }
    }

    func apply(_ overlay: String, to spec: String) throws -> Applied {
        let specRoot = try YAMLParser.parse(spec, file: "openapi.yaml")
        let (document, readDiagnostics) = OverlayDocument.read(try YAMLParser.parse(overlay, file: Self.overlayFile))
        guard let document else { return Applied(root: specRoot, diagnostics: readDiagnostics.map(\.description)) }
        let (root, diagnostics) = document.apply(to: specRoot)
        return Applied(root: root, diagnostics: (readDiagnostics + diagnostics).map(\.description))
    }

    /// Errors the overlay has before anything is applied.
    func readErrors(_ overlay: String) throws -> [String] {
        let (document, diagnostics) = OverlayDocument.read(try YAMLParser.parse(overlay, file: Self.overlayFile))
        #expect(document == nil)
        return diagnostics.map(\.description)
    }

    static let spec = """
        openapi: 3.1.0
        info:
          title: Leads
          version: '1'
          x-limits: {daily: 10}
        tags: [leads, internal]
        paths:
          /leads/move:
            post:
              operationId: moveLeads
              parameters:
                - {name: id, in: query}
                - {name: dummy, in: query}
                - {name: dummy, in: header}
          /internal:
            get: {operationId: internalThing}
        """

    // MARK: update

    @Test func updateMergesMappingsKeyByKeyAndTheNewValuesKeepTheOverlaysMarks() throws {
        let applied = try apply("""
            overlay: 1.0.0
            info: {title: Fix the leads API, version: 1.0.0}
            actions:
              - target: $.info
                update:
                  title: Leads API
                  x-limits: {monthly: 100}
                  contact: {name: Sales}
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(flow(applied.root["info"]!) == "{title: Leads API, version: 1, x-limits: {daily: 10, monthly: 100}, contact: {name: Sales}}")
        #expect(applied.root["info"]?["title"]?.mark == Mark(file: Self.overlayFile, line: 6, column: 14))
        #expect(applied.root["info"]?["contact"]?["name"]?.mark == Mark(file: Self.overlayFile, line: 8, column: 23))
        #expect(applied.root["info"]?["version"]?.mark == Mark(file: "openapi.yaml", line: 4, column: 12))
        #expect(applied.root["info"]?["x-limits"]?["daily"]?.mark.file == "openapi.yaml")
    }

    @Test func updateOnASequenceAppendsAValueAndConcatenatesASequence() throws {
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Tags, version: 1.0.0}
            actions:
              - target: $.tags
                update: beta
              - target: $.tags
                update: [gamma, delta]
              - target: $.paths['/leads/move'].post.parameters
                update: {name: limit, in: query}
              - target: $.info
                update: {x-list: [1]}
              - target: $.info
                update: {x-list: [2, 3]}
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(flow(applied.root["tags"]!) == "[leads, internal, beta, gamma, delta]")
        #expect(applied.root["paths"]?["/leads/move"]?["post"]?["parameters"]?.sequence?.last.map(flow) == "{name: limit, in: query}")
        #expect(flow(applied.root["info"]!["x-list"]!) == "[1, 2, 3]")
    }

    @Test func updateReplacesAScalarTarget() throws {
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Rename, version: 1.0.0}
            actions:
              - target: $.paths.*.*.operationId
                update: renamed
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(try JSONPath("$..operationId").nodelist(in: applied.root).map { $0.node.scalar } == ["renamed", "renamed"])
    }

    @Test func theLegacyFilterFormTargetsAnOperationByItsId() throws {
        let applied = try apply("""
            overlay: 1.0.0
            info: {title: Ids, version: 1.0.0}
            actions:
              - target: $.paths[*][?(@.operationId == 'moveLeads')]
                update: {operationId: moveLeadsToCampaign, x-job-status: {operation: getJob}}
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        let post = try #require(applied.root["paths"]?["/leads/move"]?["post"])
        #expect(post["operationId"]?.scalar == "moveLeadsToCampaign")
        #expect(post["operationId"]?.mark == Mark(file: Self.overlayFile, line: 5, column: 27))
        #expect(post["x-job-status"]?["operation"]?.scalar == "getJob")
    }

    // MARK: remove

    @Test func removeTakesTargetsOutOfTheirMappingOrSequence() throws {
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Trim, version: 1.0.0}
            actions:
              - target: $.paths['/internal']
                remove: true
              - target: $.paths.*.*.parameters[?@.name == 'dummy']
                remove: true
              - target: $.tags[?@ == 'internal']
                remove: true
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(applied.root["paths"]?.mapping?.map { $0.key.scalar } == ["/leads/move"])
        #expect(flow(applied.root["paths"]!["/leads/move"]!["post"]!["parameters"]!) == "[{name: id, in: query}]")
        #expect(flow(applied.root["tags"]!) == "[leads]")
    }

    @Test func removingANodeAndItsDescendantTogetherWorks() throws {
        let applied = try apply("""
            overlay: 1.0.0
            info: {title: Trim, version: 1.0.0}
            actions:
              - target: $..[?@.name == 'dummy' || @.operationId == 'moveLeads']
                remove: true
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(flow(applied.root["paths"]!["/leads/move"]!) == "{}")
    }

    // MARK: copy

    /// The move example of Overlay 1.1.0: ensure the target exists, copy into it, remove the source.
    @Test func copyMergesTheSourceIntoTheTargetAndMovesAPathWithRemove() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Example API, version: 1.0.0}
            paths:
              /items:
                get:
                  responses: {'200': {description: OK}}
              /some-items:
                delete:
                  responses: {'200': {description: OK}}
            """
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Update the path for an API endpoint, version: 1.0.0}
            actions:
              - target: '$.paths'
                update: { "/new-items": {} }
              - target: '$.paths["/new-items"]'
                copy: '$.paths["/items"]'
              - target: '$.paths["/some-items"]'
                copy: '$.paths["/items"]'
              - target: '$.paths["/items"]'
                remove: true
            """, to: spec)
        #expect(applied.diagnostics == [])
        #expect(flow(applied.root["paths"]!) == """
            {/some-items: {delete: {responses: {200: {description: OK}}}, get: {responses: {200: {description: OK}}}}, \
            /new-items: {get: {responses: {200: {description: OK}}}}}
            """)
        // Copied nodes keep the marks of the text they were copied from.
        #expect(applied.root["paths"]?["/new-items"]?["get"]?.mark == Mark(file: "openapi.yaml", line: 6, column: 7))
    }

    @Test func copyNeedsExactlyOneSourceNode() throws {
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Copy, version: 1.0.0}
            actions:
              - target: $.info
                copy: $.paths.*
              - target: $.info
                copy: $.components
            """, to: Self.spec)
        #expect(applied.diagnostics == [
            """
            fix.overlay.yaml:5:11: error: 'copy' must select exactly one node; '$.paths.*' selects 2 nodes [#/actions/0/copy]
              hint: narrow the query to one node, e.g. by name or index
            """,
            """
            fix.overlay.yaml:7:11: error: 'copy' must select exactly one node; '$.components' selects nothing [#/actions/1/copy]
              hint: check the query against the description (as the earlier actions left it)
            """,
        ])
    }

    @Test func copyIsAnOverlay11Action() throws {
        #expect(try readErrors("""
            overlay: 1.0.0
            info: {title: Copy, version: 1.0.0}
            actions:
              - target: $.info
                copy: $.paths
            """) == [
            """
            fix.overlay.yaml:5:11: error: 'copy' is an Overlay 1.1 action; this overlay declares 1.0 [#/actions/0/copy]
              hint: change the first line to `overlay: 1.1.0`
            """
        ])
    }

    // MARK: order and no-match

    @Test func actionsApplyInOrderEachToThePreviousResult() throws {
        let applied = try apply("""
            overlay: 1.0.0
            info: {title: Replace, version: 1.0.0}
            actions:
              - target: $.info['x-limits']
                remove: true
              - target: $.info
                update: {x-limits: [1, 2]}
              - target: $.info['x-limits']
                update: 3
            """, to: Self.spec)
        #expect(applied.diagnostics == [])
        #expect(flow(applied.root["info"]!["x-limits"]!) == "[1, 2, 3]")
    }

    @Test func aTargetThatMatchesNothingIsAWarningAtTheTarget() throws {
        let applied = try apply("""
            overlay: 1.0.0
            info: {title: Missing, version: 1.0.0}
            actions:
              - target: $.paths['/leads/move'].get
                update: {summary: Move}
              - target: $.webhooks
                remove: true
            """, to: Self.spec)
        #expect(applied.diagnostics == [
            """
            fix.overlay.yaml:4:13: warning: target '$.paths['/leads/move'].get' matches nothing; the action changes nothing [#/actions/0/target]
              hint: '$.paths['/leads/move']' selects a node, but nothing in it matches the rest of the query
            """,
            """
            fix.overlay.yaml:6:13: warning: target '$.webhooks' matches nothing; the action changes nothing [#/actions/1/target]
              hint: check the names against the description (JSONPath names are case-sensitive; the overlay applies to the description as the earlier actions left it)
            """,
        ])
        #expect(applied.root == (try YAMLParser.parse(Self.spec, file: "openapi.yaml")))
    }

    // MARK: errors in the overlay

    @Test func anInvalidTargetIsReportedAtItsColumnInTheOverlay() throws {
        #expect(try readErrors("""
            overlay: 1.1.0
            info: {title: Bad, version: 1.0.0}
            actions:
              - target: $.paths[?@.operationId = 'x']
                remove: true
              - target: "$.paths.x-y"
                remove: true
              - target: '$[''a'', b]'
                remove: true
            """) == [
            """
            fix.overlay.yaml:4:36: error: 'target' is not a valid JSONPath query: unexpected '=' [#/actions/0/target]
              hint: compare with '=='
            """,
            """
            fix.overlay.yaml:6:22: error: 'target' is not a valid JSONPath query: a member name with '-' cannot follow '.' unquoted [#/actions/1/target]
              hint: write ['x-y']
            """,
            """
            fix.overlay.yaml:8:23: error: 'target' is not a valid JSONPath query: a name in brackets must be quoted [#/actions/2/target]
              hint: write ['b']
            """,
        ])
    }

    @Test func actionsWithoutTargetOrWithTwoChangesAreErrors() throws {
        #expect(try readErrors("""
            overlay: 1.1.0
            info: {title: Bad, version: 1.0.0}
            actions:
              - update: {summary: x}
              - target: $.info
                update: {title: x}
                remove: true
              - target: $.info
                remove: false
              - target: $.info
                updates: {title: x}
              - $.info
            """) == [
            """
            fix.overlay.yaml:4:5: error: the action is missing 'target' [#/actions/0]
              hint: add `target: $.…`, an RFC 9535 JSONPath selecting the nodes to change
            """,
            """
            fix.overlay.yaml:7:13: error: an action does one thing, this one has update and remove: true [#/actions/1]
              hint: split it into one action per change (actions apply in order)
            """,
            """
            fix.overlay.yaml:8:5: error: the action has no 'update', 'remove: true' or 'copy', so it would change nothing [#/actions/2]
              hint: add `update: …` to merge a value into the target, or `remove: true` to delete it
            """,
            """
            fix.overlay.yaml:11:5: error: unknown key 'updates' in an action [#/actions/3]
              hint: did you mean 'update'?
            """,
            """
            fix.overlay.yaml:10:5: error: the action has no 'update', 'remove: true' or 'copy', so it would change nothing [#/actions/3]
              hint: add `update: …` to merge a value into the target, or `remove: true` to delete it
            """,
            """
            fix.overlay.yaml:12:5: error: an action is a mapping with 'target' and one of update, remove or copy; found a scalar [#/actions/4]
              hint: write `- target: $.info` with `update: {…}` below it
            """,
        ])
    }

    @Test(arguments: [
        ("overlay: 2.0.0", "fix.overlay.yaml:1:10: error: overlay version '2.0.0' is not supported (ClientGen reads Overlay 1.0.x and 1.1.x) [#/overlay]\n  hint: ClientGen reads Overlay 1.0.x and 1.1.x; write `overlay: 1.1.0` (or 1.0.0) if the document follows one of them"),
        ("overlay: 1.1", "fix.overlay.yaml:1:10: error: overlay version '1.1' is not supported (ClientGen reads Overlay 1.0.x and 1.1.x) [#/overlay]\n  hint: write the full version: `overlay: 1.1.0`"),
        ("x-overlay: 1.0.0", "fix.overlay.yaml:1:1: error: the overlay is missing 'overlay' (the Overlay Specification version)\n  hint: start the file with `overlay: 1.1.0`"),
    ])
    func theVersionMustBeOneWeRead(_ firstLine: String, _ expected: String) throws {
        #expect(try readErrors("\(firstLine)\ninfo: {title: T, version: 1.0.0}\nactions: [{target: $, update: {}}]\n") == [expected])
    }

    @Test func aPatchVersionIsAccepted() throws {
        let (document, diagnostics) = OverlayDocument.read(try YAMLParser.parse(
            "overlay: 1.0.1\ninfo: {title: T, version: 1.0.0}\nextends: ./openapi.yaml\nactions: [{target: $, update: {}, x-note: ok}]\n",
            file: Self.overlayFile))
        #expect(diagnostics.isEmpty)
        #expect(document?.version == .v1_0)
        #expect(document?.extends == "./openapi.yaml")
    }

    @Test func infoAndActionsAreRequired() throws {
        #expect(try readErrors("overlay: 1.1.0\ninfo: {title: T}\nactions: []\n") == [
            "fix.overlay.yaml:2:7: error: 'info' is missing 'version' [#/info]\n  hint: add `version: 1.0.0`, the overlay's own version",
            "fix.overlay.yaml:3:10: error: 'actions' is empty [#/actions]\n  hint: an overlay lists at least one action: `- target: $.info` then `update: …`",
        ])
        #expect(try readErrors("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n") == [
            "fix.overlay.yaml:1:1: error: this is an OpenAPI description, not an overlay (it has no 'overlay' key)\n  hint: pass the description with --spec (or `spec:`) and the overlay file with --overlay (or `overlays:`)"
        ])
    }

    @Test func aValueThatCannotMergeIsAnErrorAtTheValueInTheOverlay() throws {
        let applied = try apply("""
            overlay: 1.1.0
            info: {title: Bad merge, version: 1.0.0}
            actions:
              - target: $.info
                update:
                  x-limits: [1]
              - target: $.info.title
                update: {text: x}
            """, to: Self.spec)
        #expect(applied.diagnostics == [
            """
            fix.overlay.yaml:6:17: error: update cannot merge a sequence into the mapping at $['info']['x-limits'] [#/actions/0/update]
              hint: a mapping merges into a mapping and a sequence appends to a sequence; to replace the mapping, remove it in an earlier action, then add the new value to its parent
            """,
            """
            fix.overlay.yaml:8:13: error: update cannot merge a mapping into the scalar at $['info']['title'] [#/actions/1/update]
              hint: a scalar is replaced only by a scalar; to put a mapping there, remove the value in an earlier action and add it to its parent
            """,
        ])
    }

    @Test func removingTheRootIsAnError() throws {
        let applied = try apply("overlay: 1.0.0\ninfo: {title: T, version: 1.0.0}\nactions: [{target: $, remove: true}]\n", to: Self.spec)
        #expect(applied.diagnostics == [
            "fix.overlay.yaml:3:20: error: 'remove' cannot remove the whole document ($) [#/actions/0/target]\n  hint: target the members to remove, e.g. $.paths['/internal']"
        ])
    }
}

/// A node as one line of flow YAML, scalars as written (without quotes), for comparing trees.
func flow(_ node: Node) -> String {
    switch node.content {
    case .scalar(let scalar): scalar.value
    case .sequence(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
    case .mapping(let pairs): "{" + pairs.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
    }
}
