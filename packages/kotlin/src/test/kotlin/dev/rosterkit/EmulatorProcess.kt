package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.Provider
import dev.rosterkit.core.RetryPolicy
import org.json.JSONArray
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * The vendor emulator as a child process: `rosterkit emulator --port 0`, which
 * picks a free port and prints `listening on http://127.0.0.1:PORT` as its
 * first line. Close it to stop it.
 */
class EmulatorProcess : AutoCloseable {
    private val process: Process
    private val http = HttpClient.newHttpClient()

    /** `http://127.0.0.1:PORT`, without a trailing slash. */
    val root: String

    init {
        val repo = File(System.getProperty("rosterkit.repo.root") ?: "../..")
        val exe = if (System.getProperty("os.name").startsWith("Windows")) ".exe" else ""
        val bin = System.getProperty("rosterkit.bin")?.let(::File)?.takeIf { it.canExecute() }
            ?: File(repo, "target/debug/rosterkit$exe")
        check(bin.canExecute()) { "emulator binary $bin is missing: run `cargo build -p rosterkit-cli` first" }
        process = ProcessBuilder(bin.path, "emulator", "--port", "0")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        val first = CompletableFuture<String?>()
        // One reader for the child's whole life: it hands over the first line,
        // then keeps draining so the child never blocks on a full pipe.
        Thread {
            try {
                process.inputStream.bufferedReader().useLines { lines ->
                    for (line in lines) first.complete(line)
                }
            } catch (_: java.io.IOException) {
                // The pipe closes when the emulator is stopped.
            }
            first.complete(null)
        }.apply { isDaemon = true }.start()
        val line = try {
            first.get(60, TimeUnit.SECONDS)
        } catch (e: Exception) {
            close()
            throw IllegalStateException("the emulator did not start: ${e.message}", e)
        }
        if (line == null || !line.startsWith("listening on ")) {
            close()
            error("the emulator's first line is not `listening on URL`: $line")
        }
        root = line.removePrefix("listening on ").trim().trimEnd('/')
    }

    /** The base URL of a provider's API on this emulator. */
    fun baseUrl(provider: Provider): String = when (provider) {
        Provider.ALTERYX -> "$root/alteryx/webapi"
        else -> "$root/${provider.name.lowercase()}"
    }

    /** Restores the seed data and clears faults and the request log. */
    fun reset() {
        admin("POST", "/_emulator/reset", null)
    }

    /** Adds a fault, e.g. `{"provider":"polaris","kind":{"type":"status","status":429,"retry_after":"0"},"times":1}`. */
    fun addFault(json: String) {
        admin("POST", "/_emulator/faults", json)
    }

    /** Every vendor request received since the last reset or [clearLog], oldest first. */
    fun requestLog(): List<LoggedRequest> {
        val log = JSONArray(admin("GET", "/_emulator/log", null))
        return (0 until log.length()).map { i ->
            val e = log.getJSONObject(i)
            LoggedRequest(e.getString("provider"), e.getString("method"), e.getString("path"), e.getInt("status"))
        }
    }

    /** Empties the request log. */
    fun clearLog() {
        admin("DELETE", "/_emulator/log", null)
    }

    private fun admin(method: String, path: String, body: String?): String {
        val request = HttpRequest.newBuilder(URI.create(root + path))
            .method(method, body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json")
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "$method $path: ${response.statusCode()} ${response.body()}" }
        return response.body()
    }

    override fun close() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor()
    }

    companion object {
        /** The credential the emulator accepts for each provider. */
        fun token(provider: Provider): String = when (provider) {
            Provider.SSW -> "ssw-demo-token"
            Provider.SPOTNANA -> "spotnana-demo-token"
            Provider.B2CORE -> "b2core-demo-token"
            Provider.POLARIS -> "polaris-demo-api-key"
            Provider.ALTERYX -> "alteryx-demo-token"
        }

        /** SSW organization id and Spotnana company id of the seed data. */
        fun tenant(provider: Provider): String? = when (provider) {
            Provider.SSW -> "org_demo"
            Provider.SPOTNANA -> "f49d00fe-1eda-4304-ba79-a980f565281d"
            else -> null
        }
    }
}

/** One request a vendor API of the emulator received (`path` is after the vendor prefix). */
data class LoggedRequest(val provider: String, val method: String, val path: String, val status: Int) {
    /** True for a method that changes something. */
    val changes: Boolean get() = method in setOf("POST", "PUT", "PATCH", "DELETE")
}

/**
 * A test class with its own emulator, reset before each test, and clients for
 * it over the transport under test (`null`: the built-in one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTest {
    protected lateinit var emulator: EmulatorProcess

    /** The transport under test; `null` is the built-in one. */
    open fun transport(): HttpTransport? = null

    @BeforeAll
    fun startEmulator() {
        emulator = EmulatorProcess()
    }

    @AfterAll
    fun stopEmulator() = emulator.close()

    @BeforeEach
    fun resetEmulator() = emulator.reset()

    protected fun client(
        provider: Provider,
        retry: RetryPolicy? = null,
        concurrency: UInt? = null,
    ): RosterKitClient = RosterKitClient(
        ClientConfig(
            provider = provider,
            baseUrl = emulator.baseUrl(provider),
            tenantId = EmulatorProcess.tenant(provider),
            retry = retry,
            concurrency = concurrency,
            transport = transport(),
        ),
        EmulatorProcess.token(provider),
    )
}
