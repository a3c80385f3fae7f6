package dev.rosterkit

import dev.rosterkit.core.Provider
import dev.rosterkit.core.Response
import dev.rosterkit.core.RetryAfter
import dev.rosterkit.core.RetryPolicy
import dev.rosterkit.core.RosterKitException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import kotlin.time.Duration.Companion.seconds

/** The hand-written idioms of src/ext/kotlin: Flow paging, Int views, readable errors. */
class ExtensionsTest : EmulatorTest() {
    private fun sswPages() = emulator.requestLog().count { it.provider == "ssw" }

    @Test
    fun `users() fetches one page per demand`() = runBlocking {
        val ssw = client(Provider.SSW)
        val all = ssw.listUsers()
        assertTrue(all.size > 200, "three pages of 100 at least")
        emulator.clearLog()

        val flow: Flow<dev.rosterkit.core.User> = ssw.users()
        assertEquals(0, sswPages(), "a Flow is cold: nothing is fetched before it is collected")
        assertEquals(all.take(1), flow.take(1).toList())
        assertEquals(1, sswPages(), "one item, one page")
        emulator.clearLog()
        assertEquals(all.take(150), ssw.users().take(150).toList())
        assertEquals(2, sswPages(), "150 items, two pages of 100")
        assertEquals(all, ssw.users().toList())
    }

    @Test
    fun `groups() and members() are the same lists as the list calls`() = runBlocking {
        val polaris = client(Provider.POLARIS)
        assertEquals(polaris.listGroups(), polaris.groups().toList())
        val ssw = client(Provider.SSW)
        assertEquals(ssw.listMembers("grp_001"), ssw.members("grp_001").toList())
    }

    @Test
    fun `a paging error surfaces when the Flow is collected`() {
        val users = client(Provider.SPOTNANA).users()
        val e = assertThrows<RosterKitException.Unsupported> { runBlocking { users.toList() } }
        assertEquals(Provider.SPOTNANA, e.provider)
    }

    @Test
    fun `statuses and counts are plain Ints`() = runBlocking {
        assertEquals(404, Response(status = 404u, body = ByteArray(0)).statusCode)
        assertEquals(204, Response(status = 204u, body = ByteArray(0)).statusCode)

        emulator.addFault("""{"provider":"b2core","kind":{"type":"status","status":500},"times":1}""")
        val b2core = client(Provider.B2CORE, retry = RetryPolicy(maxAttempts = 1u))
        val api = assertThrows<RosterKitException.Api> { runBlocking { b2core.getGroup("1") } }
        assertEquals(500, api.statusCode)

        val report = client(Provider.SSW).addMembers("grp_001", listOf("user_123", "user_1005"))
        assertEquals(1, report.addedCount)
        assertEquals(1, report.unchangedCount)
        val total = report.addedCount + report.removedCount + report.unchangedCount + report.pendingCount +
            report.failedCount + report.unknownCount + report.notRunCount + report.unresolvedCount
        assertEquals(report.outcomes.size, total)
    }

    @Test
    fun `Retry-After is a Duration or an Instant`() = runBlocking {
        emulator.addFault("""{"provider":"b2core","kind":{"type":"status","status":429,"retry_after":"2"},"times":1}""")
        val b2core = client(Provider.B2CORE, retry = RetryPolicy(maxAttempts = 1u))
        val limited = assertThrows<RosterKitException.RateLimited> { runBlocking { b2core.getGroup("1") } }
        assertEquals(2.seconds, (limited.retryAfter as RetryAfter.Delay).duration)
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), RetryAfter.At(1767323045000uL).instant)
    }

    @Test
    fun `errors read as a sentence`() {
        val secret = "wrong-token-0123456789abcdef"
        val client = RosterKitClient(
            ClientConfig(Provider.SSW, emulator.baseUrl(Provider.SSW), EmulatorProcess.tenant(Provider.SSW)),
            secret,
        )
        val e = assertThrows<RosterKitException.Auth> { runBlocking { client.listGroups() } }
        // What uniffi generates lists the fields...
        assertTrue(e.message!!.startsWith("status=401, vendorCode="), e.message)
        // ...the extension reads as the CLI prints it.
        assertTrue(e.description.startsWith("authentication failed: HTTP 401"), e.description)
        assertTrue(e.description.endsWith(e.detail), e.description)
        assertFalse(e.description.contains(secret))

        val input = assertThrows<RosterKitException.InvalidInput> {
            buildRequest("ssw.list_members", "{not json", "https://x.example", "t")
        }
        assertEquals("invalid input: ${input.field}: ${input.reason}", input.description)
    }
}
