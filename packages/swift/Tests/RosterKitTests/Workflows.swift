import Foundation
import RosterKit
import XCTest

/// Documented workflows and membership syncs against the emulator over real
/// HTTP, written once and run by two test classes: one with the built-in
/// transport, one with `URLSessionTransport`.
struct Workflows {
    let emulator: EmulatorProcess
    let transport: HttpTransport?
    private let authoritative = SyncOptions(mode: .authoritative)

    init(emulator: EmulatorProcess, transport: HttpTransport?) {
        self.emulator = emulator
        self.transport = transport
    }

    func client(_ provider: Provider, retry: RetryPolicy? = nil, concurrency: UInt32? = nil) throws -> RosterKitClient {
        try RosterKitClient(
            config: ClientConfig(
                provider: provider,
                baseUrl: emulator.baseUrl(provider),
                tenantId: EmulatorProcess.tenant(provider),
                retry: retry,
                concurrency: concurrency,
                transport: transport
            ),
            token: EmulatorProcess.token(provider)
        )
    }

    // MARK: Workflows

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
        XCTAssertEqual(added.addedCount, 1)
        XCTAssertEqual(added.steps.first?.step.endpointIds, ["ssw.add_group_member"])
        let after = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        XCTAssertTrue(after.contains("user_1005"))

        // Contractors needs approval: the add files a join request, approval makes it a membership.
        let contractors = try XCTUnwrap(groups.first { $0.name == "Contractors" }?.id)
        let request = try await ssw.addMembers(groupId: contractors, userIds: ["user_1006"])
        XCTAssertEqual(request.outcomes.first?.status, .pendingApproval)
        let pending = try await ssw.listMembers(groupId: contractors).map(\.userId)
        XCTAssertFalse(pending.contains("user_1006"))
        try await ssw.approveMember(groupId: contractors, userId: "user_1006")
        let approved = try await ssw.listMembers(groupId: contractors).map(\.userId)
        XCTAssertTrue(approved.contains("user_1006"))

