import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RosterKit

/// The vendor emulator as a child process: `rosterkit emulator --port 0`, which
/// picks a free port and prints `listening on http://127.0.0.1:PORT` as its
/// first line. Stop it with `stop()`.
final class EmulatorProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    private(set) var root = ""

    init() throws {
        let bin = ProcessInfo.processInfo.environment["ROSTERKIT_BIN"]
            ?? repoRoot.appendingPathComponent("target/debug/rosterkit").path
        guard FileManager.default.isExecutableFile(atPath: bin) else {
            throw EmulatorError.missing("\(bin) is missing: run `cargo build -p rosterkit-cli` first")
        }
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["emulator", "--port", "0"]
        process.standardOutput = output

        // The child's output up to its first line; the handler keeps draining
        // after it so the child never blocks on a full pipe.
        final class FirstLine: @unchecked Sendable {
            let ready = DispatchSemaphore(value: 0)
            let lock = NSLock()
            var buffered = ""
            var line: String?
        }
        let first = FirstLine()
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            first.lock.locked {
                guard first.line == nil else { return }
                first.buffered += chunk
                if let end = first.buffered.firstIndex(of: "\n") {
                    first.line = String(first.buffered[..<end])
                    first.ready.signal()
                }
            }
        }
        try process.run()
        let prefix = "listening on "
        guard first.ready.wait(timeout: .now() + 60) == .success,
              let line = first.lock.locked({ first.line }), line.hasPrefix(prefix)
        else {
            stop()
            throw EmulatorError.missing("the emulator's first line is not `listening on URL`")
        }
        let url = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        root = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The base URL of a provider's API on this emulator.
    func baseUrl(_ provider: Provider) -> String {
        provider == .alteryx ? "\(root)/alteryx/webapi" : "\(root)/\(provider)"
    }

    /// Restores the seed data and clears faults and the request log.
    func reset() async throws { try await admin("POST", "/_emulator/reset", nil) }

    /// Adds a fault, e.g. `{"provider":"b2core","kind":{"type":"status","status":429,"retry_after":"0"},"times":1}`.
    func addFault(_ json: String) async throws { try await admin("POST", "/_emulator/faults", json) }

    /// Every vendor request received since the last reset or `clearLog()`, oldest first.
    func requestLog() async throws -> [LoggedRequest] {
        let data = try await admin("GET", "/_emulator/log", nil)
        return try JSONDecoder().decode([LoggedRequest].self, from: data)
    }

    /// Empties the request log.
    func clearLog() async throws { try await admin("DELETE", "/_emulator/log", nil) }

    @discardableResult
    private func admin(_ method: String, _ path: String, _ body: String?) async throws -> Data {
        var request = URLRequest(url: URL(string: root + path)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw EmulatorError.admin("\(method) \(path): \(status)") }
        return data
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The credential the emulator accepts for each provider.
    static func token(_ provider: Provider) -> String {
        switch provider {
        case .ssw: return "ssw-demo-token"
        case .spotnana: return "spotnana-demo-token"
        case .b2core: return "b2core-demo-token"
        case .polaris: return "polaris-demo-api-key"
        case .alteryx: return "alteryx-demo-token"
        }
    }

    /// SSW organization id and Spotnana company id of the seed data.
    static func tenant(_ provider: Provider) -> String? {
        switch provider {
        case .ssw: return "org_demo"
        case .spotnana: return "f49d00fe-1eda-4304-ba79-a980f565281d"
        default: return nil
        }
    }
}

/// One request a vendor API of the emulator received (`path` is after the vendor prefix).
struct LoggedRequest: Decodable, Equatable {
    let provider: String
    let method: String
    let path: String
    let status: Int

    /// True for a method that changes something.
    var changes: Bool { ["POST", "PUT", "PATCH", "DELETE"].contains(method) }
}

enum EmulatorError: Error {
    case missing(String)
    case admin(String)
}
