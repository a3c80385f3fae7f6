import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RosterKit

/// An `HttpTransport` over `URLSession`, the kind of transport an app writes
/// to bring its own proxy configuration or certificate pinning (through the
/// session's delegate).
final class URLSessionTransport: HttpTransport, @unchecked Sendable {
    private let session: URLSession
    private let lock = NSLock()
    private var count = 0

    init(session: URLSession = URLSession(configuration: .ephemeral)) {
        self.session = session
    }

    /// Requests sent, retries included.
    var sent: Int { lock.locked { count } }

    func send(request: Request) async throws -> Response {
        lock.locked { count += 1 }
        guard let url = URL(string: request.url) else {
            throw HttpTransportError.NotSent(reason: "not a URL: \(request.url)")
        }
        var r = URLRequest(url: url)
        r.httpMethod = request.method
        for header in request.headers {
            r.addValue(header.value, forHTTPHeaderField: header.name)
        }
        r.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: r)
        } catch let e as URLError where [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed].contains(e.code) {
            // Provably never sent: the core may retry even a create.
            throw HttpTransportError.NotSent(reason: e.localizedDescription)
        } catch {
            throw HttpTransportError.Failed(reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw HttpTransportError.Failed(reason: "not an HTTP response")
        }
        let headers = http.allHeaderFields.map { Header(name: "\($0.key)", value: "\($0.value)") }
        return Response(status: UInt16(http.statusCode), headers: headers, body: data)
    }
}