        let plan = try await ssw.plan(groupId: "grp_001", desired: before, options: authoritative)
        XCTAssertEqual(plan.toRemove, ["user_1005"])
        XCTAssertEqual(plan.toAdd, [])
        XCTAssertEqual(plan.callCount, 1)
        let report = try await ssw.apply(plan: plan)
        XCTAssertTrue(report.ok)
        XCTAssertEqual(report.removedCount, 1)
        let restored = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        XCTAssertEqual(restored.sorted(), before.sorted())
    }

    func polaris() async throws {
        let polaris = try client(.polaris)
        let group = try await polaris.createGroup(group: NewGroup(
            name: "Swift QA",
            permissions: [Permission(name: "AccessQueries", resources: ["projects/*"]), Permission(name: "AdministerApiKeys")],
            role: nil
        ))
        XCTAssertEqual(group.name, "Swift QA")
        let renamed = try await polaris.updateGroup(groupId: group.id, changes: GroupChanges(name: "Swift QA renamed", permissions: nil, role: nil))
        if let renamed = renamed { XCTAssertEqual(renamed.name, "Swift QA renamed") }
        let reread = try await polaris.getGroup(groupId: group.id)
        XCTAssertEqual(reread.name, "Swift QA renamed")
        XCTAssertEqual(reread.permissions.count, 2, "the rename kept the permissions")

        let alex = "d88d4e47-d6ed-4820-880e-c0564ce99752"
        let other = "48b08425-7393-4730-bb7d-736e69ef1d92"
        let add = try await polaris.addMembers(groupId: group.id, userIds: [alex, other])
        XCTAssertEqual(add.steps.count, 1, "Polaris adds in one batch")
        let members = try await polaris.listMembers(groupId: group.id).map(\.userId)
        XCTAssertEqual(Set(members), [alex, other])

        // No removal endpoint: a removal reads the user and writes it back without the group.
        let plan = try await polaris.plan(groupId: group.id, desired: [alex], options: authoritative)
        XCTAssertEqual(plan.toRemove, [other])
        XCTAssertEqual(plan.steps.first.map { Array($0.endpointIds.prefix(2)) }, ["polaris.get_user", "polaris.update_user"])
        let report = try await polaris.apply(plan: plan)
        XCTAssertEqual(report.failedCount, 0)
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
        let created = try await alteryx.createGroup(group: NewGroup(name: "Swift Artisans", role: "Artisan"))
        XCTAssertEqual(created.role, "Artisan")
        try await alteryx.deleteGroup(groupId: created.id)

        let b2core = try client(.b2core)
        let admins = try await b2core.getGroup(groupId: "1")
        XCTAssertEqual(admins.name, "Administrators")
        let desk = try await b2core.createGroup(group: NewGroup(name: "Desk", permissions: [Permission(name: "accounts.read")], role: nil))
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
        let sent = try await emulator.requestLog().filter { $0.provider == "b2core" }
        XCTAssertEqual(sent.count, 3)
    }

    // MARK: Membership sync (issue 11)

    /// SSW's `grp_001`, or the smallest modifiable Polaris group with members.
    private func group(of client: RosterKitClient) async throws -> String {
        if client.provider() == .ssw { return "grp_001" }
        let groups = try await client.listGroups().filter { !$0.readOnly && ($0.memberCount ?? 0) > 0 }
        return try XCTUnwrap(groups.min { ($0.memberCount ?? 0) < ($1.memberCount ?? 0) }?.id)
    }

    private func outsider(_ client: RosterKitClient, _ groupId: String) async throws -> String {
        let members = Set(try await client.listMembers(groupId: groupId).map(\.userId))
        let users = try await client.listUsers()
        return try XCTUnwrap(users.first { !members.contains($0.id) }?.id)
    }

    private func assertNothingChanged(file: StaticString = #filePath, line: UInt = #line) async throws {
        let changes = try await emulator.requestLog().filter(\.changes)
        XCTAssertEqual(changes, [], "the emulator saw changes", file: file, line: line)
    }

    /// Runs `body`, which must throw `RosterKitError.Refused`; returns its guard.
    private func refusal(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            XCTFail("expected a refusal")
        } catch let RosterKitError.Refused(guardName, _) {
            return guardName
        } catch {
            XCTFail("expected Refused, got \(error)")
        }
        return nil
    }

    func syncByEmailsChangesNothing() async throws {
        for provider in [Provider.ssw, .polaris] {
            let client = try self.client(provider)
            let group = try await self.group(of: client)
            let members = try await client.listMembers(groupId: group)
            let emails = try members.map { try XCTUnwrap($0.email, "\(provider) member \($0.userId) has no email") }
            try await emulator.clearLog()

            let plan = try await client.plan(groupId: group, desired: emails, options: authoritative)
            XCTAssertEqual(plan.toAdd, [])
            XCTAssertEqual(plan.toRemove, [])
            XCTAssertEqual(plan.callCount, 0)
            XCTAssertTrue(plan.entries.allSatisfy { $0.resolution == .member })

            let report = try await client.sync(groupId: group, desired: emails, options: authoritative)
            XCTAssertTrue(report.ok)
            XCTAssertEqual(report.addedCount, 0)
            XCTAssertEqual(report.removedCount, 0)
            XCTAssertEqual(report.unchangedCount, emails.count)
            XCTAssertEqual(Set(report.outcomes.compactMap(\.entry)), Set(emails), "each outcome names its email")
            try await assertNothingChanged()
            let after = try await client.listMembers(groupId: group)
            XCTAssertEqual(after, members)
        }
    }

    func guardsRefuseBeforeAnyChange() async throws {
        for provider in [Provider.ssw, .polaris] {
            let client = try self.client(provider)
            let group = try await self.group(of: client)
            let before = try await client.listMembers(groupId: group)
            let stranger = try await outsider(client, group)
            try await emulator.clearLog()

            let empty = await refusal { _ = try await client.sync(groupId: group, desired: [], options: self.authoritative) }
            XCTAssertEqual(empty, "empty_desired")
            let noOverlap = await refusal { _ = try await client.sync(groupId: group, desired: [stranger], options: self.authoritative) }
            XCTAssertEqual(noOverlap, "no_overlap")
            try await assertNothingChanged()
            let after = try await client.listMembers(groupId: group)
            XCTAssertEqual(after, before)
        }
    }

    func unknownIdsFailThePlanOrAreSkipped() async throws {
        let ssw = try client(.ssw)
        let members = try await ssw.listMembers(groupId: "grp_001").map(\.userId)
        let newcomer = try await outsider(ssw, "grp_001")
        let unknown = "user_does_not_exist_404"
        let desired = members + [newcomer, unknown]
        try await emulator.clearLog()

        let refused = await refusal { _ = try await ssw.sync(groupId: "grp_001", desired: desired, options: self.authoritative) }
        XCTAssertEqual(refused, "unresolved")
        try await assertNothingChanged()

        let skipping = SyncOptions(mode: .authoritative, skipUnresolved: true)
        let plan = try await ssw.plan(groupId: "grp_001", desired: desired, options: skipping)
        let entry = try XCTUnwrap(plan.entries.first { $0.entry == unknown })
        XCTAssertEqual(entry.resolution, .unresolved)
        XCTAssertNil(entry.userId)
        XCTAssertEqual(plan.toAdd, [newcomer])
        XCTAssertEqual(plan.toRemove, [])

        let report = try await ssw.apply(plan: plan)
        XCTAssertEqual(report.addedCount, 1)
        XCTAssertEqual(report.unresolvedCount, 1)
        let skipped = try XCTUnwrap(report.outcomes.first { $0.status == .unresolved })
        XCTAssertEqual(skipped.entry, unknown)
        XCTAssertEqual(skipped.change, .skip)
        XCTAssertEqual(report.outcomes.first { $0.userId == newcomer }?.status, .added)
    }

    func oneOutcomePerUser() async throws {
        let ssw = try client(.ssw)
        let members = try await ssw.listMembers(groupId: "grp_001").map(\.userId).sorted()
        let leaving = Array(members.prefix(2))
        let joining = Array(try await ssw.listUsers().map(\.id).filter { !members.contains($0) }.prefix(2))
        let desired = members.filter { !leaving.contains($0) } + joining

        let options = SyncOptions(mode: .authoritative, allowMassRemoval: true)
        let plan = try await ssw.plan(groupId: "grp_001", desired: desired, options: options)
        XCTAssertEqual(Set(plan.toAdd), Set(joining))
        XCTAssertEqual(Set(plan.toRemove), Set(leaving))
        let report = try await ssw.apply(plan: plan)

        let users = report.outcomes.map(\.userId)
        XCTAssertEqual(users.count, Set(users).count, "one outcome per user")
        XCTAssertEqual(Set(users), Set(members + joining))
        let status = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.userId, $0.status) })
        joining.forEach { XCTAssertEqual(status[$0], .added, $0) }
        leaving.forEach { XCTAssertEqual(status[$0], .removed, $0) }
        XCTAssertEqual(
            [report.addedCount, report.removedCount, report.unchangedCount, report.failedCount],
            [2, 2, members.count - 2, 0]
        )
        XCTAssertTrue(report.ok)
        XCTAssertNil(try ssw.replan(report: report), "nothing left to do")
    }

    /// Swift does not drop an async call when its Task is cancelled, so the
    /// cancellation reaches the apply through `ApplyProgress.cancel()`.
    func cancelledApplyAgreesWithTheEmulator() async throws {
        let ssw = try client(.ssw, concurrency: 1)
        let members = try await ssw.listMembers(groupId: "grp_001").map(\.userId).sorted()
        let leaving = Array(members.prefix(5))
        let options = SyncOptions(mode: .authoritative, allowMassRemoval: true)
        let plan = try await ssw.plan(groupId: "grp_001", desired: members.filter { !leaving.contains($0) }, options: options)
        XCTAssertEqual(Set(plan.toRemove), Set(leaving))
        try await emulator.addFault(#"{"provider":"ssw","method":"DELETE","kind":{"type":"latency","millis":300}}"#)
        try await emulator.clearLog()

        let progress = ApplyProgress()
        let task = Task {
            try await withTaskCancellationHandler {
                try await ssw.apply(plan: plan, progress: progress)
            } onCancel: {
                progress.cancel()
            }
        }
        try await Task.sleep(nanoseconds: 750_000_000)
        task.cancel()
        let report = try await task.value
        XCTAssertTrue(report.cancelled)
        XCTAssertFalse(report.ok)

        try await Task.sleep(nanoseconds: 1_000_000_000) // a DELETE still delayed is logged once handled
        let deleted = try await emulator.requestLog().filter { $0.method == "DELETE" }
            .map { String($0.path.split(separator: "/").last ?? "") }
        let status = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.userId, $0.status) })
        XCTAssertFalse(deleted.isEmpty, "some DELETE ran before the cancel")
        // Every change the emulator saw is reported removed or unknown, never "not run"...
        for user in deleted {
            XCTAssertTrue(status[user].map { [.removed, .unknown].contains($0) } ?? false, "\(user): \(String(describing: status[user]))")
        }
        // ...nothing it did not see is reported removed, and some never started.
        for user in leaving where !deleted.contains(user) {
            XCTAssertNotEqual(status[user], .removed, user)
        }
        XCTAssertTrue(status.values.contains(.notRun))
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
    func testSyncByEmailsChangesNothing() async throws { try await workflows().syncByEmailsChangesNothing() }
    func testGuardsRefuseBeforeAnyChange() async throws { try await workflows().guardsRefuseBeforeAnyChange() }
    func testUnknownIdsFailThePlanOrAreSkipped() async throws { try await workflows().unknownIdsFailThePlanOrAreSkipped() }
    func testOneOutcomePerUser() async throws { try await workflows().oneOutcomePerUser() }
    func testCancelledApplyAgreesWithTheEmulator() async throws { try await workflows().cancelledApplyAgreesWithTheEmulator() }
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
    func testSyncByEmailsChangesNothing() async throws { try await workflows().syncByEmailsChangesNothing() }
    func testGuardsRefuseBeforeAnyChange() async throws { try await workflows().guardsRefuseBeforeAnyChange() }
    func testUnknownIdsFailThePlanOrAreSkipped() async throws { try await workflows().unknownIdsFailThePlanOrAreSkipped() }
    func testOneOutcomePerUser() async throws { try await workflows().oneOutcomePerUser() }
    func testCancelledApplyAgreesWithTheEmulator() async throws { try await workflows().cancelledApplyAgreesWithTheEmulator() }

    func testEveryRequestGoesThroughTheSwiftTransport() async throws {
        let before = transport.sent
        _ = try await workflows().client(.b2core).listGroups()
        XCTAssertGreaterThan(transport.sent, before)
    }
}
