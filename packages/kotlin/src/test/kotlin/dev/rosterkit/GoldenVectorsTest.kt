package dev.rosterkit

import dev.rosterkit.core.Header
import dev.rosterkit.core.Request
import dev.rosterkit.core.Response
import dev.rosterkit.core.RosterKitException
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.fail
import java.io.File

/**
 * Runs every case of tests/vectors/<provider>/<endpoint_id>.json through
 * [buildRequest] and [parseResponse], with the rules of tests/vectors/README.md.
 */
class GoldenVectorsTest {
    private val dir = File(System.getProperty("rosterkit.repo.root") ?: "../..", "tests/vectors")
    private val defaultTarget = JSONObject("""{"base_url":"https://api.example.com","token":"test-token"}""")

    private fun vectorFiles(): List<File> =
        dir.walkTopDown()
            .onEnter { it.name != "unified" } // the unified vectors have their own runner
            .filter { it.isFile && it.extension == "json" && it.name != "inventory.json" }
            .sortedBy { it.path }
            .toList()

    @Test
    fun `every endpoint id has a vector file and the inventory order`() {
        val inventory = JSONArray(File(dir, "inventory.json").readText())
        val ids = (0 until inventory.length()).map { inventory.getJSONObject(it).getString("id") }
        assertEquals(ids, endpointIds())
        assertEquals(ids.toSet(), vectorFiles().map { it.name.removeSuffix(".json") }.toSet())
    }

    @TestFactory
    fun vectors(): List<DynamicTest> {
        val files = vectorFiles()
        assertTrue(files.isNotEmpty(), "no vector files under $dir")
        return files.flatMap { file ->
            val doc = JSONObject(file.readText())
            val endpoint = doc.getString("endpoint")
            val fileTarget = doc.optJSONObject("target") ?: defaultTarget
            val cases = doc.getJSONArray("cases")
            (0 until cases.length()).map { i ->
                val case = cases.getJSONObject(i)
                DynamicTest.dynamicTest("$endpoint: ${case.getString("name")}") {
                    runCase(endpoint, case.optJSONObject("target") ?: fileTarget, case)
                }
            }
        }
    }

    private fun runCase(endpoint: String, target: JSONObject, case: JSONObject) {
        val input = Json.compact(case.opt("input"))
        val baseUrl = target.getString("base_url")
        val token = target.getString("token")
        val expectedRequest = case.optJSONObject("request")
        val response = case.optJSONObject("response")
        val expect = case.optJSONObject("expect")

        if (expectedRequest == null && response == null) {
            val e = assertThrows<RosterKitException> { buildRequest(endpoint, input, baseUrl, token) }
            assertSame(expect!!.getJSONObject("error"), e.toVectorJson(), "build error")
            return
        }
        val request = try {
            buildRequest(endpoint, input, baseUrl, token)
        } catch (e: RosterKitException) {
            fail("building failed: ${e.toVectorJson()}")
        }
        if (expectedRequest != null) checkRequest(expectedRequest, request)
        if (response != null) {
            val outcome = try {
                Json.obj("ok" to Json.parse(parseResponse(endpoint, input, toResponse(response))))
            } catch (e: RosterKitException) {
                Json.obj("error" to e.toVectorJson())
            }
            assertSame(expect!!, outcome, "parsed outcome")
        }
    }

    private fun checkRequest(expected: JSONObject, actual: Request) {
        assertEquals(expected.getString("method"), actual.method, "method")
        assertEquals(expected.getString("url"), actual.url, "url")
        val headers = expected.getJSONArray("headers")
        val expectedHeaders = (0 until headers.length()).map {
            val pair = headers.getJSONArray(it)
            pair.getString(0) to pair.getString(1)
        }
        assertEquals(expectedHeaders, actual.headers.map { it.name to it.value }, "headers")
        val body = expected.opt("body")
        val actualBody = actual.body
        when {
            body == null || body == JSONObject.NULL -> assertEquals(null, actualBody?.decodeToString(), "body")
            body is JSONObject && body.has("json") -> {
                val text = actualBody?.decodeToString() ?: fail("expected a JSON body, got none")
                assertSame(body.get("json"), Json.parse(text), "JSON body")
            }
            body is JSONObject && body.has("text") ->
                assertEquals(body.getString("text"), actualBody?.decodeToString(), "text body")
            else -> fail("request.body must be null, {json} or {text}: $body")
        }
    }

    private fun toResponse(v: JSONObject): Response {
        val headers = v.optJSONArray("headers") ?: JSONArray()
        val body = when (val b = v.opt("body")) {
            null, JSONObject.NULL -> ByteArray(0)
            is JSONObject -> when {
                b.has("json") -> Json.compact(b.get("json")).encodeToByteArray()
                b.has("text") -> b.getString("text").encodeToByteArray()
                else -> fail("response.body must be null, {json} or {text}: $b")
            }
            else -> fail("response.body must be null, {json} or {text}: $b")
        }
        return Response(
            status = v.getInt("status").toUShort(),
            headers = (0 until headers.length()).map {
                val pair = headers.getJSONArray(it)
                Header(pair.getString(0), pair.getString(1))
            },
            body = body,
        )
    }

    private fun assertSame(expected: Any?, actual: Any?, what: String) {
        if (!Json.same(expected, actual)) {
            fail("$what differs\n  expected: ${Json.compact(expected)}\n  actual:   ${Json.compact(actual)}")
        }
    }
}
