package dev.rosterkit

import dev.rosterkit.core.RetryAfter
import dev.rosterkit.core.RosterKitException
import org.json.JSONObject

/** The error's kind as the core serializes it (`not_found`, ...). */
val RosterKitException.kind: String
    get() = when (this) {
        is RosterKitException.InvalidInput -> "invalid_input"
        is RosterKitException.Unsupported -> "unsupported"
        is RosterKitException.Api -> "api"
        is RosterKitException.Auth -> "auth"
        is RosterKitException.NotFound -> "not_found"
        is RosterKitException.Conflict -> "conflict"
        is RosterKitException.RateLimited -> "rate_limited"
        is RosterKitException.Decode -> "decode"
        is RosterKitException.Transport -> "transport"
        is RosterKitException.Refused -> "refused"
    }

/**
 * The error's fields by their Kotlin property names (`vendorCode`, and
 * `detail` for the core's `message`), as JSON values.
 */
fun RosterKitException.fields(): Map<String, Any?> = when (this) {
    is RosterKitException.InvalidInput -> mapOf("field" to field, "reason" to reason)
    is RosterKitException.Unsupported ->
        mapOf("provider" to provider.name.lowercase(), "operation" to operation, "reason" to reason)
    is RosterKitException.Api -> mapOf(
        "status" to status.toInt(), "vendorCode" to vendorCode, "detail" to detail, "debugIdentifier" to debugIdentifier,
    )
    is RosterKitException.Auth -> mapOf(
        "status" to status.toInt(), "vendorCode" to vendorCode, "detail" to detail, "debugIdentifier" to debugIdentifier,
    )
    is RosterKitException.NotFound ->
        mapOf("vendorCode" to vendorCode, "detail" to detail, "debugIdentifier" to debugIdentifier)
    is RosterKitException.Conflict ->
        mapOf("vendorCode" to vendorCode, "detail" to detail, "debugIdentifier" to debugIdentifier)
    is RosterKitException.RateLimited -> mapOf(
        "retryAfter" to retryAfter?.toJson(), "vendorCode" to vendorCode, "detail" to detail,
        "debugIdentifier" to debugIdentifier,
    )
    is RosterKitException.Decode -> mapOf("detail" to detail, "excerpt" to excerpt)
    is RosterKitException.Transport -> mapOf("detail" to detail)
    is RosterKitException.Refused -> mapOf("guard" to guard, "detail" to detail)
}

/** `RetryAfter` in the core's serde form. */
fun RetryAfter.toJson(): JSONObject = when (this) {
    is RetryAfter.Delay -> Json.obj("type" to "delay", "millis" to millis.toLong())
    is RetryAfter.At -> Json.obj("type" to "at", "unix_millis" to unixMillis.toLong())
}

/** The Kotlin property name of a field the core serializes as [key]. */
fun kotlinFieldName(key: String): String =
    if (key == "message") "detail" else key.replace(Regex("_([a-z])")) { it.groupValues[1].uppercase() }

/**
 * The serialized `rosterkit_core::Error` the golden vectors expect, rebuilt
 * from the typed exception: snake_case keys, `message` for `detail`, and
 * `debug_identifier` only when there is one.
 */
fun RosterKitException.toVectorJson(): JSONObject {
    val json = Json.obj("kind" to kind)
    for ((name, value) in fields()) {
        if (name == "debugIdentifier" && value == null) continue
        val key = if (name == "detail") "message" else name.replace(Regex("([A-Z])")) { "_" + it.value.lowercase() }
        json.put(key, value ?: JSONObject.NULL)
    }
    return json
}
