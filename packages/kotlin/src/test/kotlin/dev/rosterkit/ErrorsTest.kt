package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.HttpTransportException
import dev.rosterkit.core.NewGroup
import dev.rosterkit.core.OutcomeStatus
import dev.rosterkit.core.Provider
import dev.rosterkit.core.Request
import dev.rosterkit.core.Response
import dev.rosterkit.core.RetryPolicy
import dev.rosterkit.core.RosterKitException
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Typed errors, and no credential in any message or string form. */
class ErrorsTest : EmulatorTest() {
    private val secret = "wrong-token-0123456789abcdef"

    private fun config(provider: Provider, transport: HttpTransport? = null, baseUrl: String? = null) =
        ClientConfig(
            provider = provider,
            baseUrl = baseUrl ?: emulator.baseUrl(provider),
            tenantId = EmulatorProcess.tenant(provider),
            // One attempt: these tests are about the error, not the retries.
            retry = RetryPolicy(maxAttempts = 1u),
            transport = transport,
        )

    private fun client(provider: Provider, token: String = EmulatorProcess.token(provider)) =
        RosterKitClient(config(provider), token)

    private fun assertNoSecret(vararg texts: String?) {
        for (t in texts) assertFalse(t.orEmpty().contains(secret), "credential leaked into: $t")
    }

    @Test
    fun `a wrong token is an Auth error that never shows the token`() = runBlocking {
        for (transport in listOf<HttpTransport?>(null, JavaHttpTransport())) {
            val client = RosterKitClient(config(Provider.SSW, transport), secret)
            val e = assertThrows<RosterKitException.Auth> { runBlocking { client.listGroups() } }
            assertEquals(401, e.statusCode)
            assertNoSecret(e.message, e.toString(), e.detail, e.description, e.stackTraceToString(), client.toString())
        }
    }

    @Test
    fun `a missing group is NotFound`() {
        val e = assertThrows<RosterKitException.NotFound> {
            runBlocking { client(Provider.POLARIS).getGroup("00000000-0000-0000-0000-000000000000") }
        }
        assertTrue(e.detail.isNotBlank())
    }

    @Test
    fun `ssw cannot create groups and says why`() {
        val e = assertThrows<RosterKitException.Unsupported> {
            runBlocking { client(Provider.SSW).createGroup(NewGroup(name = "New", role = null)) }
        }
        assertEquals(Provider.SSW, e.provider)
        assertEquals("create_group", e.operation)
        assertTrue(e.reason.isNotBlank())
        assertThrows<RosterKitException.Unsupported> {
            runBlocking { client(Provider.B2CORE).addMembers("1", listOf("u1")) }
        }
    }

    @Test
    fun `bad input names the field`() {
        val ssw = client(Provider.SSW)
        fun field(block: suspend () -> Unit): String =
            assertThrows<RosterKitException.InvalidInput> { runBlocking { block() } }.field
        assertEquals("user_ids", field { ssw.addMembers("grp_001", emptyList()) })
        assertEquals("input", field { ssw.callEndpoint("ssw.list_members", "{not json") })
        assertEquals("endpoint", field { ssw.callEndpoint("polaris.get_user", """{"user_id":"u1"}""") })
        assertEquals("group_id", field { ssw.deleteGroup("..") })
        assertEquals("base_url", field { RosterKitClient(config(Provider.SSW, baseUrl = "ftp://example.com"), "t") })
        val crlf = assertThrows<RosterKitException.InvalidInput> {
            RosterKitClient(config(Provider.SSW), "$secret\r\nX-Evil: 1")
        }
        assertEquals("token", crlf.field)
        assertNoSecret(crlf.message, crlf.toString(), crlf.description)
        assertEquals("endpoint", field { buildRequest("nope.nothing", "{}", "https://x.example", "t") })
    }

    @Test
    fun `string forms of configs and clients hide the token`() {
        val client = RosterKitClient(config(Provider.SSW), secret)
        assertTrue(client.toString().startsWith("RosterKitClient(ssw at "), client.toString())
        assertNoSecret(client.toString(), config(Provider.SSW).toString())
        val custom = RosterKitClient(config(Provider.SSW, JavaHttpTransport()), secret)
        assertTrue(custom.toString().contains("custom transport"), custom.toString())
    }

    @Test
    fun `a built request's string form hides the token`() {
        val request: Request = buildRequest("ssw.list_members", "{}", "https://api.example.com", secret)
        // The header itself carries the token, since it must go on the wire...
        assertEquals("Bearer $secret", request.headers.single { it.name == "Authorization" }.value)
        // ...but no string form of it does.
        assertNoSecret(request.toString(), request.headers.joinToString { it.toString() })
    }

    @Test
    fun `a failing Kotlin transport becomes a Transport error`() {
        val refusing = object : HttpTransport {
            override suspend fun send(request: Request): Response =
                throw HttpTransportException.NotSent("connection refused by test")
        }
        val client = RosterKitClient(config(Provider.B2CORE, refusing), EmulatorProcess.token(Provider.B2CORE))
        val e = assertThrows<RosterKitException.Transport> { runBlocking { client.listGroups() } }
        assertTrue(e.detail.contains("connection refused by test"), e.detail)

        // Any other exception is reported the same way, never as a crash.
        val broken = object : HttpTransport {
            override suspend fun send(request: Request): Response = error("boom from Kotlin")
        }
        val other = RosterKitClient(config(Provider.B2CORE, broken), EmulatorProcess.token(Provider.B2CORE))
        assertThrows<RosterKitException.Transport> { runBlocking { other.listGroups() } }
    }

    @Test
    fun `an Auth error of one change is reported on that user`() = runBlocking {
        val client = client(Provider.ALTERYX, secret)
        val report = client.addMembers("61d58ac83c15317e1a482069", listOf("61d564361d6d5da7ad461a33"))
        assertEquals(1, report.failedCount)
        val outcome = report.outcomes.single()
        assertEquals(OutcomeStatus.FAILED, outcome.status)
        assertTrue(outcome.error is RosterKitException.Auth, "got ${outcome.error}")
        assertTrue(report.steps.single().error is RosterKitException.Auth)
        assertNoSecret(report.toString())
    }
}
