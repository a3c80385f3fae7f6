package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.ApplyReport
import dev.rosterkit.core.Change
import dev.rosterkit.core.MembershipPlan
import dev.rosterkit.core.OutcomeStatus
import dev.rosterkit.core.Provider
import dev.rosterkit.core.Resolution
import dev.rosterkit.core.RosterKitException
import dev.rosterkit.core.SyncMode
import dev.rosterkit.core.SyncOptions
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * Membership sync against the emulator (issue 11): syncs by email change
 * nothing, the guards refuse before any change, unknown entries fail the plan
 * or are skipped on request, reports have one outcome per user, and a
 * cancelled apply reports what the emulator saw. Run over both transports.
 */
abstract class MembershipSyncTest : EmulatorTest() {
    private val authoritative = SyncOptions(mode = SyncMode.AUTHORITATIVE)

    /** A group to sync per provider: SSW's `grp_001`, the smallest modifiable Polaris group with members. */
    private suspend fun groupOf(client: RosterKitClient): String = when (client.provider()) {
        Provider.SSW -> "grp_001"
        else -> client.listGroups().filter { !it.readOnly && (it.memberCount ?: 0uL) > 0uL }.minBy { it.memberCount!! }.id
    }

    /** A user of the directory outside [groupId]. */
    private suspend fun outsider(client: RosterKitClient, groupId: String): String {
        val members = client.listMembers(groupId).map { it.userId }.toSet()
        return client.listUsers().first { it.id !in members }.id
    }

    private fun assertNothingChanged() {
        val changes = emulator.requestLog().filter { it.changes }
        assertEquals(emptyList<LoggedRequest>(), changes, "the emulator saw changes")
    }

    @Test
    fun `a sync from the members' own emails changes nothing`() = runBlocking {
        for (provider in listOf(Provider.SSW, Provider.POLARIS)) {
            val client = client(provider)
            val group = groupOf(client)
            val members = client.listMembers(group)
            val emails = members.map { checkNotNull(it.email) { "$provider member ${it.userId} has no email" } }
            emulator.clearLog()

            val plan = client.plan(group, emails, authoritative)
            assertEquals(emptyList<String>(), plan.toAdd, "$provider")
            assertEquals(emptyList<String>(), plan.toRemove, "$provider")
            assertEquals(0uL, plan.callCount)
            assertEquals(members.map { it.userId }.toSet(), plan.entries.map { it.userId }.toSet())
            assertTrue(plan.entries.all { it.resolution == Resolution.MEMBER }, "${plan.entries}")

            val report = client.sync(group, emails, authoritative)
            assertTrue(report.ok, "$report")
            assertEquals(0, report.addedCount)
            assertEquals(0, report.removedCount)
            assertEquals(emails.size, report.unchangedCount)
            assertEquals(emails.toSet(), report.outcomes.map { it.entry }.toSet(), "each outcome names its email")
            assertNothingChanged()
            assertEquals(members, client.listMembers(group))
        }
    }

    @Test
    fun `an empty desired set and one that matches no member are refused and nothing is removed`() = runBlocking {
        for (provider in listOf(Provider.SSW, Provider.POLARIS)) {
            val client = client(provider)
            val group = groupOf(client)
            val before = client.listMembers(group)
            val stranger = outsider(client, group)
            emulator.clearLog()

            val empty = assertThrows<RosterKitException.Refused> { runBlocking { client.sync(group, emptyList(), authoritative) } }
            assertEquals("empty_desired", empty.guard)
            assertTrue(empty.detail.isNotBlank())
            val noOverlap = assertThrows<RosterKitException.Refused> {
                runBlocking { client.sync(group, listOf(stranger), authoritative) }
            }
            assertEquals("no_overlap", noOverlap.guard)
            assertTrue(noOverlap.description.startsWith("refused (no_overlap)"), noOverlap.description)

            assertNothingChanged()
            assertEquals(before, client.listMembers(group))
        }
    }

    @Test
    fun `an unknown id fails the plan before any change, or is reported and skipped on request`() = runBlocking {
        val ssw = client(Provider.SSW)
        val members = ssw.listMembers("grp_001").map { it.userId }
        val newcomer = outsider(ssw, "grp_001")
        val unknown = "user_does_not_exist_404"
        val desired = members + newcomer + unknown
        emulator.clearLog()

        val refused = assertThrows<RosterKitException.Refused> { runBlocking { ssw.sync("grp_001", desired, authoritative) } }
        assertEquals("unresolved", refused.guard)
        assertTrue(refused.detail.contains(unknown), refused.detail)
        assertNothingChanged()

        val plan = ssw.plan("grp_001", desired, authoritative.copy(skipUnresolved = true))
        val entry = plan.entries.single { it.entry == unknown }
        assertEquals(Resolution.UNRESOLVED, entry.resolution)
        assertNull(entry.userId)
        assertEquals(listOf(newcomer), plan.toAdd)
        assertEquals(emptyList<String>(), plan.toRemove)

        val report = ssw.apply(plan)
        assertEquals(1, report.addedCount)
        assertEquals(1, report.unresolvedCount)
        val skipped = report.outcomes.single { it.status == OutcomeStatus.UNRESOLVED }
        assertEquals(unknown, skipped.entry)
        assertEquals(Change.SKIP, skipped.change)
        assertEquals(OutcomeStatus.ADDED, report.outcomes.single { it.userId == newcomer }.status)
        assertEquals((members + newcomer).toSet(), ssw.listMembers("grp_001").map { it.userId }.toSet())
    }

