/**
 * The sans-IO layer, for callers who bring their own HTTP: the exact request
 * of an endpoint, a response parsed into its output or a typed error, and
 * whole core flows (retries, paging, read-modify-write, plans) to drive by
 * hand. Nothing here does IO. In a browser, `await ready` first.
 */
import * as wasm from '../wasm/rosterkit_wasm.js';
import type {
  Capabilities,
  FlowStep,
  HttpRequest,
  HttpResponse,
  Provider,
  RetryPolicy,
  Target,
} from '../wasm/rosterkit_wasm.js';
import { guard, RosterKitError, toRosterKitError } from './errors.js';
import { isLoaded } from './runtime.js';

export type { Capabilities, HttpRequest, HttpResponse, Provider, RetryPolicy, Target };

/** An endpoint's input, in the vendor's own field names. */
export type EndpointInput = Record<string, unknown> | null | undefined;

/** What a flow asks next; a failed `done` carries a `RosterKitError`. */
export type Step =
  | { step: 'send'; request: HttpRequest }
  | { step: 'sleep'; millis: number }
  | { step: 'done'; ok: unknown }
  | { step: 'done'; error: RosterKitError };

function call<T>(operation: string, f: () => T): T {
  if (!isLoaded()) {
    throw RosterKitError.invalidInput('module', 'the WebAssembly module is still loading: `await ready` first', { operation });
  }
  return guard(f, { operation });
}

/** The request for one endpoint call. */
export function buildRequest(endpointId: string, input: EndpointInput, target: Target): HttpRequest {
  return call(String(endpointId), () => wasm.buildRequest(endpointId, input, target));
}

const decoder = new TextDecoder();

/**
 * The body's JSON, or its `field`, decoded here: the core has checked that
 * it already is the result (see `Parsed`), and `JSON.parse` is faster than
 * building the same objects across the WebAssembly boundary.
 */
function fromBody(body: Uint8Array | ArrayBuffer | string | undefined, field: string | undefined): unknown {
  const text = typeof body === 'string' ? body : decoder.decode(body);
  const value: unknown = JSON.parse(text);
  return field === undefined ? value : (value as Record<string, unknown>)[field];
}

/** The endpoint's result for a response; a vendor error throws a `RosterKitError`. */
export function parseResponse(endpointId: string, input: EndpointInput, response: HttpResponse): unknown {
  return call(String(endpointId), () => {
    const parsed = wasm.parseResponse(endpointId, input, response);
    return 'value' in parsed ? parsed.value : fromBody(response.body, parsed.field);
  });
}

/** Every endpoint id, in documentation order. */
export function endpointIds(): string[] {
  return call('endpointIds', () => wasm.endpointIds());
}

/** What a provider's API can do, and why not where it cannot. */
export function capabilities(provider: Provider): Capabilities {
  return call('capabilities', () => wasm.capabilities(provider));
}

function step(s: FlowStep, operation: string): Step {
  return 'error' in s ? { step: 'done', error: toRosterKitError(s.error, { operation }) } : (s as Step);
}

/** A core flow: `start()`, then report each response, transport failure or wake-up until `done`. */
export class Flow {
  readonly #inner: wasm.Flow;
  readonly #operation: string;

  private constructor(inner: wasm.Flow, operation: string) {
    this.#inner = inner;
    this.#operation = operation;
  }

  /** One endpoint call, with retries. */
  static call(endpointId: string, input: EndpointInput, target: Target, retry?: RetryPolicy): Flow {
    const op = String(endpointId);
    return new Flow(call(op, () => wasm.Flow.call(endpointId, input, target, retry)), op);
  }

  /** Every page of a list endpoint; the result is all the items. */
  static pages(endpointId: string, input: EndpointInput, target: Target, retry?: RetryPolicy): Flow {
    const op = String(endpointId);
    return new Flow(call(op, () => wasm.Flow.pages(endpointId, input, target, retry)), op);
  }

  /** A unified operation, e.g. `{op: 'planSync', groupId, desired, options: {mode: 'additive'}}`; results are the camelCase models. */
  static unified(provider: Provider, op: Record<string, unknown>, target: Target, retry?: RetryPolicy): Flow {
    const name = typeof op?.['op'] === 'string' ? op['op'] : 'unified';
    return new Flow(call(name, () => wasm.Flow.unified(provider, op, target, retry)), name);
  }

  /** The first step. */
  start(): Step {
    return step(guard(() => this.#inner.start(), { operation: this.#operation }), this.#operation);
  }

  /** The response to the last `send`. */
  onResponse(response: HttpResponse, elapsedMs: number): Step {
    return step(guard(() => this.#inner.onResponse(response, elapsedMs), { operation: this.#operation }), this.#operation);
  }

  /** The last `send` failed in transport; `sent`: it may have reached the server. */
  onTransportError(sent: boolean, message: string, elapsedMs: number): Step {
    return step(guard(() => this.#inner.onTransportError(sent, message, elapsedMs), { operation: this.#operation }), this.#operation);
  }

  /** The last `sleep` is over. */
  onWoken(elapsedMs: number): Step {
    return step(guard(() => this.#inner.onWoken(elapsedMs), { operation: this.#operation }), this.#operation);
  }

  /** Frees the flow's memory now instead of at garbage collection. */
  free(): void {
    this.#inner.free();
  }
}
