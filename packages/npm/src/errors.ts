/**
 * The one error type of the package. Whatever the wasm module throws (the
 * core's error, a trap, a glue error) and whatever the host layer rejects
 * becomes a `RosterKitError` in {@link toRosterKitError}; its fields are
 * read from the core's error, the same in every language.
 */
import { takePanicMessage } from '../wasm/rosterkit_wasm.js';
import type { ApplyReport, ErrorDetail, Thrown } from '../wasm/rosterkit_wasm.js';

export type { ErrorDetail };

/** What kind of failure: the core's kinds, and `internal` for a bug in this package. */
export type ErrorKind = ErrorDetail['kind'] | 'internal';

/** Where an error happened, added by the client. */
export interface ErrorContext {
  /** The provider of the client that failed. */
  provider?: string | undefined;
  /** The client method or endpoint id that failed. */
  operation?: string | undefined;
}

type Field = string | number | undefined;

function read(detail: object, key: string): Field {
  const value = (detail as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** A failure of any RosterKit call. Never carries a credential. */
export class RosterKitError extends Error {
  /** What kind of failure, e.g. `not_found`, `rate_limited` or `refused`. */
  readonly kind: ErrorKind;
  /** The HTTP status behind the error (200 for a failure the vendor reported inside a 200). */
  readonly status: number | undefined;
  /** The vendor's own error code, when its body carried one. */
  readonly vendorCode: string | undefined;
  /** The id the vendor's support asks for (Spotnana `debugIdentifier`). */
  readonly debugIdentifier: string | undefined;
  /** The offending input field (`invalid_input`). */
  readonly field: string | undefined;
  /** Why the input was rejected, or why the vendor cannot do the operation. */
  readonly reason: string | undefined;
  /** The guard that refused a sync (`refused`): `empty_desired`, `mass_removal`, `no_overlap`, `unresolved`. */
  readonly guard: string | undefined;
  /** How long the server asked to wait (`rate_limited`), in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;
  /** The provider: the one that cannot do the operation, or the client's. */
  readonly provider: string | undefined;
  /** The operation: the one the provider cannot do, or the client method. */
  readonly operation: string | undefined;
  /** A short, secret-free start of a body that did not decode. */
  readonly excerpt: string | undefined;
  /** The error exactly as rosterkit-core serializes it. */
  readonly detail: ErrorDetail | { kind: 'internal'; message: string };

  /** Wraps what the wasm module threw. */
  constructor(thrown: Thrown | { kind: 'internal'; message: string; detail: { kind: 'internal'; message: string } }, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(thrown.message, options);
    const d = thrown.detail;
    this.kind = thrown.kind;
    this.detail = d;
    this.status = 'status' in thrown ? thrown.status : undefined;
    this.vendorCode = read(d, 'vendorCode') as string | undefined;
    this.debugIdentifier = read(d, 'debugIdentifier') as string | undefined;
    this.field = read(d, 'field') as string | undefined;
    this.reason = read(d, 'reason') as string | undefined;
    this.guard = read(d, 'guard') as string | undefined;
    this.excerpt = read(d, 'excerpt') as string | undefined;
    const retry = (d as { retryAfter?: { type: string; millis?: number; unixMillis?: number } }).retryAfter;
    this.retryAfterMs =
      retry?.type === 'delay' ? retry.millis : retry?.unixMillis !== undefined ? Math.max(0, retry.unixMillis - Date.now()) : undefined;
    this.provider = (read(d, 'provider') as string | undefined) ?? context.provider;
    this.operation = (read(d, 'operation') as string | undefined) ?? context.operation;
  }

  /** An `invalid_input` error raised by the host layer itself. */
  static invalidInput(field: string, reason: string, context: ErrorContext = {}): RosterKitError {
    const detail = { kind: 'invalid_input' as const, field, reason };
    return new RosterKitError({ kind: 'invalid_input', message: `invalid input: ${field}: ${reason}`, detail }, context);
  }
}

// On the prototype, so the stack's first line already says `RosterKitError`.
Object.defineProperty(RosterKitError.prototype, 'name', {
  value: 'RosterKitError',
  writable: true,
  configurable: true,
});

function isThrown(value: unknown): value is Thrown {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Thrown).kind === 'string' &&
    typeof (value as Thrown).message === 'string' &&
    typeof (value as Thrown).detail === 'object'
  );
}

