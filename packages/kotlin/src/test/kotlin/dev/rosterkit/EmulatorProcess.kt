package dev.rosterkit

import java.io.File
import java.net.ServerSocket
import java.net.URI
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * The vendor emulator as a child process: `rosterkit emulator --port N`,
 * ready once it prints `listening on http://127.0.0.1:N`. Close it to stop it.
 */
class EmulatorProcess : AutoCloseable {
    private val process: Process

    /** `http://127.0.0.1:N`, without a trailing slash. */
    val root: String

    init {
        val repo = File(System.getProperty("rosterkit.repo.root") ?: "../..")
        val exe = if (System.getProperty("os.name").startsWith("Windows")) ".exe" else ""
        val bin = System.getProperty("rosterkit.bin")?.let(::File)?.takeIf { it.canExecute() }
            ?: File(repo, "target/debug/rosterkit$exe")
        check(bin.canExecute()) { "emulator binary $bin is missing: run `cargo build -p rosterkit-cli` first" }
        val port = ServerSocket(0).use { it.localPort }
        process = ProcessBuilder(bin.path, "emulator", "--port", port.toString())
            .redirectErrorStream(true)
            .start()
        val ready = CompletableFuture<String>()
        // One reader for the child's whole life: it reports the listening line,
        // then keeps draining so the child never blocks on a full pipe.
        Thread {
            try {
                process.inputStream.bufferedReader().useLines { lines ->
                    for (line in lines) {
                        val at = line.indexOf("listening on ")
                        if (at >= 0) ready.complete(line.substring(at + "listening on ".length).trim())
                    }
                }
            } catch (_: java.io.IOException) {
                // The pipe closes when the emulator is stopped.
            }
            ready.completeExceptionally(IllegalStateException("emulator exited before listening"))
        }.apply { isDaemon = true }.start()
        root = try {
            ready.get(60, TimeUnit.SECONDS).trimEnd('/')
        } catch (e: Exception) {
            close()
            throw IllegalStateException("emulator did not start: ${e.message}", e)
        }
    }

    /** The base URL of a provider's API on this emulator. */
    fun baseUrl(provider: Provider): String = when (provider) {
        Provider.ALTERYX -> "$root/alteryx/webapi"
        else -> "$root/${provider.name.lowercase()}"
    }

    /** Restores the seed data and clears faults and the request log. */
    fun reset() = admin("POST", "/_emulator/reset", null)

    /** Adds a fault, e.g. `{"provider":"polaris","kind":{"type":"status","status":429,"retry_after":"0"},"times":1}`. */
    fun addFault(json: String) = admin("POST", "/_emulator/faults", json)

    private fun admin(method: String, path: String, body: String?) {
        val client = java.net.http.HttpClient.newHttpClient()
        val request = java.net.http.HttpRequest.newBuilder(URI.create(root + path))
            .method(
                method,
                body?.let { java.net.http.HttpRequest.BodyPublishers.ofString(it) }
                    ?: java.net.http.HttpRequest.BodyPublishers.noBody(),
            )
            .header("Content-Type", "application/json")
            .build()
        val response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "$method $path: ${response.statusCode()} ${response.body()}" }
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
