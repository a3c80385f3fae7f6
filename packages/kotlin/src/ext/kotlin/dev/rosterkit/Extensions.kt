// Hand-written Kotlin idioms over the generated bindings in src/main/kotlin
// (which uniffi writes and scripts/test-kotlin.sh checks). Names and types
// only: every value comes from the generated API; nothing here plans, parses
// or retries.

package dev.rosterkit

import dev.rosterkit.core.ApplyReport
import dev.rosterkit.core.Group
import dev.rosterkit.core.Member
import dev.rosterkit.core.Response
import dev.rosterkit.core.RetryAfter
import dev.rosterkit.core.RosterKitException
import dev.rosterkit.core.User
import java.time.Instant
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

// Paging: a cold Flow that fetches the next page only when its collector has
// taken every item of the previous one; `take(n)` or a cancelled collector
// stops it without fetching further pages.

/** Every user, a page at a time (see [RosterKitClient.userPages]). */
fun RosterKitClient.users(): Flow<User> = paged({ userPages() }) { nextPage() }

/** Every group, a page at a time (see [RosterKitClient.groupPages]). */
fun RosterKitClient.groups(): Flow<Group> = paged({ groupPages() }) { nextPage() }

/** Every member of a group, a page at a time (see [RosterKitClient.memberPages]). */
fun RosterKitClient.members(groupId: String): Flow<Member> = paged({ memberPages(groupId) }) { nextPage() }

private fun <T, P : AutoCloseable> paged(open: () -> P, next: suspend P.() -> List<T>?): Flow<T> = flow {
    open().use { pages ->
        while (true) {
            for (item in pages.next() ?: break) emit(item)
        }
    }
}

// Plain Int views of the unsigned values people compare and add up.

/** The HTTP status as an `Int`. */
val Response.statusCode: Int get() = status.toInt()

/** The HTTP status as an `Int`. */
val RosterKitException.Api.statusCode: Int get() = status.toInt()

/** The HTTP status (401 or 403) as an `Int`. */
val RosterKitException.Auth.statusCode: Int get() = status.toInt()

/** Users added, as an `Int`. */
val ApplyReport.addedCount: Int get() = added.toInt()

/** Users removed, as an `Int`. */
val ApplyReport.removedCount: Int get() = removed.toInt()

/** Users already as desired, as an `Int`. */
val ApplyReport.unchangedCount: Int get() = unchanged.toInt()

/** Join requests waiting for approval, as an `Int`. */
val ApplyReport.pendingCount: Int get() = pending.toInt()

/** Users whose change failed, as an `Int`. */
val ApplyReport.failedCount: Int get() = failed.toInt()

/** Users whose change has an unknown outcome, as an `Int`. */
val ApplyReport.unknownCount: Int get() = unknown.toInt()

/** Users whose change did not run, as an `Int`. */
val ApplyReport.notRunCount: Int get() = notRun.toInt()

/** Desired entries that matched no user, as an `Int`. */
val ApplyReport.unresolvedCount: Int get() = unresolved.toInt()

/** How long the server asked to wait, e.g. for `delay(retryAfter.duration)`. */
val RetryAfter.Delay.duration: Duration get() = millis.toLong().milliseconds

/** When the server asked to be retried. */
val RetryAfter.At.instant: Instant get() = Instant.ofEpochMilli(unixMillis.toLong())

// Errors: uniffi's `message` lists the fields (`status=401, vendorCode=null, ...`).

/**
 * The error as one readable sentence, worded by the core as the CLI prints
 * it, e.g. `authentication failed: HTTP 401: invalid token`. Never contains
 * the token.
 */
val RosterKitException.description: String get() = describeError(this)
