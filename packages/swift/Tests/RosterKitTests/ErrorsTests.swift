import Foundation
import RosterKit
import XCTest

/// Typed errors, and no credential in any message or string form.
final class ErrorsTests: XCTestCase {
    private static var emulator: EmulatorProcess?
    private let secret = "wrong-token-0123456789abcdef"
    override class func setUp() { emulator = try? EmulatorProcess() }
    override class func tearDown() { emulator?.stop() }

    private func config(_ provider: Provider, transport: HttpTransport? = nil, baseUrl: String? = nil) throws -> ClientConfig {
        let emulator = try XCTUnwrap(Self.emulator, "the emulator did not start")
        return ClientConfig(
            provider: provider,
            baseUrl: baseUrl ?? emulator.baseUrl(provider),
            tenantId: EmulatorProcess.tenant(provider),
            // One attempt: these tests are about the error, not the retries.
            retry: RetrySettings(maxAttempts: 1),
            transport: transport
        )
    }

    private func assertNoSecret(_ texts: String..., file: StaticString = #filePath, line: UInt = #line) {
        for t in texts {
            XCTAssertFalse(t.contains(secret), "credential leaked into: \(t)", file: file, line: line)
        }
    }

    func testWrongTokenIsAuthAndNeverShowsTheToken() async throws {
        for transport in [nil, URLSessionTransport()] as [HttpTransport?] {
            let client = try RosterKitClient(config: config(.ssw, transport: transport), token: secret)
            do {
                _ = try await client.listGroups()
                XCTFail("expected an Auth error")
            } catch let error as RosterKitError {
                guard case let .Auth(status, _, message) = error else {
                    return XCTFail("expected Auth, got \(error)")
                }
                XCTAssertEqual(status, 401)
                assertNoSecret(message, "\(error)", String(reflecting: error), error.localizedDescription, "\(client)")
            }
        }
    }

    func testMissingGroupIsNotFound() async throws {
        let client = try RosterKitClient(config: config(.polaris), token: EmulatorProcess.token(.polaris))
        do {
            _ = try await client.getGroup(groupId: "00000000-0000-0000-0000-000000000000")
            XCTFail("expected NotFound")
        } catch RosterKitError.NotFound {
            // expected
        }
    }

    func testSswCannotCreateGroupsAndSaysWhy() async throws {
        let client = try RosterKitClient(config: config(.ssw), token: EmulatorProcess.token(.ssw))
        do {
            _ = try await client.createGroup(name: "New")
            XCTFail("expected Unsupported")
        } catch let RosterKitError.Unsupported(provider, operation, reason) {
            XCTAssertEqual(provider, .ssw)
            XCTAssertEqual(operation, "create_group")
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testBadInputNamesTheField() async throws {
        let ssw = try RosterKitClient(config: config(.ssw), token: EmulatorProcess.token(.ssw))
        func field(_ body: () async throws -> Void) async -> String? {
            do {
                try await body()
            } catch let RosterKitError.InvalidInput(field, _) {
                return field
            } catch {
                XCTFail("expected InvalidInput, got \(error)")
            }
            return nil
        }
        var f = await field { _ = try await ssw.addMembers(groupId: "grp_001", userIds: []) }
        XCTAssertEqual(f, "user_ids")
        f = await field { _ = try await ssw.callEndpoint(endpointId: "ssw.list_members", inputJson: "{not json") }
        XCTAssertEqual(f, "input_json")
        f = await field { try await ssw.deleteGroup(groupId: "..") }
        XCTAssertEqual(f, "group_id")
        f = await field { _ = try RosterKitClient(config: self.config(.ssw, baseUrl: "ftp://example.com"), token: "t") }
        XCTAssertEqual(f, "base_url")
        f = await field { _ = try RosterKitClient(config: self.config(.ssw), token: "\(self.secret)\r\nX-Evil: 1") }
        XCTAssertEqual(f, "token")
    }

    func testStringFormsHideTheToken() throws {
        let request = try buildRequest(endpointId: "ssw.list_members", inputJson: "{}", baseUrl: "https://api.example.com", token: secret)
        // The header carries the token, since it must go on the wire...
        XCTAssertEqual(request.headers.first { $0.name == "Authorization" }?.value, "Bearer \(secret)")
        // ...but no string form of the request does.
        assertNoSecret("\(request)", String(reflecting: request), request.headers.map { "\($0)" }.joined())
        XCTAssertTrue("\(request)".contains("Authorization: Bearer ***"))
        let cfg = try config(.ssw)
        let client = try RosterKitClient(config: cfg, token: secret)
        assertNoSecret("\(client)", String(reflecting: client), "\(cfg)")
    }

    func testFailingSwiftTransportBecomesATransportError() async throws {
        final class Refusing: HttpTransport, @unchecked Sendable {
            func send(request: HttpRequest) async throws -> HttpResponse {
                throw HttpTransportError.NotSent(reason: "connection refused by test")
            }
        }
        let client = try RosterKitClient(config: config(.b2core, transport: Refusing()), token: EmulatorProcess.token(.b2core))
        do {
            _ = try await client.listGroups()
            XCTFail("expected a transport error")
        } catch let RosterKitError.Transport(message) {
            XCTAssertTrue(message.contains("connection refused by test"), message)
        }
    }
}
