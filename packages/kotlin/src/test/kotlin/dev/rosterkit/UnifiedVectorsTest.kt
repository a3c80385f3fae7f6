package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.HttpTransportException
import dev.rosterkit.core.Header
import dev.rosterkit.core.Provider
import dev.rosterkit.core.Request
import dev.rosterkit.core.Response
import dev.rosterkit.core.RetryPolicy
import dev.rosterkit.core.RosterKitException
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.fail
import java.io.File

/**
 * Runs every case of tests/vectors/unified/\*.json through the client's
 * by-name entry point, [RosterKitClient.unified], with the rules of
 * tests/vectors/unified/README.md: a client for the case's provider and
 * target, its retry policy (one attempt by default), a concurrency of 1, and
 * a transport that answers from the script.
 *
 * One deviation the binding imposes: sleeps between retries are real, since
 * an [HttpTransport] only sends (the core's timer is tokio's), so the few
 * cases with a `Retry-After` take that long.
 */
class UnifiedVectorsTest {
    /** The vectors; `-Drosterkit.unified.dir=...` points the runner elsewhere (to test the runner itself). */
    private val dir = System.getProperty("rosterkit.unified.dir")?.let(::File)
        ?: File(System.getProperty("rosterkit.repo.root") ?: "../..", "tests/vectors/unified")

    @TestFactory
    fun cases(): List<DynamicTest> {
        val files = dir.listFiles { f -> f.isFile && f.extension == "json" }.orEmpty().sortedBy { it.name }
        val cases = files.flatMap { file ->
            val doc = JSONObject(file.readText())
            checkKeys(doc, setOf("topic", "description", "cases"), required = setOf("cases"), what = file.name)
            val cases = doc.getJSONArray("cases")
            (0 until cases.length()).map { file.name to cases.getJSONObject(it) }
        }
        assertTrue(cases.isNotEmpty(), "no unified vector cases under $dir")
        val names = cases.map { it.second.getString("name") }
        val twice = names.groupingBy { it }.eachCount().filterValues { it > 1 }.keys
        assertTrue(twice.isEmpty(), "case names must be unique across files: $twice")
        return cases.map { (file, case) ->
            val name = "$file: ${case.getString("name")}"
            DynamicTest.dynamicTest(name) {
                // Surefire's report names dynamic tests by index: say which case failed.
                try {
                    runCase(case)
                } catch (e: AssertionError) {
                    throw AssertionError("$name: ${e.message}", e)
                }
            }
        }
    }

    private fun runCase(case: JSONObject) {
        checkKeys(case, CASE_KEYS, required = CASE_KEYS - "retry", what = "case")
        val target = case.getJSONObject("target")
        checkKeys(target, setOf("base_url", "token", "tenant_id"), required = setOf("base_url", "token"), what = "target")
        val exchanges = case.getJSONArray("exchanges").let { a -> (0 until a.length()).map { a.getJSONObject(it) } }
        val script = ScriptedTransport(
            exchanges.mapIndexed { i, e ->
                checkKeys(e, setOf("request", "response"), required = setOf("request", "response"), what = "exchange #${i + 1}")
                val request = e.getJSONObject("request")
                checkKeys(request, setOf("method", "url", "body"), required = setOf("method", "url", "body"), what = "exchange #${i + 1} request")
                checkBody(request.get("body"), "exchange #${i + 1} request.body")
                request to toResponse(e.getJSONObject("response"), "exchange #${i + 1} response")
            },
        )
        val config = ClientConfig(
            provider = Provider.entries.singleOrNull { it.name.lowercase() == case.getString("provider") }
                ?: fail("unknown provider ${case.getString("provider")}"),
            baseUrl = target.getString("base_url"),
            tenantId = if (target.isNull("tenant_id")) null else target.getString("tenant_id"),
            retry = retryPolicy(case.optJSONObject("retry")),
            concurrency = 1u,
            transport = script,
        )
        val outcome: Result<Any?> = try {
            val client = RosterKitClient(config, target.getString("token"))
            Result.success(Json.parse(runBlocking { client.unified(Json.compact(case.get("op"))) }))
        } catch (e: RosterKitException) {
            Result.failure(e)
        }

        script.problems.firstOrNull()?.let { fail("$it\n(${script.problems.size} script problem(s) in all)") }
        // No string form of the outcome shows the credential (a server may echo it).
        val token = target.getString("token")
        val shown = outcome.fold(
            { listOf(it.toString()) },
            { listOf(it.toString(), it.message.orEmpty(), (it as? RosterKitException)?.description.orEmpty()) },
        )
        shown.firstOrNull { token in it }?.let { fail("the token leaked into: $it") }
        if (script.used != exchanges.size) {
            fail("${script.used} of ${exchanges.size} exchanges used; outcome: ${describe(outcome)}")
        }
        val expect = case.getJSONObject("expect")
        when {
            expect.has("ok") && !expect.has("error") -> {
                val actual = outcome.getOrElse { fail("expected a result, the call failed with ${describe(outcome)}") }
                assertSame(expect.get("ok"), actual, "result")
            }
            expect.has("error") && !expect.has("ok") -> {
                val e = outcome.exceptionOrNull() as? RosterKitException
                    ?: fail("expected an error, the call returned ${describe(outcome)}")
                checkError(expect.getJSONObject("error"), e)
            }
            else -> fail("expect must be {\"ok\": ...} or {\"error\": ...}: $expect")
        }
    }

