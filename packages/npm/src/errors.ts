/**
 * The one error type of the package. Every failure, whether the core
 * reported it (typed `ErrorInfo` thrown by the wasm layer), the wasm module
 * trapped, or the host rejected an argument, becomes a `RosterKitError` in
 * {@link toRosterKitError}.
 */
import { takePanicMessage } from '../wasm/rosterkit_wasm.js';
import type { ErrorInfo, ErrorKind } from '../wasm/rosterkit_wasm.js';

export type { ErrorInfo, ErrorKind };

/** Where an error happened, added by the client. */
export interface ErrorContext {
  /** The provider of the client that failed. */
  provider?: string | undefined;
  /** The client method or endpoint id that failed. */
  operation?: string | undefined;
}

/** A failure of any RosterKit call. Never carries a credential. */
export class RosterKitError extends Error {
  /** What kind of failure, e.g. `not_found` or `rate_limited`. */
  readonly kind: ErrorKind;
  /** The HTTP status behind the error, when there is one. */
  readonly status: number | undefined;
  /** The vendor's own error code, when its body carried one. */
  readonly vendorCode: string | undefined;
  /** The offending input field (`invalid_input`), e.g. `groupId`. */
  readonly field: string | undefined;
  /** Why the input was rejected, or why the vendor cannot do the operation. */
  readonly reason: string | undefined;
  /** How long the server asked to wait (`rate_limited`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The provider: the client's, or the one that cannot do the operation. */
  readonly provider: string | undefined;
  /** The operation: the client method, or the one the provider cannot do. */
  readonly operation: string | undefined;
  /** A short, secret-free start of a body that did not decode. */
  readonly excerpt: string | undefined;
  /** The error exactly as rosterkit-core serializes it (the same JSON in every language). */
  readonly detail: ErrorInfo['detail'];

  /** Wraps an `ErrorInfo` from the wasm layer. */
  constructor(info: ErrorInfo, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(info.message, options);
    this.kind = info.kind;
    this.status = info.status;
    this.vendorCode = info.vendorCode;
    this.field = info.field;
    this.reason = info.reason;
    this.retryAfterMs = info.retryAfterMs;
    this.provider = info.provider ?? context.provider;
    this.operation = info.operation ?? context.operation;
    this.excerpt = info.excerpt;
    this.detail = info.detail;
  }

  /** An `invalid_input` error raised by the host layer itself. */
  static invalidInput(field: string, reason: string, context: ErrorContext = {}): RosterKitError {
    return new RosterKitError(
      {
        kind: 'invalid_input',
        message: `invalid input: ${field}: ${reason}`,
        field,
        reason,
        detail: { kind: 'invalid_input', field, reason },
      },
      context,
    );
  }
}

// On the prototype, so the stack's first line already says `RosterKitError`.
Object.defineProperty(RosterKitError.prototype, 'name', {
  value: 'RosterKitError',
  writable: true,
  configurable: true,
});

function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).kind === 'string' &&
    typeof (value as ErrorInfo).message === 'string' &&
    typeof (value as ErrorInfo).detail === 'object'
  );
}

/**
 * The one place where anything thrown across the wasm boundary becomes a
 * `RosterKitError`: a core error object, a trap (a Rust panic, whose message
 * the panic hook kept), or an error from the wasm-bindgen glue (a method
 * called on a freed object).
 */
export function toRosterKitError(thrown: unknown, context: ErrorContext = {}): RosterKitError {
  if (thrown instanceof RosterKitError) {
    return thrown;
  }
  if (isErrorInfo(thrown)) {
    return new RosterKitError(thrown, context);
  }
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  const panic = thrown instanceof WebAssembly.RuntimeError ? takePanicMessage() : undefined;
  const message = `internal error in rosterkit: ${panic ?? text}`;
  return new RosterKitError(
    { kind: 'internal', message, detail: { kind: 'internal', message } },
    context,
    { cause: thrown },
  );
}

/** Calls into the wasm layer, turning whatever it throws into a `RosterKitError`. */
export function guard<T>(call: () => T, context: ErrorContext = {}): T {
  try {
    return call();
  } catch (thrown) {
    throw toRosterKitError(thrown, context);
  }
}

/** True for a `RosterKitError`, also one from another copy of this package. */
export function isRosterKitError(error: unknown): error is RosterKitError {
  return (
    error instanceof RosterKitError ||
    (error instanceof Error &&
      error.name === 'RosterKitError' &&
      typeof (error as Partial<RosterKitError>).kind === 'string')
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
/** The transport failed after the retries the policy allowed. */
export const isTransportError = (e: unknown): e is RosterKitError => isKind(e, 'transport');
