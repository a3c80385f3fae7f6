// How the vectors' snake_case JSON compares with what JavaScript sees. The
// core's records cross in camelCase (`userId`), while a vendor's own JSON
// (endpoint outputs, an operation's `input`) keeps its keys; and a JSON
// `null` crosses as `undefined`. Both sides are brought to one form.

const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** Expected core JSON (snake_case) as JavaScript sees it: camelCase keys, except under `input`. */
export function camelKeys(value) {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    out[camel(k)] = k === 'input' ? v : camelKeys(v);
  }
  return out;
}

/** Drops `null` and `undefined` object entries, recursively (arrays keep their length). */
export function dropNulls(value) {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : dropNulls(v)));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[k] = dropNulls(v);
  }
  return out;
}
