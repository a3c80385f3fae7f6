package dev.rosterkit

import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import java.math.BigDecimal

/** Small JSON helpers over org.json, with the equality the golden vectors define. */
object Json {
    /** Parses any JSON text, top-level scalars included. */
    fun parse(text: String): Any? = JSONTokener(text).nextValue().let { if (it == JSONObject.NULL) null else it }

    /**
     * Compact JSON with sorted object keys and serde_json's escaping, so a
     * body built here is byte-for-byte what the Rust vector runner sends.
     */
    fun compact(value: Any?): String = StringBuilder().also { write(it, value) }.toString()

    private fun write(out: StringBuilder, value: Any?) {
        when (value) {
            null, JSONObject.NULL -> out.append("null")
            is JSONObject -> {
                out.append('{')
                value.keySet().sorted().forEachIndexed { i, k ->
                    if (i > 0) out.append(',')
                    string(out, k)
                    out.append(':')
                    write(out, value.opt(k))
                }
                out.append('}')
            }
            is JSONArray -> {
                out.append('[')
                for (i in 0 until value.length()) {
                    if (i > 0) out.append(',')
                    write(out, value.opt(i))
                }
                out.append(']')
            }
            is String -> string(out, value)
            is Boolean -> out.append(value)
            is Number -> out.append(value.toString())
            else -> error("not a JSON value: $value")
        }
    }

    private fun string(out: StringBuilder, s: String) {
        out.append('"')
        for (c in s) {
            when (c) {
                '"' -> out.append("\\\"")
                '\\' -> out.append("\\\\")
                '\n' -> out.append("\\n")
                '\r' -> out.append("\\r")
                '\t' -> out.append("\\t")
                '\b' -> out.append("\\b")
                '\u000C' -> out.append("\\f")
                else -> if (c < ' ') out.append(String.format("\\u%04x", c.code)) else out.append(c)
            }
        }
        out.append('"')
    }

    /** JSON equality: objects unordered, arrays ordered, numbers by value, null == JSON null. */
    fun same(a: Any?, b: Any?): Boolean {
        val x = if (a == JSONObject.NULL) null else a
        val y = if (b == JSONObject.NULL) null else b
        return when {
            x == null || y == null -> x == null && y == null
            x is JSONObject && y is JSONObject ->
                x.keySet() == y.keySet() && x.keySet().all { same(x.opt(it), y.opt(it)) }
            x is JSONArray && y is JSONArray ->
                x.length() == y.length() && (0 until x.length()).all { same(x.opt(it), y.opt(it)) }
            x is Number && y is Number -> BigDecimal(x.toString()).compareTo(BigDecimal(y.toString())) == 0
            else -> x == y
        }
    }

    /** A JSON object from pairs, keeping explicit nulls. */
    fun obj(vararg pairs: Pair<String, Any?>): JSONObject =
        JSONObject().also { o -> pairs.forEach { (k, v) -> o.put(k, v ?: JSONObject.NULL) } }
}
