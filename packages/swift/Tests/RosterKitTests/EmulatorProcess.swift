import Foundation
import RosterKit

/// The vendor emulator as a child process: `rosterkit emulator --port N`,
/// ready once it prints `listening on http://127.0.0.1:N`. Stop it with `stop()`.
final class EmulatorProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    /// `http://127.0.0.1:N`, without a trailing slash.
    private(set) var root = ""

    init() throws {
        let bin = ProcessInfo.processInfo.environment["ROSTERKIT_BIN"]
            ?? repoRoot.appendingPathComponent("target/debug/rosterkit").path
        guard FileManager.default.isExecutableFile(atPath: bin) else {
            throw EmulatorError.missing("\(bin) is missing: run `cargo build -p rosterkit-cli` first")
        }
        process.executableURL = URL(fileURLWithPath: bin)
        // Port 0: the emulator picks a free port and prints it.
        process.arguments = ["emulator", "--port", "0"]
        process.standardOutput = output
        process.standardError = output

        let ready = DispatchSemaphore(value: 0)
        let lock = NSLock()
        var buffered = ""
        var found: String?
        // Keeps draining after the listening line so the child never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            lock.lock()
            defer { lock.unlock() }
            guard found == nil else { return }
            buffered += chunk
            if let range = buffered.range(of: "listening on ") {
                let rest = buffered[range.upperBound...]
                if let end = rest.firstIndex(of: "\n") {
                    found = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
                    ready.signal()
                }
            }
        }
        try process.run()
        guard ready.wait(timeout: .now() + 60) == .success, let url = lock.locked({ found }) else {
            stop()
            throw EmulatorError.missing("the emulator did not start")
        }
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

    private func admin(_ method: String, _ path: String, _ body: String?) async throws {
        var request = URLRequest(url: URL(string: root + path)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw EmulatorError.admin("\(method) \(path): \(status)") }
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

enum EmulatorError: Error {
    case missing(String)
    case admin(String)
}
