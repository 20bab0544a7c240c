import CookiesAndListsAPI
import FormBodiesAPI
import Foundation
import Hummingbird
import QueryStylesAPI
import Testing
import TestHTTPServer

/// Query styles, cookies, list parameters and form/multipart bodies, sent by clients generated from
/// the fixtures (`Tests/FixtureClients`) to a real server, which checks what arrived.
@Suite("Parameter styles and bodies over HTTP")
struct WireStyleTests {
    static func noContent(_ router: TestServer.Router) {
        router.get("/items") { _, _ in TestServer.response(status: 204) }
        router.get("/files/:ids/:version") { _, _ in TestServer.response(status: 204) }
        router.post("/signup") { _, _ in TestServer.response(status: 204) }
        router.put("/profile") { _, _ in TestServer.response(status: 204) }
        router.post("/avatars") { _, _ in TestServer.response(status: 204) }
        router.post("/documents") { _, _ in TestServer.response(status: 204) }
        router.put("/documents") { _, _ in TestServer.response(status: 204) }
    }

    /// What a Hummingbird app would decode from the bracketed (`deepObject`) query items.
    struct DeepObjects: Decodable, Equatable {
        var filter: [String: String]
        var metadata: [String: String]
    }

    @Test func everyQueryStyleArrivesAsTheSpecificationWritesIt() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            let request = QueryStyles.listItems(
                q: "a b&c", tags: ["x", "y z"], ids: [1, 2], words: ["hello", "world"], colors: [.open, .closed],
                sizes: [1, 2], filter: .init(type: "t[1]", status: .open, createdAfter: Date(timeIntervalSince1970: 0)),
                metadata: ["b": "2", "a": "1 1"], color: Color(r: 1, g: 2), point: .init(x: 1.5, y: 2), single: "s")
            try await server.client().send(request)
            let received = try #require(await server.lastRequest)
            let query = try #require(received.query)
            #expect(query == [
                "q=a%20b%26c", "tags=x", "tags=y%20z", "ids=1,2", "words=hello%20world", "colors=open%7Cclosed", "sizes=1", "sizes=2",
                "filter%5Btype%5D=t%5B1%5D", "filter%5Bstatus%5D=open", "filter%5Bcreated_after%5D=1970-01-01T00%3A00%3A00Z",
                "metadata%5Ba%5D=1%201", "metadata%5Bb%5D=2", "R=1", "G=2", "point=x,1.5,y,2.0", "single=s",
            ].joined(separator: "&"))

            let pairs = RecordedRequest.formPairs(query)
            #expect(pairs.first { $0.name == "q" }?.value == "a b&c")
            #expect(pairs.first { $0.name == "words" }?.value.split(separator: " ") == ["hello", "world"])
            #expect(pairs.first { $0.name == "colors" }?.value.split(separator: "|") == ["open", "closed"])
            #expect(pairs.filter { $0.name == "tags" }.map(\.value) == ["x", "y z"])

            let bracketed = query.split(separator: "&").filter { $0.contains("%5B") }.joined(separator: "&")
            let decoded = try URLEncodedFormDecoder().decode(DeepObjects.self, from: bracketed)
            #expect(decoded == DeepObjects(
                filter: ["type": "t[1]", "status": "open", "created_after": "1970-01-01T00:00:00Z"], metadata: ["a": "1 1", "b": "2"]))
        }
    }

    @Test func nilObjectsAndListsSendNothing() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            try await server.client().send(QueryStyles.listItems(q: "only", filter: .init()))
            #expect(await server.lastRequest?.query == "q=only")
        }
    }

    @Test func cookiesPathListsAndHeaderListsArrive() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            let client = APIClient(serverURL: server.baseURL, credentials: [CookiesAndLists.session("s;1")])
            let request = CookiesAndLists.getFiles(
                ids: [3, 4], version: "v 1", visits: 7, xTags: ["a", "b"], theme: .dark, recent: ["x y", "z"])
            try await client.send(request)
            let received = try #require(await server.lastRequest)
            #expect(received.path == "/files/3,4/v%201")
            #expect(received.header("X-Tags") == "a,b")
            #expect(received.headerValues("Cookie") == ["theme=dark; recent=x%20y,z; visits=7; sid=s%3B1"])
        }
    }

    @Test func cookieParametersAloneMakeOneHeader() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            let client = APIClient(serverURL: server.baseURL, credentials: [CookiesAndLists.session("s1")])
            try await client.send(CookiesAndLists.getFiles(ids: [5], version: "2", visits: 0))
            let received = try #require(await server.lastRequest)
            #expect(received.path == "/files/5/2")
            #expect(received.headerValues("Cookie") == ["visits=0; sid=s1"])
            #expect(received.header("X-Tags") == nil)
        }
    }

    @Test func formBodyArrivesFlattened() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            let body = FormBodies.SignUpBody(
                name: "Ada L", age: 36, newsletter: true, tags: ["a", "b&c"], address: .init(city: "Paris"))
            try await server.client().send(FormBodies.signUp(body: body))
            let received = try #require(await server.lastRequest)
            #expect(received.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(received.bodyText == "name=Ada%20L&age=36&newsletter=true&tags=a&tags=b%26c&address%5Bcity%5D=Paris")
            let pairs = RecordedRequest.formPairs(received.bodyText)
            #expect(pairs.map(\.name) == ["name", "age", "newsletter", "tags", "tags", "address[city]"])
            #expect(pairs.map(\.value) == ["Ada L", "36", "true", "a", "b&c", "Paris"])
        }
    }

    struct ProfileForm: Decodable, Equatable {
        var display_name: String
        var locale: String
    }

    @Test func componentFormBodyDecodesOnTheServer() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            try await server.client().send(FormBodies.updateProfile(body: Profile(displayName: "Zoë & co", locale: .fr)))
            let received = try #require(await server.lastRequest)
            let decoded = try URLEncodedFormDecoder().decode(ProfileForm.self, from: received.bodyText)
            #expect(decoded == ProfileForm(display_name: "Zoë & co", locale: "fr"))
            try await server.client().send(FormBodies.updateProfile())
            #expect(await server.lastRequest?.body.isEmpty == true)
            #expect(await server.lastRequest?.header("Content-Type") == nil)
        }
    }

    @Test func multipartBodyArrivesAsTypedParts() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
            let body = FormBodies.UploadAvatarBody(
                userID: 42, caption: "hi there", image: MultipartFile(data: image, filename: "me.png", contentType: "image/png"),
                thumbnails: [MultipartFile(data: Data("t1".utf8)), MultipartFile(data: Data("t2".utf8), filename: "t2.jpg")],
                crop: .init(x: 1, y: 2))
            try await server.client().send(FormBodies.uploadAvatar(body: body))
            let received = try #require(await server.lastRequest)
            #expect(received.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=clientgen-") == true)
            let parts = received.multipartParts
            #expect(parts.map(\.name) == ["userId", "caption", "image", "thumbnails", "thumbnails", "crop"])
            #expect(parts.map(\.filename) == [nil, nil, "me.png", "thumbnails", "t2.jpg", nil])
            #expect(parts.map { $0.headers["content-type"] } == [nil, nil, "image/png", "application/octet-stream", "application/octet-stream", "application/json"])
            #expect(parts.map(\.body) == [Data("42".utf8), Data("hi there".utf8), image, Data("t1".utf8), Data("t2".utf8), Data(#"{"x":1,"y":2}"#.utf8)])
        }
    }

    @Test func componentMultipartBodyAndRawBodies() async throws {
        try await TestServer.run(routes: Self.noContent) { server in
            try await server.client().send(FormBodies.uploadDocument(body: DocumentUpload(file: Data("%PDF-1.7".utf8), title: "Q3")))
            let parts = try #require(await server.lastRequest).multipartParts
            #expect(parts.map(\.name) == ["file", "title"])
            #expect(parts.first?.filename == "file")
            #expect(parts.map(\.text) == ["%PDF-1.7", "Q3"])

            try await server.client().send(FormBodies.replaceDocument(body: Data([1, 2, 3])))
            let raw = try #require(await server.lastRequest)
            #expect(raw.header("Content-Type") == "application/octet-stream")
            #expect(raw.body == Data([1, 2, 3]))
        }
    }
}

extension TestServer {
    fileprivate func client() -> APIClient {
        APIClient(serverURL: baseURL)
    }
}
