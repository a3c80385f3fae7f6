import Foundation
import RosterKit
import XCTest

/// The hand-written idioms of Sources/RosterKit/Extensions.swift: AsyncSequence
/// paging, Int views, readable errors (the Kotlin ExtensionsTest's twin).
final class ExtensionsTests: XCTestCase {
    private static var emulator: EmulatorProcess?
    override class func setUp() { emulator = try? EmulatorProcess() }
    override class func tearDown() { emulator?.stop() }

    private func emulator() async throws -> EmulatorProcess {
        let emulator = try XCTUnwrap(Self.emulator, "the emulator did not start")
        try await emulator.reset()
        return emulator
    }

    private func client(_ e: EmulatorProcess, _ provider: Provider, retry: RetryPolicy? = nil, token: String? = nil) throws -> RosterKitClient {
        try RosterKitClient(
            config: ClientConfig(provider: provider, baseUrl: e.baseUrl(provider), tenantId: EmulatorProcess.tenant(provider), retry: retry),
            token: token ?? EmulatorProcess.token(provider)
        )
    }

    private func sswPages(_ e: EmulatorProcess) async throws -> Int {
        try await e.requestLog().filter { $0.provider == "ssw" }.count
    }

    func testUsersFetchesOnePagePerDemand() async throws {
        let e = try await emulator()
        let ssw = try client(e, .ssw)
        let all = try await ssw.listUsers()
        XCTAssertGreaterThan(all.count, 200, "three pages of 100 at least")
        try await e.clearLog()

        let users = ssw.users()
        let fetched = try await sswPages(e)
        XCTAssertEqual(fetched, 0, "nothing is fetched before the iteration")
        var first: [User] = []
        for try await user in users {
            first.append(user)
            if first.count == 150 { break }
        }
        XCTAssertEqual(first, Array(all.prefix(150)))
        let pages = try await sswPages(e)
        XCTAssertEqual(pages, 2, "150 items, two pages of 100")
        var every: [User] = []
        for try await user in ssw.users() { every.append(user) }
        XCTAssertEqual(every, all)
    }

    func testGroupsAndMembersAreTheListCalls() async throws {
        let e = try await emulator()
        let polaris = try client(e, .polaris)
        var groups: [Group] = []
        for try await g in polaris.groups() { groups.append(g) }
        let listed = try await polaris.listGroups()
        XCTAssertEqual(groups, listed)
        let ssw = try client(e, .ssw)
        var members: [Member] = []
        for try await m in ssw.members(groupId: "grp_001") { members.append(m) }
        let listedMembers = try await ssw.listMembers(groupId: "grp_001")
        XCTAssertEqual(members, listedMembers)
        XCTAssertEqual(members.map(\.id), members.map(\.userId))
    }

    func testAPagingErrorIsThrownByTheIteration() async throws {
        let e = try await emulator()
        let users = try client(e, .spotnana).users()
        do {
            for try await _ in users {}
            XCTFail("expected Unsupported")
        } catch let RosterKitError.Unsupported(provider, _, _) {
            XCTAssertEqual(provider, .spotnana)
        }
    }

    func testStatusesAndCountsArePlainInts() async throws {
        XCTAssertEqual(Response(status: 404, body: Data()).statusCode, 404)
        XCTAssertEqual(Response(status: 204, body: Data()).statusCode, 204)

        let e = try await emulator()
        try await e.addFault(#"{"provider":"b2core","kind":{"type":"status","status":500},"times":1}"#)
        do {
            _ = try await client(e, .b2core, retry: RetryPolicy(maxAttempts: 1)).getGroup(groupId: "1")
            XCTFail("expected Api")
        } catch let error as RosterKitError {
            XCTAssertEqual(error.statusCode, 500)
        }

        let report = try await client(e, .ssw).addMembers(groupId: "grp_001", userIds: ["user_123", "user_1005"])
        XCTAssertEqual(report.addedCount, 1)
        XCTAssertEqual(report.unchangedCount, 1)
        let total = report.addedCount + report.removedCount + report.unchangedCount + report.pendingCount
            + report.failedCount + report.unknownCount + report.notRunCount + report.unresolvedCount
        XCTAssertEqual(total, report.outcomes.count)
    }

    func testRetryAfterIsATimeIntervalOrADate() async throws {
        let e = try await emulator()
        try await e.addFault(#"{"provider":"b2core","kind":{"type":"status","status":429,"retry_after":"2"},"times":1}"#)
        do {
            _ = try await client(e, .b2core, retry: RetryPolicy(maxAttempts: 1)).getGroup(groupId: "1")
            XCTFail("expected RateLimited")
        } catch let RosterKitError.RateLimited(retryAfter, _, _, _) {
            XCTAssertEqual(retryAfter?.timeInterval, 2)
            XCTAssertNil(retryAfter?.date)
        }
        XCTAssertEqual(RetryAfter.at(unixMillis: 1_767_323_045_000).date, ISO8601DateFormatter().date(from: "2026-01-02T03:04:05Z"))
    }

    func testErrorsReadAsASentence() async throws {
        let e = try await emulator()
        let secret = "wrong-token-0123456789abcdef"
        do {
            _ = try await client(e, .ssw, token: secret).listGroups()
            XCTFail("expected Auth")
        } catch let error as RosterKitError {
            guard case let .Auth(_, _, message, _) = error else { return XCTFail("expected Auth, got \(error)") }
            XCTAssertTrue(error.description.hasPrefix("authentication failed: HTTP 401"), error.description)
            XCTAssertTrue(error.description.hasSuffix(message), error.description)
            // The generated errorDescription is String(reflecting:), which reads `description`.
            XCTAssertEqual(error.errorDescription, error.description)
            XCTAssertEqual(error.localizedDescription, error.description)
            XCTAssertFalse(error.description.contains(secret))
        }
    }
}
