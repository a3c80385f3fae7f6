import Foundation
import RosterKit
import XCTest

/// Documented workflows against the emulator over real HTTP, written once and
/// run by two test classes: one with the built-in transport, one with
/// `URLSessionTransport`.
struct Workflows {
    let emulator: EmulatorProcess
    let transport: HttpTransport?

    func client(_ provider: Provider) throws -> RosterKitClient {
        try RosterKitClient(
            config: ClientConfig(
                provider: provider,
                baseUrl: emulator.baseUrl(provider),
                tenantId: EmulatorProcess.tenant(provider),
                transport: transport
            ),
            token: EmulatorProcess.token(provider)
        )
    }

    func ssw() async throws {
        let ssw = try client(.ssw)
        let groups = try await ssw.listGroups()
        XCTAssertEqual(groups.first { $0.id == "grp_001" }?.name, "IT Admins")
        // 320 seeded users at 100 per page: the core pages, this side only loops.
        let users = try await ssw.listUsers()
        XCTAssertGreaterThan(users.count, 100)

        let before = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        XCTAssertTrue(before.contains("user_123"))
        let added = try await ssw.addMembers(groupId: "grp_001", userIds: ["user_1005"])
        XCTAssertEqual(added.succeeded, 1)
        XCTAssertEqual(added.steps.first?.step.endpointIds, ["ssw.add_group_member"])
        let after = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        XCTAssertTrue(after.contains("user_1005"))

        // Contractors needs approval: the add files a join request, approval makes it a membership.
        let contractors = try XCTUnwrap(groups.first { $0.name == "Contractors" }?.id)
        _ = try await ssw.addMembers(groupId: contractors, userIds: ["user_1006"])
        let pending = try await ssw.listMembers(groupId: contractors).map(\.userId)
        XCTAssertFalse(pending.contains("user_1006"))
        try await ssw.approveMember(groupId: contractors, userId: "user_1006")
        let approved = try await ssw.listMembers(groupId: contractors).map(\.userId)
        XCTAssertTrue(approved.contains("user_1006"))

        let plan = try await ssw.planSync(groupId: "grp_001", desired: before)
        XCTAssertEqual(plan.toRemove, ["user_1005"])
        XCTAssertEqual(plan.toAdd, [])
        XCTAssertEqual(plan.callCount, 1)
        let report = try await ssw.apply(plan: plan)
        XCTAssertEqual(report.failed, 0)
        let restored = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        XCTAssertEqual(restored.sorted(), before.sorted())
    }

    func polaris() async throws {
        let polaris = try client(.polaris)
        let group = try await polaris.createGroup(
            name: "Swift QA",
            permissions: [Permission(name: "AccessQueries", resources: ["projects/*"]), Permission(name: "AdministerApiKeys")]
        )
        XCTAssertEqual(group.name, "Swift QA")
        let renamed = try await polaris.updateGroup(groupId: group.id, name: "Swift QA renamed")
        XCTAssertEqual(renamed?.name, "Swift QA renamed")
        let reread = try await polaris.getGroup(groupId: group.id)
        XCTAssertEqual(reread.permissions.count, 2, "the rename kept the permissions")

        let alex = "d88d4e47-d6ed-4820-880e-c0564ce99752"
        let other = "48b08425-7393-4730-bb7d-736e69ef1d92"
        let add = try await polaris.addMembers(groupId: group.id, userIds: [alex, other])
        XCTAssertEqual(add.steps.count, 1, "Polaris adds in one batch")
        let members = try await polaris.listMembers(groupId: group.id).map(\.userId)
        XCTAssertEqual(Set(members), [alex, other])

        // No removal endpoint: each removal reads the user, then writes it back.
        let plan = try await polaris.planSync(groupId: group.id, desired: [alex])
        XCTAssertEqual(plan.toRemove, [other])
        XCTAssertEqual(plan.steps.first?.endpointIds, ["polaris.get_user", "polaris.update_user"])
        let report = try await polaris.apply(plan: plan)
        XCTAssertEqual(report.failed, 0)
        let left = try await polaris.listMembers(groupId: group.id).map(\.userId)
        XCTAssertEqual(left, [alex])

        try await polaris.deleteGroup(groupId: group.id)
        let groups = try await polaris.listGroups()
        XCTAssertFalse(groups.contains { $0.id == group.id })
    }

