package dev.rosterkit

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** Typed errors, and no credential in any message or string form. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    private lateinit var emulator: EmulatorProcess
    private val secret = "wrong-token-0123456789abcdef"

    @BeforeAll
    fun startEmulator() {
        emulator = EmulatorProcess()
    }

    @AfterAll
    fun stopEmulator() = emulator.close()

    private fun config(provider: Provider, transport: HttpTransport? = null, baseUrl: String? = null) =
        ClientConfig(
            provider = provider,
            baseUrl = baseUrl ?: emulator.baseUrl(provider),
            tenantId = EmulatorProcess.tenant(provider),
            // One attempt: these tests are about the error, not the retries.
            retry = RetrySettings(maxAttempts = 1u),
            transport = transport,
        )

    private fun assertNoSecret(vararg texts: String?) {
        for (t in texts) assertFalse(t.orEmpty().contains(secret), "credential leaked into: $t")
    }

    @Test
    fun `a wrong token is an Auth error that never shows the token`() = runBlocking {
        for (transport in listOf<HttpTransport?>(null, JavaHttpTransport())) {
            val client = RosterKitClient(config(Provider.SSW, transport), secret)
            val e = assertThrows<RosterKitException.Auth> { runBlocking { client.listGroups() } }
            assertEquals(401, e.status.toInt())
            assertNoSecret(e.message, e.toString(), e.detail, e.stackTraceToString(), client.toString())
        }
    }

    @Test
    fun `a missing group is NotFound`() {
        val client = RosterKitClient(config(Provider.POLARIS), EmulatorProcess.token(Provider.POLARIS))
        assertThrows<RosterKitException.NotFound> {
            runBlocking { client.getGroup("00000000-0000-0000-0000-000000000000") }
        }
    }

    @Test
    fun `ssw cannot create groups and says why`() {
        val client = RosterKitClient(config(Provider.SSW), EmulatorProcess.token(Provider.SSW))
        val e = assertThrows<RosterKitException.Unsupported> { runBlocking { client.createGroup("New") } }
        assertEquals(Provider.SSW, e.provider)
        assertEquals("create_group", e.operation)
        assertTrue(e.reason.isNotBlank())
        val b2core = RosterKitClient(config(Provider.B2CORE), EmulatorProcess.token(Provider.B2CORE))
        assertThrows<RosterKitException.Unsupported> { runBlocking { b2core.addMembers("1", listOf("u1")) } }
    }

    @Test
    fun `bad input names the field`() {
        val ssw = RosterKitClient(config(Provider.SSW), EmulatorProcess.token(Provider.SSW))
        val empty = assertThrows<RosterKitException.InvalidInput> { runBlocking { ssw.addMembers("grp_001", emptyList()) } }
        assertEquals("user_ids", empty.field)
        val json = assertThrows<RosterKitException.InvalidInput> { runBlocking { ssw.callEndpoint("ssw.list_members", "{not json") } }
        assertEquals("input_json", json.field)
        val endpoint = assertThrows<RosterKitException.InvalidInput> { runBlocking { ssw.callEndpoint("polaris.get_user", """{"user_id":"u1"}""") } }
        assertEquals("endpoint", endpoint.field)
        val path = assertThrows<RosterKitException.InvalidInput> { runBlocking { ssw.deleteGroup("..") } }
        assertEquals("group_id", path.field)
        val url = assertThrows<RosterKitException.InvalidInput> {
            RosterKitClient(config(Provider.SSW, baseUrl = "ftp://example.com"), "t")
        }
        assertEquals("base_url", url.field)
        val crlf = assertThrows<RosterKitException.InvalidInput> {
            RosterKitClient(config(Provider.SSW), "$secret\r\nX-Evil: 1")
        }
        assertEquals("token", crlf.field)
        assertNoSecret(crlf.message, crlf.toString())
        val unknown = assertThrows<RosterKitException.InvalidInput> { buildRequest("nope.nothing", "{}", "https://x.example", "t") }
        assertEquals("endpoint", unknown.field)
    }

    @Test
    fun `string forms of requests, configs and clients hide the token`() {
        val request = buildRequest("ssw.list_members", "{}", "https://api.example.com", secret)
        // The header itself carries the token, since it must go on the wire...
        assertEquals("Bearer $secret", request.headers.single { it.name == "Authorization" }.value)
        // ...but no string form of it does.
        assertNoSecret(request.toString(), request.headers.joinToString { it.toString() })
        assertTrue(request.toString().contains("Authorization: Bearer ***"), request.toString())
        val client = RosterKitClient(config(Provider.SSW), secret)
        assertNoSecret(client.toString(), config(Provider.SSW).toString())
    }

    @Test
    fun `a failing Kotlin transport becomes a Transport error`() {
        val refusing = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse =
                throw HttpTransportException.NotSent("connection refused by test")
        }
        val client = RosterKitClient(config(Provider.B2CORE, refusing), EmulatorProcess.token(Provider.B2CORE))
        val e = assertThrows<RosterKitException.Transport> { runBlocking { client.listGroups() } }
        assertTrue(e.detail.contains("connection refused by test"), e.detail)

        // Any other exception is reported the same way, never as a crash.
        val broken = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse = error("boom from Kotlin")
        }
        val other = RosterKitClient(config(Provider.B2CORE, broken), EmulatorProcess.token(Provider.B2CORE))
        assertThrows<RosterKitException.Transport> { runBlocking { other.listGroups() } }
    }

    @Test
    fun `an Auth error from a failed step is reported per step`() = runBlocking {
        val client = RosterKitClient(config(Provider.ALTERYX), secret)
        val report = client.addMembers("61d58ac83c15317e1a482069", listOf("61d564361d6d5da7ad461a33"))
        assertEquals(1uL, report.failed)
        val error = report.steps.single().error
        assertTrue(error is RosterKitException.Auth, "got $error")
        assertNoSecret(report.toString())
    }
}