    @Test
    fun `a user an Alteryx 200 did not add is a failed outcome naming that user`() = runBlocking {
        val alteryx = client(Provider.ALTERYX)
        val group = "61d58ac83c15317e1a482069"
        val unknown = "000000000000000000000000"
        val report = alteryx.addMembers(group, listOf(unknown))
        assertFalse(report.ok)
        assertEquals(1, report.failedCount)
        val failed = report.outcomes.single { it.userId == unknown }
        assertEquals(OutcomeStatus.FAILED, failed.status)
        val error = failed.error as RosterKitException.Api
        assertEquals(200, error.statusCode)
        assertEquals("failedUserReasons", error.vendorCode)
    }

    @Test
    fun `an applied plan's report has one outcome per user`() = runBlocking {
        val ssw = client(Provider.SSW)
        val members = ssw.listMembers("grp_001").map { it.userId }.sorted()
        val leaving = members.take(2)
        val joining = ssw.listUsers().map { it.id }.filter { it !in members }.take(2)
        val desired = members - leaving.toSet() + joining

        val plan = ssw.plan("grp_001", desired, authoritative.copy(allowMassRemoval = true))
        assertEquals(joining.toSet(), plan.toAdd.toSet())
        assertEquals(leaving.toSet(), plan.toRemove.toSet())
        val report = ssw.apply(plan)

        val users = report.outcomes.map { it.userId }
        assertEquals(users.size, users.toSet().size, "one outcome per user: $users")
        assertEquals((members + joining).toSet(), users.toSet())
        val status = report.outcomes.associate { it.userId to it.status }
        joining.forEach { assertEquals(OutcomeStatus.ADDED, status[it], it) }
        leaving.forEach { assertEquals(OutcomeStatus.REMOVED, status[it], it) }
        (members - leaving.toSet()).forEach { assertEquals(OutcomeStatus.ALREADY_MEMBER, status[it], it) }
        assertEquals(listOf(2, 2, members.size - 2, 0), listOf(report.addedCount, report.removedCount, report.unchangedCount, report.failedCount))
        assertTrue(report.ok)
        assertNull(ssw.replan(report), "nothing left to do")
        assertEquals(desired.toSet(), ssw.listMembers("grp_001").map { it.userId }.toSet())
    }

    /** A plan removing five members of SSW `grp_001`, one DELETE at a time, each delayed 300 ms by the emulator. */
    private suspend fun slowRemovals(): Pair<RosterKitClient, MembershipPlan> {
        val ssw = client(Provider.SSW, concurrency = 1u)
        val members = ssw.listMembers("grp_001").map { it.userId }.sorted()
        val leaving = members.take(5)
        val plan = ssw.plan("grp_001", members - leaving.toSet(), authoritative.copy(allowMassRemoval = true))
        assertEquals(leaving.toSet(), plan.toRemove.toSet())
        emulator.addFault("""{"provider":"ssw","method":"DELETE","kind":{"type":"latency","millis":300}}""")
        emulator.clearLog()
        return ssw to plan
    }

    /** The partial report of [plan] agrees with the DELETEs the emulator saw. */
    private suspend fun assertMatchesLog(report: ApplyReport, plan: MembershipPlan) {
        assertTrue(report.cancelled)
        assertFalse(report.ok)
        delay(1000) // a DELETE the emulator was still delaying is logged once it is handled
        val deleted = emulator.requestLog().filter { it.method == "DELETE" }.map { it.path.substringAfterLast('/') }
        val status = report.outcomes.associate { it.userId to it.status }
        assertEquals(plan.toRemove.toSet(), report.outcomes.filter { it.change == Change.REMOVE }.map { it.userId }.toSet())
        assertTrue(deleted.isNotEmpty(), "some DELETE ran before the cancel")
        // Every change the emulator saw is reported removed or unknown, never "not run"...
        for (user in deleted) {
            assertTrue(status[user] == OutcomeStatus.REMOVED || status[user] == OutcomeStatus.UNKNOWN, "$user: ${status[user]}")
        }
        // ...nothing it did not see is reported removed, and some never started.
        for (user in plan.toRemove - deleted.toSet()) assertNotEquals(OutcomeStatus.REMOVED, status[user], user)
        assertTrue(status.values.any { it == OutcomeStatus.NOT_RUN }, "$status")
        assertEquals(report.notRunCount, status.values.count { it == OutcomeStatus.NOT_RUN })
    }

    @Test
    fun `a cancelled apply coroutine leaves a report that agrees with the emulator`() = runBlocking {
        val (ssw, plan) = slowRemovals()
        val progress = ApplyProgress()
        val apply = launch(Dispatchers.Default) { ssw.apply(plan, progress) }
        delay(750)
        apply.cancelAndJoin()
        assertMatchesLog(checkNotNull(progress.report()) { "the apply had started" }, plan)
    }

    @Test
    fun `ApplyProgress cancel() ends an apply with its partial report`() = runBlocking {
        val (ssw, plan) = slowRemovals()
        val progress = ApplyProgress()
        val apply = async(Dispatchers.Default) { ssw.apply(plan, progress) }
        delay(750)
        progress.cancel()
        val report = apply.await()
        assertEquals(report.outcomes.map { it.status }, progress.report()?.outcomes?.map { it.status })
        assertMatchesLog(report, plan)
    }
}

/** Membership sync over the built-in transport. */
class BuiltinTransportMembershipSyncTest : MembershipSyncTest()

/** Membership sync over a transport written in Kotlin. */
class KotlinTransportMembershipSyncTest : MembershipSyncTest() {
    private val java = JavaHttpTransport()

    override fun transport(): HttpTransport = java
}
