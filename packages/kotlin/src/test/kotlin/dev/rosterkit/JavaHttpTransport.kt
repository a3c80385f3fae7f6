package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.HttpTransportException
import dev.rosterkit.core.Header
import dev.rosterkit.core.Request
import dev.rosterkit.core.Response
import kotlinx.coroutines.future.await
import java.io.IOException
import java.net.ConnectException
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpTimeoutException
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import java.net.http.HttpRequest as JavaRequest
import java.net.http.HttpResponse as JavaResponse

/**
 * An [HttpTransport] over java.net.http, the kind of transport an app
 * writes to bring its own proxy, certificates or pinning.
 */
class JavaHttpTransport(
    private val client: HttpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build(),
) : HttpTransport {
    /** Requests sent, retries included. */
    val sent = AtomicInteger()

    override suspend fun send(request: Request): Response {
        sent.incrementAndGet()
        val body = request.body?.let { JavaRequest.BodyPublishers.ofByteArray(it) }
            ?: JavaRequest.BodyPublishers.noBody()
        val builder = JavaRequest.newBuilder(URI.create(request.url))
            .timeout(Duration.ofSeconds(30))
            .method(request.method, body)
        request.headers.forEach { builder.header(it.name, it.value) }
        // `await()` cancels the exchange when the coroutine is cancelled
        // (an apply cancelled by its caller).
        val response = try {
            client.sendAsync(builder.build(), JavaResponse.BodyHandlers.ofByteArray()).await()
        } catch (e: ConnectException) {
            throw HttpTransportException.NotSent("connect failed: ${e.message}")
        } catch (e: HttpTimeoutException) {
            throw HttpTransportException.Failed("timed out: ${e.message}")
        } catch (e: IOException) {
            throw HttpTransportException.Failed("I/O error: ${e.message}")
        }
        return Response(
            status = response.statusCode().toUShort(),
            headers = response.headers().map().flatMap { (name, values) -> values.map { Header(name, it) } },
            body = response.body(),
        )
    }
}
