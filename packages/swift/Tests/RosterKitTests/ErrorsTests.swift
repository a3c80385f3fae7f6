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
            retry: RetryPolicy(maxAttempts: 1),
            transport: transport
        )
    }

    private func client(_ provider: Provider) throws -> RosterKitClient {
        try RosterKitClient(config: config(provider), token: EmulatorProcess.token(provider))
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
                guard case let .Auth(status, _, message, _) = error else {
                    return XCTFail("expected Auth, got \(error)")
                }
                XCTAssertEqual(status, 401)
                XCTAssertEqual(error.statusCode, 401)
                assertNoSecret(message, "\(error)", String(reflecting: error), error.localizedDescription, "\(client)")
            }
        }
    }

    func testMissingGroupIsNotFound() async throws {
        let client = try self.client(.polaris)
        do {
            _ = try await client.getGroup(groupId: "00000000-0000-0000-0000-000000000000")
            XCTFail("expected NotFound")
        } catch RosterKitError.NotFound {
            // expected
        }
    }

    func testSswCannotCreateGroupsAndSaysWhy() async throws {
        let client = try self.client(.ssw)
        do {
            _ = try await client.createGroup(group: NewGroup(name: "New", role: nil))
            XCTFail("expected Unsupported")
        } catch let RosterKitError.Unsupported(provider, operation, reason) {
            XCTAssertEqual(provider, .ssw)
            XCTAssertEqual(operation, "create_group")
            XCTAssertFalse(reason.isEmpty)
        }
        do {
            _ = try await self.client(.b2core).addMembers(groupId: "1", userIds: ["u1"])
            XCTFail("expected Unsupported")
        } catch RosterKitError.Unsupported {
            // expected
        }
    }

    func testBadInputNamesTheField() async throws {
        let ssw = try client(.ssw)
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
        XCTAssertEqual(f, "input")
        f = await field { _ = try await ssw.callEndpoint(endpointId: "polaris.get_user", inputJson: #"{"user_id":"u1"}"#) }
        XCTAssertEqual(f, "endpoint")
        f = await field { try await ssw.deleteGroup(groupId: "..") }
        XCTAssertEqual(f, "group_id")
        f = await field { _ = try RosterKitClient(config: self.config(.ssw, baseUrl: "ftp://example.com"), token: "t") }
        XCTAssertEqual(f, "base_url")
        f = await field { _ = try RosterKitClient(config: self.config(.ssw), token: "\(self.secret)\r\nX-Evil: 1") }
        XCTAssertEqual(f, "token")
        f = await field { _ = try buildRequest(endpointId: "nope.nothing", inputJson: "{}", baseUrl: "https://x.example", token: "t") }
        XCTAssertEqual(f, "endpoint")
    }

    func testStringFormsOfConfigsAndClientsHideTheToken() throws {
        let cfg = try config(.ssw)
        let client = try RosterKitClient(config: cfg, token: secret)
        XCTAssertTrue("\(client)".hasPrefix("RosterKitClient(ssw at "), "\(client)")
        assertNoSecret("\(client)", String(reflecting: client), "\(cfg)")
    }

    /// Request and Header export the core's redacting Display, which is
    /// their `description`: the header carries the token, no string form does.
    func testABuiltRequestsStringFormHidesTheToken() throws {
        let request = try buildRequest(endpointId: "ssw.list_members", inputJson: "{}", baseUrl: "https://api.example.com", token: secret)
        XCTAssertEqual(request.headers.first { $0.name == "Authorization" }?.value, "Bearer \(secret)")
        assertNoSecret("\(request)", request.headers.map { "\($0)" }.joined(separator: ", "))
        XCTAssertTrue("\(request)".contains("Authorization: Bearer ***"), "\(request)")
    }

    func testFailingSwiftTransportBecomesATransportError() async throws {
        final class Refusing: HttpTransport, @unchecked Sendable {
            func send(request: Request) async throws -> Response {
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

    func testAnAuthErrorOfOneChangeIsReportedOnThatUser() async throws {
        let client = try RosterKitClient(config: config(.alteryx), token: secret)
        let report = try await client.addMembers(groupId: "61d58ac83c15317e1a482069", userIds: ["61d564361d6d5da7ad461a33"])
        XCTAssertEqual(report.failedCount, 1)
        let outcome = try XCTUnwrap(report.outcomes.first)
        XCTAssertEqual(outcome.status, .failed)
        guard case .Auth? = outcome.error else { return XCTFail("got \(String(describing: outcome.error))") }
        assertNoSecret("\(report)")
    }
}