/**
 * The one place where anything thrown across the wasm boundary becomes a
 * `RosterKitError`: a core error, a trap (a Rust panic, whose message the
 * panic hook kept), or an error of the wasm-bindgen glue.
 */
export function toRosterKitError(thrown: unknown, context: ErrorContext = {}): RosterKitError {
  if (thrown instanceof RosterKitError) return thrown;
  if (isThrown(thrown)) return new RosterKitError(thrown, context);
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  const panic = thrown instanceof WebAssembly.RuntimeError ? takePanicMessage() : undefined;
  const message = `internal error in rosterkit: ${panic ?? text}`;
  return new RosterKitError({ kind: 'internal', message, detail: { kind: 'internal', message } }, context, { cause: thrown });
}

/** Calls into the wasm module, turning whatever it throws into a `RosterKitError`. */
export function guard<T>(call: () => T, context: ErrorContext = {}): T {
  try {
    return call();
  } catch (thrown) {
    throw toRosterKitError(thrown, context);
  }
}

/**
 * An aborted membership change rejects with the signal's reason, carrying
 * the partial report: which users changed, which are unknown, which never ran.
 */
export function withReport(reason: unknown, report: ApplyReport): unknown {
  const error =
    typeof reason === 'object' && reason !== null
      ? reason
      : new DOMException(String(reason ?? 'This operation was aborted'), 'AbortError');
  Object.defineProperty(error, 'report', { value: report, enumerable: true, configurable: true });
  return error;
}

/** True for a `RosterKitError`, also one from another copy of this package. */
export function isRosterKitError(error: unknown): error is RosterKitError {
  return (
    error instanceof RosterKitError ||
    (error instanceof Error && error.name === 'RosterKitError' && typeof (error as Partial<RosterKitError>).kind === 'string')
  );
}

function isKind(error: unknown, kind: ErrorKind): error is RosterKitError {
  return isRosterKitError(error) && error.kind === kind;
}

/** The caller passed a value that does not fit; `field` names it. */
export const isInvalidInput = (e: unknown): e is RosterKitError => isKind(e, 'invalid_input');
/** The vendor's public API cannot do this; `provider`, `operation` and `reason` say why. */
export const isUnsupported = (e: unknown): e is RosterKitError => isKind(e, 'unsupported');
/** The vendor answered with an error not covered by a finer kind. */
export const isApiError = (e: unknown): e is RosterKitError => isKind(e, 'api');
/** 401 or 403. */
export const isAuthError = (e: unknown): e is RosterKitError => isKind(e, 'auth');
/** 404. */
export const isNotFound = (e: unknown): e is RosterKitError => isKind(e, 'not_found');
/** 409. */
export const isConflict = (e: unknown): e is RosterKitError => isKind(e, 'conflict');
/** 429, after the retries the policy allowed; `retryAfterMs` says how long to wait. */
export const isRateLimited = (e: unknown): e is RosterKitError => isKind(e, 'rate_limited');
/** The response did not have the documented shape. */
export const isDecodeError = (e: unknown): e is RosterKitError => isKind(e, 'decode');
/** The transport failed (or timed out) after the retries the policy allowed. */
export const isTransportError = (e: unknown): e is RosterKitError => isKind(e, 'transport');
/** A membership sync was refused by a safety guard before any change; `guard` names it. */
export const isRefused = (e: unknown): e is RosterKitError => isKind(e, 'refused');