    /**
     * `expect.error`: the error of that `kind`, and each other key equal to
     * the field of that name in Kotlin's spelling (`vendor_code` is
     * `vendorCode`; the core's `message` is `detail`, since `message` is
     * Throwable's).
     */
    private fun checkError(expected: JSONObject, actual: RosterKitException) {
        val fields = actual.fields()
        val wrong = expected.keySet().sorted().mapNotNull { key ->
            val want = expected.get(key)
            if (key == "kind") {
                return@mapNotNull if (want == actual.kind) null else "kind: expected $want, got ${actual.kind}"
            }
            val name = kotlinFieldName(key)
            when {
                name !in fields -> "$key: ${actual.kind} has no field `$name`"
                !Json.same(want, fields[name]) -> "$key (`$name`): expected ${Json.compact(want)}, got ${Json.compact(fields[name])}"
                else -> null
            }
        }
        if (!expected.has("kind")) fail("expect.error must name its kind")
        if (wrong.isNotEmpty()) fail("error differs:\n  ${wrong.joinToString("\n  ")}\n  actual: ${actual.toVectorJson()}")
    }

    private fun retryPolicy(v: JSONObject?): RetryPolicy {
        if (v == null) return RetryPolicy(maxAttempts = 1u)
        val keys = setOf("max_attempts", "base_delay_ms", "max_delay_ms", "max_retry_after_ms", "deadline_ms")
        checkKeys(v, keys, required = keys, what = "retry")
        return RetryPolicy(
            maxAttempts = v.getLong("max_attempts").toUInt(),
            baseDelayMs = v.getLong("base_delay_ms").toULong(),
            maxDelayMs = v.getLong("max_delay_ms").toULong(),
            maxRetryAfterMs = v.getLong("max_retry_after_ms").toULong(),
            deadlineMs = v.getLong("deadline_ms").toULong(),
        )
    }

    /** Answers each request with the next exchange, after checking it is the one the script expects. */
    private class ScriptedTransport(private val exchanges: List<Pair<JSONObject, Response>>) : HttpTransport {
        @Volatile var used = 0
        val problems: MutableList<String> = java.util.Collections.synchronizedList(mutableListOf())

        override suspend fun send(request: Request): Response {
            val problem = synchronized(this) {
                val n = used
                val (expected, response) = exchanges.getOrNull(n)
                    ?: return@synchronized "request #${n + 1} is beyond the script (${exchanges.size} exchanges): ${show(request)}"
                val mismatch = mismatch(expected, request) ?: return response.also { used = n + 1 }
                "request #${n + 1} differs: $mismatch\n  actual: ${show(request)}"
            }
            problems += problem
            // Ends the call: the case fails on the recorded problem.
            throw HttpTransportException.NotSent("not in the script")
        }

        /** Same method, same URL, and the same body (`json` as parsed JSON; `null`: none or empty). */
        private fun mismatch(expected: JSONObject, actual: Request): String? {
            if (expected.getString("method") != actual.method) return "method: expected ${expected.getString("method")}"
            if (expected.getString("url") != actual.url) return "url: expected ${expected.getString("url")}"
            val text = actual.body?.takeIf { it.isNotEmpty() }?.decodeToString()
            val body = expected.get("body")
            return when {
                body !is JSONObject -> text?.let { "body: expected none" }
                body.has("json") -> when {
                    text == null -> "body: expected ${Json.compact(body.get("json"))}, got none"
                    !Json.same(body.get("json"), runCatching { Json.parse(text) }.getOrNull()) ->
                        "body: expected ${Json.compact(body.get("json"))}"
                    else -> null
                }
                else -> if (body.getString("text") == text) null else "body: expected text ${body.getString("text")}"
            }
        }

        private fun show(r: Request) =
            "${r.method} ${r.url}" + (r.body?.takeIf { it.isNotEmpty() }?.let { " ${it.decodeToString()}" } ?: "")
    }

    private companion object {
        val CASE_KEYS = setOf("name", "provider", "target", "retry", "op", "exchanges", "expect")

        fun checkKeys(o: JSONObject, allowed: Set<String>, required: Set<String>, what: String) {
            val unknown = o.keySet() - allowed
            val missing = required - o.keySet()
            if (unknown.isNotEmpty() || missing.isNotEmpty()) fail("$what: unknown keys $unknown, missing keys $missing")
        }

        /** A body as the vectors write it: `null`, `{"json": value}` or `{"text": "..."}`. */
        fun checkBody(body: Any?, what: String) {
            val ok = body == JSONObject.NULL ||
                (body is JSONObject && body.length() == 1 && (body.has("json") || body.opt("text") is String))
            if (!ok) fail("$what must be null, {json} or {text}: $body")
        }

        fun toResponse(v: JSONObject, what: String): Response {
            checkKeys(v, setOf("status", "headers", "body"), required = setOf("status"), what = what)
            val body = v.opt("body") ?: JSONObject.NULL
            checkBody(body, "$what.body")
            val headers = v.optJSONArray("headers") ?: JSONArray()
            return Response(
                status = v.getInt("status").toUShort(),
                headers = (0 until headers.length()).map {
                    val pair = headers.getJSONArray(it)
                    Header(pair.getString(0), pair.getString(1))
                },
                body = when {
                    body !is JSONObject -> ByteArray(0)
                    body.has("json") -> Json.compact(body.get("json")).encodeToByteArray()
                    else -> body.getString("text").encodeToByteArray()
                },
            )
        }

        fun describe(outcome: Result<Any?>): String = outcome.fold(
            { Json.compact(it) },
            { e -> (e as? RosterKitException)?.toVectorJson()?.toString() ?: e.toString() },
        )

        fun assertSame(expected: Any?, actual: Any?, what: String) {
            if (!Json.same(expected, actual)) {
                fail("$what differs\n  expected: ${Json.compact(expected)}\n  actual:   ${Json.compact(actual)}")
            }
        }
    }
}