    func otherVendors() async throws {
        let alteryx = try client(.alteryx)
        let sales = try await alteryx.getGroup(groupId: "61d58ac83c15317e1a482069")
        XCTAssertNotNil(sales.role)
        let members = try await alteryx.listMembers(groupId: sales.id).map(\.userId)
        XCTAssertTrue(members.contains("61d564361d6d5da7ad461a32"))
        let created = try await alteryx.createGroup(name: "Swift Artisans", role: "Artisan")
        XCTAssertEqual(created.role, "Artisan")
        try await alteryx.deleteGroup(groupId: created.id)

        let b2core = try client(.b2core)
        let admins = try await b2core.getGroup(groupId: "1")
        XCTAssertEqual(admins.name, "Administrators")
        let desk = try await b2core.createGroup(name: "Desk", permissions: [Permission(name: "accounts.read")])
        try await b2core.deleteGroup(groupId: desk.id)

        let spotnana = try client(.spotnana)
        let groups = try await spotnana.listGroups()
        XCTAssertFalse(groups.isEmpty)
    }

    func endpoints() async throws {
        let polaris = try client(.polaris)
        let text = try await polaris.callEndpoint(
            endpointId: "polaris.get_user",
            inputJson: #"{"user_id":"d88d4e47-d6ed-4820-880e-c0564ce99752"}"#
        )
        XCTAssertEqual(try JSONValue.parse(text)["email"]?.string, "alex.smith@email.com")
    }

    func retriesAfter429() async throws {
        try await emulator.addFault(#"{"provider":"b2core","kind":{"type":"status","status":429,"retry_after":"0"},"times":2}"#)
        let group = try await client(.b2core).getGroup(groupId: "1")
        XCTAssertEqual(group.name, "Administrators")
    }
}

/// The workflows over the built-in reqwest transport.
final class BuiltinTransportWorkflowTests: XCTestCase {
    private static var emulator: EmulatorProcess?
    override class func setUp() { emulator = try? EmulatorProcess() }
    override class func tearDown() { emulator?.stop() }

    private func workflows() async throws -> Workflows {
        let emulator = try XCTUnwrap(Self.emulator, "the emulator did not start")
        try await emulator.reset()
        return Workflows(emulator: emulator, transport: nil)
    }

    func testSsw() async throws { try await workflows().ssw() }
    func testPolaris() async throws { try await workflows().polaris() }
    func testOtherVendors() async throws { try await workflows().otherVendors() }
    func testEndpoints() async throws { try await workflows().endpoints() }
    func testRetriesAfter429() async throws { try await workflows().retriesAfter429() }
}

/// The workflows over a transport written in Swift.
final class URLSessionTransportWorkflowTests: XCTestCase {
    private static var emulator: EmulatorProcess?
    private let transport = URLSessionTransport()
    override class func setUp() { emulator = try? EmulatorProcess() }
    override class func tearDown() { emulator?.stop() }

    private func workflows() async throws -> Workflows {
        let emulator = try XCTUnwrap(Self.emulator, "the emulator did not start")
        try await emulator.reset()
        return Workflows(emulator: emulator, transport: transport)
    }

    func testSsw() async throws { try await workflows().ssw() }
    func testPolaris() async throws { try await workflows().polaris() }
    func testOtherVendors() async throws { try await workflows().otherVendors() }
    func testEndpoints() async throws { try await workflows().endpoints() }
    func testRetriesAfter429() async throws { try await workflows().retriesAfter429() }

    func testEveryRequestGoesThroughTheSwiftTransport() async throws {
        let before = transport.sent
        _ = try await workflows().client(.b2core).listGroups()
        XCTAssertGreaterThan(transport.sent, before)
    }
}
