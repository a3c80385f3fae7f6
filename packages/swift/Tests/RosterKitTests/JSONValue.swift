import Foundation
import RosterKit

/// A parsed JSON value with the equality the golden vectors define: objects
/// unordered, arrays ordered, numbers by value.
enum JSONValue: Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    var int: Int? {
        if case let .number(n) = self { return Int(n) }
        return nil
    }

    var array: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    var isNull: Bool { self == .null }

    /// Compact JSON with sorted keys and serde_json's escaping, so a body built
    /// here is byte-for-byte what the Rust vector runner sends.
    var compact: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n):
            if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
            return "\(n)"
        case let .string(s): return JSONValue.quote(s)
        case let .array(a): return "[" + a.map(\.compact).joined(separator: ",") + "]"
        case let .object(o):
            return "{" + o.keys.sorted().map { JSONValue.quote($0) + ":" + o[$0]!.compact }
                .joined(separator: ",") + "}"
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension RosterKitError {
    /// The serialized `rosterkit_core::Error` the golden vectors expect:
    /// snake_case keys, and `debug_identifier` only when there is one.
    var vectorJSON: JSONValue {
        func s(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
        func vendor(_ kind: String, _ fields: [String: JSONValue], _ debugIdentifier: String?) -> JSONValue {
            var o = fields
            o["kind"] = .string(kind)
            if let d = debugIdentifier { o["debug_identifier"] = .string(d) }
            return .object(o)
        }
        switch self {
        case let .InvalidInput(field, reason):
            return .object(["kind": "invalid_input", "field": s(field), "reason": s(reason)])
        case let .Unsupported(provider, operation, reason):
            return .object([
                "kind": "unsupported", "provider": s("\(provider)"),
                "operation": s(operation), "reason": s(reason),
            ])
        case let .Api(status, vendorCode, message, debugIdentifier):
            return vendor("api", ["status": .number(Double(status)), "vendor_code": s(vendorCode), "message": s(message)], debugIdentifier)
        case let .Auth(status, vendorCode, message, debugIdentifier):
            return vendor("auth", ["status": .number(Double(status)), "vendor_code": s(vendorCode), "message": s(message)], debugIdentifier)
        case let .NotFound(vendorCode, message, debugIdentifier):
            return vendor("not_found", ["vendor_code": s(vendorCode), "message": s(message)], debugIdentifier)
        case let .Conflict(vendorCode, message, debugIdentifier):
            return vendor("conflict", ["vendor_code": s(vendorCode), "message": s(message)], debugIdentifier)
        case let .RateLimited(retryAfter, vendorCode, message, debugIdentifier):
            let after: JSONValue
            switch retryAfter {
            case let .delay(millis)?: after = .object(["type": "delay", "millis": .number(Double(millis))])
            case let .at(unixMillis)?: after = .object(["type": "at", "unix_millis": .number(Double(unixMillis))])
            case nil: after = .null
            }
            return vendor("rate_limited", ["retry_after": after, "vendor_code": s(vendorCode), "message": s(message)], debugIdentifier)
        case let .Decode(message, excerpt):
            return .object(["kind": "decode", "message": s(message), "excerpt": s(excerpt)])
        case let .Transport(message):
            return .object(["kind": "transport", "message": s(message)])
        case let .Refused(guardName, message):
            return .object(["kind": "refused", "guard": s(guardName), "message": s(message)])
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}

/// The repository root: the environment's ROSTERKIT_REPO_ROOT, or four
/// levels above this file (packages/swift/Tests/RosterKitTests).
let repoRoot: URL = {
    if let root = ProcessInfo.processInfo.environment["ROSTERKIT_REPO_ROOT"] {
        return URL(fileURLWithPath: root)
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url
}()

extension NSLock {
    /// Runs `body` holding the lock (NSLocking.withLock needs newer SDKs).
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
