import ClientRuntime
import Foundation
import Testing

@Suite struct RequestBodyEncodingTests {
    struct Address: Codable, Hashable, Sendable {
        var city: String
        var zip: String?
    }

    struct LineItem: Codable, Hashable, Sendable {
        var sku: String
        var quantity: Int
    }

    struct Signup: Codable, Hashable, Sendable {
        var name: String
        var age: Int?
        var newsletter: Bool
        var tags: [String]
        var address: Address?
        var items: [LineItem]?
        var plan: Sort?
        var note: String?
    }

    struct Upload: Codable, Hashable, Sendable {
        var title: String
        var count: Int
        var file: MultipartFile
        var raw: Data?
        var attachments: [MultipartFile]?
        var meta: Address?
        var skipped: String?
    }

    private func encode(_ body: RequestBody) throws -> (text: String, contentType: String) {
        let request = Request<Void>(operationID: "op", method: .post, path: "/", body: body, response: .empty)
        let client = APIClient(serverURL: URL(string: "https://api.test")!)
        let http = try client.makeHTTPRequest(for: request)
        let contentType = http.headers.first { $0.name == "Content-Type" }?.value ?? ""
        return (String(decoding: http.body ?? Data(), as: UTF8.self), contentType)
    }

    @Test func formBodyFlattensNestedValues() throws {
        let signup = Signup(
            name: "Ada Lovelace", age: nil, newsletter: true, tags: ["a&b", "c"],
            address: Address(city: "Paris", zip: "75001"),
            items: [LineItem(sku: "A1", quantity: 2), LineItem(sku: "B=2", quantity: 1)], plan: .asc)
        let (text, contentType) = try encode(.form(signup))
        #expect(contentType == "application/x-www-form-urlencoded")
        #expect(text == "name=Ada%20Lovelace&newsletter=true&tags=a%26b&tags=c"
            + "&address%5Bcity%5D=Paris&address%5Bzip%5D=75001"
            + "&items%5B0%5D%5Bsku%5D=A1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bsku%5D=B%3D2&items%5B1%5D%5Bquantity%5D=1"
            + "&plan=asc")
    }

    @Test func formBodyTakesEveryIntegerType() throws {
        struct Sizes: Encodable, Sendable {
            var a: Int8
            var b: UInt16
            var c: [UInt64]
        }
        #expect(try encode(.form(Sizes(a: -1, b: 2, c: [.max]))).text == "a=-1&b=2&c=18446744073709551615")
    }

    @Test func formBodyMustBeAnObject() {
        #expect(throws: ClientError.self) { try encode(.form(["a", "b"])) }
    }

    @Test func multipartBodyHasOnePartPerMember() throws {
        let upload = Upload(
            title: "Q3 \"report\"", count: 3,
            file: MultipartFile(data: Data("%PDF".utf8), filename: "q3.pdf", contentType: "application/pdf"),
            raw: Data([0x00, 0xFF]),
            attachments: [MultipartFile(data: Data("one".utf8)), MultipartFile(data: Data("two".utf8), filename: "2.txt")],
            meta: Address(city: "Zürich", zip: nil))
        let (text, contentType) = try encode(.multipart(upload, boundary: "BOUNDARY"))
        #expect(contentType == "multipart/form-data; boundary=BOUNDARY")
        let expected = [
            "--BOUNDARY", "Content-Disposition: form-data; name=\"title\"", "", "Q3 \"report\"",
            "--BOUNDARY", "Content-Disposition: form-data; name=\"count\"", "", "3",
            "--BOUNDARY", "Content-Disposition: form-data; name=\"file\"; filename=\"q3.pdf\"", "Content-Type: application/pdf", "", "%PDF",
            "--BOUNDARY", "Content-Disposition: form-data; name=\"raw\"; filename=\"raw\"", "Content-Type: application/octet-stream", "",
            String(decoding: [0x00, 0xFF], as: UTF8.self),
            "--BOUNDARY", "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"",
            "Content-Type: application/octet-stream", "", "one",
            "--BOUNDARY", "Content-Disposition: form-data; name=\"attachments\"; filename=\"2.txt\"",
            "Content-Type: application/octet-stream", "", "two",
            "--BOUNDARY", "Content-Disposition: form-data; name=\"meta\"", "Content-Type: application/json", "", #"{"city":"Zürich"}"#,
            "--BOUNDARY--", "",
        ].joined(separator: "\r\n")
        #expect(text == expected)
    }

    @Test func multipartPartsAreEscapedAndBoundaryIsChecked() throws {
        let parts: [MultipartPart] = [.text("a\"b\r\nc", "x"), .file("f", MultipartFile(data: Data("y".utf8), filename: "n\".txt"))]
        let (text, _) = try encode(.multipart(parts: parts, boundary: "B"))
        #expect(text.contains("name=\"a%22b%0D%0Ac\"\r\n"))
        #expect(text.contains("name=\"f\"; filename=\"n%22.txt\"\r\n"))
        #expect(throws: ClientError.self) { try encode(.multipart(parts: [.text("t", "has --B inside")], boundary: "B")) }
    }

    @Test func multipartBoundaryIsRandomAndStableForOneRequest() throws {
        let first = RequestBody.multipart(parts: [.text("a", "1")])
        let second = RequestBody.multipart(parts: [.text("a", "1")])
        let boundary = try #require(first.boundary)
        #expect(boundary != second.boundary)
        #expect(boundary.count <= 70)
        #expect(try encode(first).contentType == "multipart/form-data; boundary=\(boundary)")
        #expect(try encode(first).text == "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(boundary)--\r\n")
    }

    @Test func multipartFileIsBase64OutsideMultipart() throws {
        let json = try JSONEncoder().encode(MultipartFile(data: Data("hi".utf8), filename: "x"))
        #expect(String(decoding: json, as: UTF8.self) == #""aGk=""#)
        #expect(try JSONDecoder().decode(MultipartFile.self, from: json) == MultipartFile(data: Data("hi".utf8)))
    }
}
