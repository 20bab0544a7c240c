import Overlay
import Testing
import YAML

/// RFC 9535's own examples (section 1.5 and the example tables of section 2), each document
/// written as YAML; results compared as normalized paths, in the RFC's nodelist order.
@Suite struct JSONPathTests {
    func paths(_ query: String, in yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let root = try YAMLParser.parse(yaml, file: "doc.yaml")
        return try JSONPath(query).nodelist(in: root).map(\.path.description)
    }

    static let bookstore = """
        store:
          book:
            - category: reference
              author: Nigel Rees
              title: Sayings of the Century
              price: 8.95
            - category: fiction
              author: Evelyn Waugh
              title: Sword of Honour
              price: 12.99
            - category: fiction
              author: Herman Melville
              title: Moby Dick
              isbn: 0-553-21311-3
              price: 8.99
            - category: fiction
              author: J. R. R. Tolkien
              title: The Lord of the Rings
              isbn: 0-395-19395-8
              price: 22.99
          bicycle:
            color: red
            price: 399
        """

    static let authors = (0..<4).map { "$['store']['book'][\($0)]['author']" }

    @Test(arguments: [
        ("$.store.book[*].author", authors),
        ("$..author", authors),
        ("$.store.*", ["$['store']['book']", "$['store']['bicycle']"]),
        ("$.store..price", (0..<4).map { "$['store']['book'][\($0)]['price']" } + ["$['store']['bicycle']['price']"]),
        ("$..book[2]", ["$['store']['book'][2]"]),
        ("$..book[-1]", ["$['store']['book'][3]"]),
        ("$..book[0,1]", ["$['store']['book'][0]", "$['store']['book'][1]"]),
        ("$..book[:2]", ["$['store']['book'][0]", "$['store']['book'][1]"]),
        ("$..book[?(@.isbn)]", ["$['store']['book'][2]", "$['store']['book'][3]"]),
        ("$..book[?(@.price<10)]", ["$['store']['book'][0]", "$['store']['book'][2]"]),
    ])
    func bookstore(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: Self.bookstore) == expected)
    }

    @Test func everythingInTheBookstore() throws {
        let all = try paths("$..*", in: Self.bookstore)
        #expect(all.count == 27)
        #expect(all.prefix(4) == ["$['store']", "$['store']['book']", "$['store']['bicycle']", "$['store']['book'][0]"])
        #expect(Set(all).count == all.count)
    }

    @Test func rootIdentifier() throws {
        #expect(try paths("$", in: "{k: v}") == ["$"])
    }

    @Test(arguments: [
        ("$.o['j j']['k.k']", ["$['o']['j j']['k.k']"]),
        ("$.o[\"j j\"][\"k.k\"]", ["$['o']['j j']['k.k']"]),
        ("$[\"'\"][\"@\"]", ["$['\\'']['@']"]),
        ("$['\\u006f']['j\\u0020j']", ["$['o']['j j']"]),
    ])
    func nameSelector(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "o: {j j: {k.k: 3}}\n\"'\": {\"@\": 2}\n") == expected)
    }

    @Test(arguments: [
        ("$[*]", ["$['o']", "$['a']"]),
        ("$.o[*]", ["$['o']['j']", "$['o']['k']"]),
        ("$.o[*, *]", ["$['o']['j']", "$['o']['k']", "$['o']['j']", "$['o']['k']"]),
        ("$.a[*]", ["$['a'][0]", "$['a'][1]"]),
        ("$.a.*", ["$['a'][0]", "$['a'][1]"]),
    ])
    func wildcardSelector(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "o: {j: 1, k: 2}\na: [5, 3]\n") == expected)
    }

    @Test(arguments: [("$[1]", ["$[1]"]), ("$[-2]", ["$[0]"]), ("$[2]", []), ("$[-3]", [])])
    func indexSelector(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "[a, b]") == expected)
    }

    @Test(arguments: [
        ("$[1:3]", [1, 2]),
        ("$[5:]", [5, 6]),
        ("$[1:5:2]", [1, 3]),
        ("$[5:1:-2]", [5, 3]),
        ("$[::-1]", [6, 5, 4, 3, 2, 1, 0]),
        ("$[:]", [0, 1, 2, 3, 4, 5, 6]),
        ("$[1:3:0]", []),
        ("$[-2:]", [5, 6]),
        ("$[ 0 : 7 : 3 ]", [0, 3, 6]),
    ])
    func sliceSelector(_ query: String, _ expected: [Int]) throws {
        #expect(try paths(query, in: "[a, b, c, d, e, f, g]") == expected.map { "$[\($0)]" })
    }

    /// RFC 9535 section 2.3.5.3's comparison table, each as `$[?comparison]`: true selects both members.
    @Test(arguments: [
        ("$.absent1 == $.absent2", true), ("$.absent1 <= $.absent2", true), ("$.absent == 'g'", false),
        ("$.absent1 != $.absent2", false), ("$.absent != 'g'", true), ("1 <= 2", true), ("1 > 2", false),
        ("13 == '13'", false), ("'a' <= 'b'", true), ("'a' > 'b'", false), ("$.obj == $.arr", false),
        ("$.obj != $.arr", true), ("$.obj == $.obj", true), ("$.obj != $.obj", false), ("$.arr == $.arr", true),
        ("$.arr != $.arr", false), ("$.obj == 17", false), ("$.obj != 17", true), ("$.obj <= $.arr", false),
        ("$.obj < $.arr", false), ("$.obj <= $.obj", true), ("$.arr <= $.arr", true), ("1 <= $.arr", false),
        ("1 >= $.arr", false), ("1 > $.arr", false), ("1 < $.arr", false), ("true <= true", true), ("true > true", false),
    ])
    func comparison(_ comparison: String, _ result: Bool) throws {
        #expect(try paths("$[?\(comparison)]", in: "obj: {x: y}\narr: [2, 3]\n").count == (result ? 2 : 0))
    }

    static let filterDocument = """
        a: [3, 5, 1, 2, 4, 6, {b: j}, {b: k}, {b: {}}, {b: kilo}]
        o: {p: 1, q: 2, r: 3, s: 5, t: {u: 6}}
        e: f
        """

    @Test(arguments: [
        ("$.a[?@.b == 'kilo']", ["$['a'][9]"]),
        ("$.a[?(@.b == 'kilo')]", ["$['a'][9]"]),
        ("$.a[?@>3.5]", ["$['a'][1]", "$['a'][4]", "$['a'][5]"]),
        ("$.a[?@.b]", ["$['a'][6]", "$['a'][7]", "$['a'][8]", "$['a'][9]"]),
        ("$[?@.*]", ["$['a']", "$['o']"]),
        ("$[?@[?@.b]]", ["$['a']"]),
        ("$.o[?@<3, ?@<3]", ["$['o']['p']", "$['o']['q']", "$['o']['p']", "$['o']['q']"]),
        ("$.a[?@<2 || @.b == \"k\"]", ["$['a'][2]", "$['a'][7]"]),
        ("$.a[?match(@.b, \"[jk]\")]", ["$['a'][6]", "$['a'][7]"]),
        ("$.a[?search(@.b, \"[jk]\")]", ["$['a'][6]", "$['a'][7]", "$['a'][9]"]),
        ("$.o[?@>1 && @<4]", ["$['o']['q']", "$['o']['r']"]),
        ("$.o[?@.u || @.x]", ["$['o']['t']"]),
        ("$.a[?(@.b == $.x)]", (0..<6).map { "$['a'][\($0)]" }),
        ("$.a[?(@ == @)]", (0..<10).map { "$['a'][\($0)]" }),
        ("$.a[?!@.b]", (0..<6).map { "$['a'][\($0)]" }),
        ("$.a[?!(@ < 5) && @ != 6]", ["$['a'][1]", "$['a'][6]", "$['a'][7]", "$['a'][8]", "$['a'][9]"]),
        ("$.a[?(@ > 1 && @ < 4) || @.b == 'j']", ["$['a'][0]", "$['a'][3]", "$['a'][6]"]),
        ("$.a[?@.b == $.e]", []),
        ("$.a[?@.b > 'j']", ["$['a'][7]", "$['a'][9]"]),
    ])
    func filterSelector(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: Self.filterDocument) == expected)
    }

    @Test(arguments: [
        ("$[0, 3]", ["$[0]", "$[3]"]),
        ("$[0:2, 5]", ["$[0]", "$[1]", "$[5]"]),
        ("$[0, 0]", ["$[0]", "$[0]"]),
    ])
    func childSegment(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "[a, b, c, d, e, f, g]") == expected)
    }

    static let everything = [
        "$['o']", "$['a']", "$['o']['j']", "$['o']['k']", "$['a'][0]", "$['a'][1]", "$['a'][2]",
        "$['a'][2][0]", "$['a'][2][1]", "$['a'][2][0]['j']", "$['a'][2][1]['k']",
    ]

    @Test(arguments: [
        ("$..j", ["$['o']['j']", "$['a'][2][0]['j']"]),
        ("$..[0]", ["$['a'][0]", "$['a'][2][0]"]),
        ("$..[*]", everything),
        ("$..*", everything),
        ("$..o", ["$['o']"]),
        ("$.o..[*, *]", ["$['o']['j']", "$['o']['k']", "$['o']['j']", "$['o']['k']"]),
        ("$.a..[0, 1]", ["$['a'][0]", "$['a'][1]", "$['a'][2][0]", "$['a'][2][1]"]),
    ])
    func descendantSegment(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "o: {j: 1, k: 2}\na: [5, 3, [{j: 4}, {k: 6}]]\n") == expected)
    }

    @Test(arguments: [
        ("$.a", ["$['a']"]), ("$.a[0]", []), ("$.a.d", []), ("$.b[0]", ["$['b'][0]"]), ("$.b[*]", ["$['b'][0]"]),
        ("$.b[?@]", ["$['b'][0]"]), ("$.b[?@==null]", ["$['b'][0]"]), ("$.c[?@.d==null]", []), ("$.null", ["$['null']"]),
    ])
    func nullSemantics(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "a: null\nb: [null]\nc: [{}]\n\"null\": 1\n") == expected)
    }

    @Test(arguments: [
        ("$[?length(@) == 1]", ["$[1]"]),
        ("$[?length(@) < 2]", ["$[1]"]),
        ("$[?length(@.name) == 3]", ["$[1]"]),
        ("$[?count(@.*) == 1]", ["$[1]"]),
        ("$[?value(@..color) == 'red']", ["$[3]"]),
        ("$[?match(@.name, 'b.b')]", ["$[1]"]),
        ("$[?search(@.name, 'o')]", ["$[1]"]),
        ("$[?!match(@.name, 'b.b')]", ["$[0]", "$[2]", "$[3]"]),
    ])
    func functionExtensions(_ query: String, _ expected: [String]) throws {
        #expect(try paths(query, in: "- ab\n- {name: bob}\n- [1, 2]\n- {x: {color: red}, y: [1]}\n") == expected)
    }

    /// YAML scalars compare by the YAML 1.2 core schema: quoted scalars are strings.
    @Test(arguments: [
        ("$.items[?@.v == 1]", [0, 3]),
        ("$.items[?@.v == '1']", [1]),
        ("$.items[?@.v == '1.0']", [2]),
        ("$.items[?@.v == true]", [4]),
        ("$.items[?@.v == 'true']", [5]),
        ("$.items[?@.v == null]", [6, 7]),
        ("$.items[?@.v == 'null']", [8]),
        ("$.items[?@.v < 2]", [0, 3]),
    ])
    func yamlScalarsCompareByTheCoreSchema(_ query: String, _ expected: [Int]) throws {
        let yaml = "items: [{v: 1}, {v: '1'}, {v: \"1.0\"}, {v: 1.0}, {v: true}, {v: 'true'}, {v: null}, {v: ~}, {v: 'null'}]"
        #expect(try paths(query, in: yaml) == expected.map { "$['items'][\($0)]" })
    }

    @Test func unquotedYAMLKeysAreNames() throws {
        #expect(try paths("$.responses['200'].description", in: "responses: {200: {description: OK}}") == ["$['responses']['200']['description']"])
    }

    @Test func normalizedPathsEscapeNames() throws {
        let root = try YAMLParser.parse("\"a'b\\\\c\\nd\\u0001\": 1", file: "doc.yaml")
        #expect(try JSONPath("$.*").nodelist(in: root).map(\.path.description) == ["$['a\\'b\\\\c\\nd\\u0001']"])
    }

    @Test func locationsAreInDocumentOrderWithoutDuplicates() throws {
        let root = try YAMLParser.parse("o: {j: 1, k: 2}\na: [5, 3, [{j: 4}, {k: 6}]]\n", file: "doc.yaml")
        #expect(try JSONPath("$..*").locations(in: root).map(\.description) == [
            "$['o']", "$['o']['j']", "$['o']['k']", "$['a']", "$['a'][0]", "$['a'][1]", "$['a'][2]",
            "$['a'][2][0]", "$['a'][2][0]['j']", "$['a'][2][1]", "$['a'][2][1]['k']",
        ])
        #expect(try JSONPath("$.a[1, 0, 1, -3]").locations(in: root).map(\.description) == ["$['a'][0]", "$['a'][1]"])
        #expect(try JSONPath("$.a[*][?@.j]").locations(in: root).map { root[$0]?["j"]?.scalar } == ["4"])
    }

    @Test func theLegacyFilterFormOfOverlaysIsValid() throws {
        let yaml = """
            paths:
              /leads/move: {post: {operationId: moveLeads}, get: {operationId: listMoves}}
              /leads: {get: {operationId: listLeads}}
            """
        #expect(try paths("$.paths[*][?(@.operationId == 'moveLeads')]", in: yaml) == ["$['paths']['/leads/move']['post']"])
        #expect(try paths("$.paths.*[?@.operationId == 'listLeads']", in: yaml) == ["$['paths']['/leads']['get']"])
    }

    // MARK: Errors

    func error(_ query: String) -> String? {
        do {
            _ = try JSONPath(query)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        ("paths", "column 1: a JSONPath query starts with '$' (write $.paths)"),
        ("", "column 1: the query is empty (for example $.paths['/pets'].get)"),
        ("$.x-oai-traits", "column 3: a member name with '-' cannot follow '.' unquoted (write ['x-oai-traits'])"),
        ("$.paths./pets", "column 9: '/pets' cannot follow '.' unquoted (write ['/pets'])"),
        ("$..x-y", "column 4: a member name with '-' cannot follow '..' unquoted (write ..['x-y'])"),
        ("$.paths[", "column 9: expected a selector, found the end of the query (add a name, *, an index or a filter, then ']')"),
        ("$.a[?@.b == 'x'", "column 4: the '[' is never closed (add ']')"),
        ("$['a", "column 3: the string is never closed (add ' at its end)"),
        ("$[paths]", "column 3: a name in brackets must be quoted (write ['paths'])"),
        ("$[01]", "column 3: integers have no leading zeros in JSONPath"),
        ("$[-0]", "column 3: -0 is not an integer in JSONPath (write 0)"),
        ("$[9007199254740992]", "column 3: an index must lie between -(2^53-1) and 2^53-1"),
        ("$[?@.a == ]", "column 11: unexpected ']' (expected a query (@… or $…), a literal or a function)"),
        ("$[?@.a = 1]", "column 8: unexpected '=' (compare with '==')"),
        ("$[?@.* == 1]", "column 4: only a singular query (names and indices, no '*', '..', slices or filters) can be compared (compare one node, such as @.name, or test that a match exists: [?@.items[?@ == 'x']])"),
        ("$[?true]", "column 4: a literal on its own is not a test (compare it with a query, e.g. @.name == 'x')"),
        ("$[?foo(@)]", "column 4: unknown function 'foo' (RFC 9535 defines length(), count(), match(), search(), value())"),
        ("$[?length(@.*) < 3]", "column 11: length() takes a value, and this query may select several nodes (use a query of names and indices only, such as @.name)"),
        ("$[?count(1) == 1]", "column 10: count() takes a query (@… or $…)"),
        ("$[?match(@.a, 'x') == true]", "column 4: match() gives a logical result, which cannot be compared (use it as a test on its own)"),
        ("$[?value(@..color)]", "column 4: value() gives a value, which is not a test on its own (compare it, e.g. value(…) > 0)"),
        ("$[?length(@.a, 2) > 1]", "column 16: length() takes 1 argument"),
        ("$[?@.a == True]", "column 11: unexpected 'True' (a member of the current node is @.True; true, false and null are lower case)"),
        ("$[?!@.a == 1]", "column 4: '!' negates a parenthesised expression or a query, not a comparison (write !(… == …), or use !=)"),
        ("$['a\\x']", "column 5: '\\x' is not an escape in a single-quoted string (escapes are \\b \\f \\n \\r \\t \\/ \\\\ \\' and \\uXXXX)"),
        ("$['\\uDC00']", "column 4: \\uDC00 is a low surrogate without a high one"),
        ("$.a ", "column 4: unexpected ' ' (remove the blank)"),
        ("$.a]", "column 4: unexpected ']' (this ']' closes no bracket)"),
        ("$[?(@.a == 1]", "column 13: unexpected ']' (expected ')' to close the '(' at column 4)"),
    ])
    func parseErrorsSayWhereAndWhat(_ query: String, _ expected: String) {
        #expect(error(query) == expected)
    }

    @Test func escapesAndSurrogatePairsInNames() throws {
        #expect(try paths("$['\\uD83E\\uDD14']", in: "\"🤔\": 1") == ["$['🤔']"])
        #expect(try paths("$[\"a\\\"b\"]", in: "'a\"b': 1") == ["$['a\"b']"])
    }
}
