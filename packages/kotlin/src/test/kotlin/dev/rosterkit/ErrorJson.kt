package dev.rosterkit

import org.json.JSONObject

/** The serialized `rosterkit_core::Error` the golden vectors expect, rebuilt from the typed exception. */
fun RosterKitException.toVectorJson(): JSONObject = when (this) {
    is RosterKitException.InvalidInput -> Json.obj("kind" to "invalid_input", "field" to field, "reason" to reason)
    is RosterKitException.Unsupported -> Json.obj(
        "kind" to "unsupported",
        "provider" to provider.name.lowercase(),
        "operation" to operation,
        "reason" to reason,
    )
    is RosterKitException.Api ->
        Json.obj("kind" to "api", "status" to status.toInt(), "vendor_code" to vendorCode, "message" to detail)
    is RosterKitException.Auth ->
        Json.obj("kind" to "auth", "status" to status.toInt(), "vendor_code" to vendorCode, "message" to detail)
    is RosterKitException.NotFound -> Json.obj("kind" to "not_found", "vendor_code" to vendorCode, "message" to detail)
    is RosterKitException.Conflict -> Json.obj("kind" to "conflict", "vendor_code" to vendorCode, "message" to detail)
    is RosterKitException.RateLimited -> Json.obj(
        "kind" to "rate_limited",
        "retry_after" to when {
            retryAtUnixMs != null -> Json.obj("type" to "at", "unix_millis" to retryAtUnixMs!!.toLong())
            retryAfterMs != null -> Json.obj("type" to "delay", "millis" to retryAfterMs!!.toLong())
            else -> null
        },
        "message" to detail,
    )
    is RosterKitException.Decode -> Json.obj("kind" to "decode", "message" to detail, "excerpt" to excerpt)
    is RosterKitException.Transport -> Json.obj("kind" to "transport", "message" to detail)
}
