import Foundation
import RosterKit
import XCTest

/// Runs every case of tests/vectors/<provider>/<endpoint_id>.json through
/// `buildRequest` and `parseResponse`, with the rules of tests/vectors/README.md.
final class GoldenVectorsTests: XCTestCase {
    private let dir = repoRoot.appendingPathComponent("tests/vectors")
    private let defaultTarget: JSONValue = .object([
        "base_url": "https://api.example.com", "token": "test-token",
    ])

    private func vectorFiles() throws -> [URL] {
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" && $0.lastPathComponent != "inventory.json" }
            // The unified vectors have their own runners.
            .filter { $0.deletingLastPathComponent().lastPathComponent != "unified" } ?? []
        return files.sorted { $0.path < $1.path }
    }

    func testEveryEndpointIdHasAVectorFileInInventoryOrder() throws {
        let inventory = try JSONValue.parse(Data(contentsOf: dir.appendingPathComponent("inventory.json")))
        let ids = inventory.array?.compactMap { $0["id"]?.string } ?? []
        XCTAssertEqual(ids, endpointIds())
        let names = try vectorFiles().map { $0.deletingPathExtension().lastPathComponent }
        XCTAssertEqual(Set(ids), Set(names))
    }

    func testGoldenVectors() throws {
        let files = try vectorFiles()
        XCTAssertFalse(files.isEmpty, "no vector files under \(dir.path)")
        var ran = 0
        for file in files {
            let doc = try JSONValue.parse(Data(contentsOf: file))
            guard let endpoint = doc["endpoint"]?.string, let cases = doc["cases"]?.array else {
                XCTFail("\(file.lastPathComponent): no endpoint or cases")
                continue
            }
            let fileTarget = doc["target"] ?? defaultTarget
            for c in cases {
                let name = "\(endpoint): \(c["name"]?.string ?? "?")"
                if let problem = run(endpoint: endpoint, target: c["target"] ?? fileTarget, case: c) {
                    XCTFail("\(name): \(problem)")
                }
                ran += 1
            }
        }
        XCTAssertGreaterThan(ran, 0)
    }

    /// Runs one case; returns what went wrong, or nil.
    private func run(endpoint: String, target: JSONValue, case c: JSONValue) -> String? {
        let input = (c["input"] ?? .null).compact
        let baseUrl = target["base_url"]?.string ?? ""
        let token = target["token"]?.string ?? ""
        let expectedRequest = c["request"]
        let response = c["response"]
        let expect = c["expect"] ?? .null

        if expectedRequest == nil && response == nil {
            do {
                let built = try buildRequest(endpointId: endpoint, inputJson: input, baseUrl: baseUrl, token: token)
                return "expected a build error, got \(built)"
            } catch let e as RosterKitError {
                return same(expect["error"] ?? .null, e.vectorJSON, "build error")
            } catch {
                return "unexpected error \(error)"
            }
        }
        let request: Request
        do {
            request = try buildRequest(endpointId: endpoint, inputJson: input, baseUrl: baseUrl, token: token)
        } catch let e as RosterKitError {
            return "building failed: \(e.vectorJSON.compact)"
        } catch {
            return "unexpected error \(error)"
        }
        if let expected = expectedRequest, let problem = checkRequest(expected, request) {
            return problem
        }
        if let response = response {
            let outcome: JSONValue
            do {
                let text = try parseResponse(endpointId: endpoint, inputJson: input, response: toResponse(response))
                outcome = .object(["ok": try JSONValue.parse(text)])
            } catch let e as RosterKitError {
                outcome = .object(["error": e.vectorJSON])
            } catch {
                return "unexpected error \(error)"
            }
            return same(expect, outcome, "parsed outcome")
        }
        return nil
    }

    private func checkRequest(_ expected: JSONValue, _ actual: Request) -> String? {
        if expected["method"]?.string != actual.method { return "method: \(actual.method)" }
        if expected["url"]?.string != actual.url { return "url: \(actual.url)" }
        let headers = expected["headers"]?.array?.map { pair -> [String] in
            pair.array?.compactMap(\.string) ?? []
        } ?? []
        let actualHeaders = actual.headers.map { [$0.name, $0.value] }
        if headers != actualHeaders { return "headers: \(actualHeaders)" }
        let body = expected["body"] ?? .null
        let text = actual.body.map { String(decoding: $0, as: UTF8.self) }
        if body.isNull {
            return text == nil ? nil : "body: expected none, got \(text!)"
        }
        if let json = body["json"] {
            guard let text = text, let parsed = try? JSONValue.parse(text) else { return "body: expected JSON, got \(text ?? "none")" }
            return same(json, parsed, "JSON body")
        }
        if let expectedText = body["text"]?.string {
            return expectedText == text ? nil : "text body: \(text ?? "none")"
        }
        return "request.body must be null, {json} or {text}"
    }

    private func toResponse(_ v: JSONValue) -> Response {
        let headers = v["headers"]?.array?.compactMap { pair -> Header? in
            guard let p = pair.array, p.count == 2, let k = p[0].string, let val = p[1].string else { return nil }
            return Header(name: k, value: val)
        } ?? []
        var body = Data()
        if let b = v["body"], !b.isNull {
            if let json = b["json"] {
                body = Data(json.compact.utf8)
            } else if let text = b["text"]?.string {
                body = Data(text.utf8)
            }
        }
        return Response(status: UInt16(v["status"]?.int ?? 0), headers: headers, body: body)
    }

    private func same(_ expected: JSONValue, _ actual: JSONValue, _ what: String) -> String? {
        expected == actual ? nil : "\(what) differs\n  expected: \(expected.compact)\n  actual:   \(actual.compact)"
    }
}
