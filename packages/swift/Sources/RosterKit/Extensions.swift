// Hand-written Swift idioms over the generated bindings (rosterkit_core.swift
// and rosterkit_uniffi.swift, which scripts/gen-swift.sh writes and checks).
// Names and types only: every value comes from the generated API; nothing
// here plans, parses or retries.

import Foundation

// MARK: - Paging

/// A list read a page at a time: the next page is fetched only when the
/// previous one has been iterated, so breaking out of the loop fetches no
/// more. Errors (an unsupported listing, a failed page) are thrown by the
/// iteration.
///
/// ```swift
/// for try await user in client.users() { print(user.id) }
/// ```
public struct Pages<Element>: AsyncSequence {
    fileprivate let start: () throws -> () async throws -> [Element]?

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(start: start)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private var start: (() throws -> () async throws -> [Element]?)?
        private var nextPage: (() async throws -> [Element]?)?
        private var page: [Element] = []
        private var index = 0

        fileprivate init(start: @escaping () throws -> () async throws -> [Element]?) {
            self.start = start
        }

        public mutating func next() async throws -> Element? {
            while index == page.count {
                if let start = start {
                    self.start = nil
                    nextPage = try start()
                }
                guard let fetch = nextPage, let items = try await fetch() else {
                    nextPage = nil
                    return nil
                }
                page = items
                index = 0
            }
            defer { index += 1 }
            return page[index]
        }
    }
}

extension RosterKitClient {
    /// Every user, a page at a time (see `userPages()`).
    public func users() -> Pages<User> {
        Pages { let pages = try self.userPages(); return { try await pages.nextPage() } }
    }

    /// Every group, a page at a time (see `groupPages()`).
    public func groups() -> Pages<Group> {
        Pages { let pages = try self.groupPages(); return { try await pages.nextPage() } }
    }

    /// Every member of a group, a page at a time (see `memberPages(groupId:)`).
    public func members(groupId: String) -> Pages<Member> {
        Pages { let pages = try self.memberPages(groupId: groupId); return { try await pages.nextPage() } }
    }
}

// MARK: - Identity

extension User: Identifiable {}
extension Group: Identifiable {}

extension Member: Identifiable {
    /// The member's user id.
    public var id: String { userId }
}

// MARK: - Int views of the unsigned values people compare and add up

extension Response {
    /// The HTTP status as an `Int`.
    public var statusCode: Int { Int(status) }
}

extension Response {
    /// The HTTP status as an `Int`.
    public var statusCode: Int { Int(status) }
}

extension ApplyReport {
    /// Users added, as an `Int`.
    public var addedCount: Int { Int(added) }
    /// Users removed, as an `Int`.
    public var removedCount: Int { Int(removed) }
    /// Users already as desired, as an `Int`.
    public var unchangedCount: Int { Int(unchanged) }
    /// Join requests waiting for approval, as an `Int`.
    public var pendingCount: Int { Int(pending) }
    /// Users whose change failed, as an `Int`.
    public var failedCount: Int { Int(failed) }
    /// Users whose change has an unknown outcome, as an `Int`.
    public var unknownCount: Int { Int(unknown) }
    /// Users whose change did not run, as an `Int`.
    public var notRunCount: Int { Int(notRun) }
    /// Desired entries that matched no user, as an `Int`.
    public var unresolvedCount: Int { Int(unresolved) }
}

extension RetryAfter {
    /// How long the server asked to wait (`.delay`); `nil` for `.at`.
    public var timeInterval: TimeInterval? {
        if case let .delay(millis) = self { return TimeInterval(millis) / 1000 }
        return nil
    }

    /// When the server asked to be retried (`.at`); `nil` for `.delay`.
    public var date: Date? {
        if case let .at(unixMillis) = self { return Date(timeIntervalSince1970: TimeInterval(unixMillis) / 1000) }
        return nil
    }
}

// MARK: - Errors

extension RosterKitError: CustomStringConvertible {
    /// The error as one readable sentence, worded by the core as the CLI
    /// prints it, e.g. `authentication failed: HTTP 401: invalid token`.
    /// Never contains the token. The generated `errorDescription` (hence
    /// `localizedDescription`) is `String(reflecting: self)`, which reads
    /// this, so it says the same.
    public var description: String { describeError(error: self) }

    /// The HTTP status of `.Api` and `.Auth` as an `Int`; `nil` for the other cases.
    public var statusCode: Int? {
        switch self {
        case let .Api(status, _, _, _), let .Auth(status, _, _, _): return Int(status)
        default: return nil
        }
    }
}
