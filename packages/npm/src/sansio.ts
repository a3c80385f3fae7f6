/**
 * The sans-IO layer, for callers who bring their own HTTP: build the exact
 * request of an endpoint, parse a response into its output or a typed
 * error, drive a core flow or pager by hand, plan membership changes and ask
 * the retry policy for a decision. Nothing here does IO.
 */
import * as wasm from '../wasm/rosterkit_wasm.js';
import type {
  Capabilities,
  DirectoryOptions,
  EndpointCall,
  FlowOptions,
  Group,
  HttpRequest,
  HttpResponse,
  Member,
  MembershipPlan,
  PageStyle,
  PlannedStep,
  Provider,
  RetryDecision,
  RetryQuery,
  Target,
  UnifiedOp,
  User,
} from '../wasm/rosterkit_wasm.js';
import { guard, RosterKitError } from './errors.js';

export type {
  Capabilities,
  DirectoryOptions,
  EndpointCall,
  FlowOptions,
  HttpRequest,
  HttpResponse,
  MembershipPlan,
  PageStyle,
  PlannedStep,
  Provider,
  RetryDecision,
  RetryQuery,
  Target,
  UnifiedOp,
};

/** An endpoint's input, in the vendor's own field names (see the golden vectors). */
export type EndpointInput = Record<string, unknown> | null | undefined;

/** The request for one endpoint call, e.g. `buildRequest('polaris.get_user', { user_id }, { baseUrl, token })`. */
export function buildRequest(endpointId: string, input: EndpointInput, target: Target): HttpRequest {
  return guard(() => wasm.buildRequest(endpointId, input, target), { operation: String(endpointId) });
}

/** The endpoint's output parsed from a response; throws a `RosterKitError` for the vendor's error. */
export function parseResponse(endpointId: string, input: EndpointInput, response: HttpResponse): unknown {
  return guard(() => wasm.parseResponse(endpointId, input, response), { operation: String(endpointId) });
}

/** Every endpoint id, in documentation order. */
export function endpointIds(): string[] {
  return wasm.endpointIds();
}

/** What a provider's API can do, and how or why not. */
export function capabilities(provider: Provider): Capabilities {
  return guard(() => wasm.capabilities(provider), { operation: 'capabilities' });
}

/** The fewest calls that make a group's members exactly `desired`, given `current`. */
export function planSync(
  directory: DirectoryOptions,
  groupId: string,
  current: string[],
  desired: string[],
): MembershipPlan {
  return guard(() => wasm.planSync(directory, groupId, current, desired), { operation: 'planSync' });
}

/** The fewest calls that add `add` and remove `remove`. */
export function planChanges(
  directory: DirectoryOptions,
  groupId: string,
  add: string[],
  remove: string[],
): MembershipPlan {
  return guard(() => wasm.planChanges(directory, groupId, add, remove), { operation: 'planChanges' });
}

/** Whether and when to retry after an attempt (429 honours `Retry-After`). */
export function retryDecision(query: RetryQuery): RetryDecision {
  return guard(() => wasm.retryDecision(query), { operation: 'retryDecision' });
}

/** What the host must do next; a finished flow's failure is a `RosterKitError`. */
export type Step =
  | { step: 'send'; request: HttpRequest }
  | { step: 'sleep'; millis: number }
  | { step: 'done'; ok: true; value: unknown }
  | { step: 'done'; ok: false; error: RosterKitError };

function toStep(step: wasm.FlowStep): Step {
  if (step.step !== 'done') {
    return step;
  }
  return step.error !== undefined
    ? { step: 'done', ok: false, error: new RosterKitError(step.error) }
    : { step: 'done', ok: true, value: step.ok };
}

/**
 * A core state machine: `start()`, then for each `send` step report the
 * response with `onResponse` (or `onTransportError`), for each `sleep` wait
 * and call `onWoken`, until `done`. Call `free()` when finished.
 */
export class Flow {
  readonly #inner: wasm.Flow;

  private constructor(inner: wasm.Flow) {
    this.#inner = inner;
  }

  /** One endpoint call, retried as the policy allows. */
  static call(endpointId: string, input: EndpointInput, target: Target, options?: FlowOptions): Flow {
    return new Flow(guard(() => wasm.Flow.call(endpointId, input, target, options), { operation: String(endpointId) }));
  }

  /** Every page of a list endpoint; the value is the array of all items. */
  static allPages(endpointId: string, input: EndpointInput, target: Target, options?: FlowOptions): Flow {
    return new Flow(
      guard(() => wasm.Flow.allPages(endpointId, input, target, options), { operation: String(endpointId) }),
    );
  }

  /** A unified operation; throws `unsupported` when the vendor cannot do it. */
  static unified(directory: DirectoryOptions, op: UnifiedOp, target: Target, options?: FlowOptions): Flow {
    return new Flow(guard(() => wasm.Flow.unified(directory, op, target, options), { operation: 'unified' }));
  }

  /** One step of a membership plan. */
  static planStep(step: PlannedStep, target: Target, options?: FlowOptions): Flow {
    return new Flow(guard(() => wasm.Flow.planStep(step, target, options), { operation: 'planStep' }));
  }

  /** The first step. */
  start(): Step {
    return toStep(guard(() => this.#inner.start()));
  }

  /** Reports the response to the last `send`. */
  onResponse(response: HttpResponse, elapsedMs: number): Step {
    return toStep(guard(() => this.#inner.onResponse(response, elapsedMs)));
  }

  /** Reports that the last `send` got no response (`sent: false` only if it provably never left). */
  onTransportError(sent: boolean, message: string, elapsedMs: number): Step {
    return toStep(guard(() => this.#inner.onTransportError(sent, message, elapsedMs)));
  }

  /** Reports that the last `sleep` is over. */
  onWoken(elapsedMs: number): Step {
    return toStep(guard(() => this.#inner.onWoken(elapsedMs)));
  }

  /** Releases the flow's wasm memory (also done when it is garbage collected). */
  free(): void {
    this.#inner.free();
  }
}

/**
 * Walks a unified list (`listUsers`, `listGroups`, `listMembers`) page by
 * page: `nextCall()` gives the vendor call for the next page (or null),
 * `advance(output)` takes that call's parsed output and returns the page's
 * items as unified models.
 */
export class UnifiedPager {
  readonly #inner: wasm.UnifiedPager;

  /** A pager over a unified list operation on a directory; throws `unsupported` when the vendor cannot list it. */
  constructor(directory: DirectoryOptions, op: UnifiedOp) {
    this.#inner = guard(() => new wasm.UnifiedPager(directory, op), { operation: 'unifiedPager' });
  }

  /** The call for the next page, or null when paging is over. */
  nextCall(): EndpointCall | null {
    return guard(() => this.#inner.nextCall());
  }

  /** Takes the output of the page just fetched and returns its items. */
  advance(output: unknown): User[] | Group[] | Member[] {
    return guard(() => this.#inner.advance(output));
  }

  /** Whether every page has been fetched. */
  get done(): boolean {
    return this.#inner.done;
  }

  /** Releases the pager's wasm memory (also done when it is garbage collected). */
  free(): void {
    this.#inner.free();
  }
}

/**
 * Walks the pages of a list endpoint: `nextCall()` gives the call for the
 * next page (or null), `advance(output)` takes that call's parsed output and
 * returns the page's items.
 */
export class Pager {
  readonly #inner: wasm.Pager;

  /** A pager over `endpointId` with `input`. */
  constructor(endpointId: string, input: EndpointInput) {
    this.#inner = guard(() => new wasm.Pager(endpointId, input), { operation: String(endpointId) });
  }

  /** The call for the next page, or null when paging is over. */
  nextCall(): EndpointCall | null {
    return guard(() => this.#inner.nextCall());
  }

  /** Takes the output of the page just fetched and returns its items. */
  advance(output: unknown): unknown[] {
    return guard(() => this.#inner.advance(output));
  }

  /** Whether every page has been fetched. */
  get done(): boolean {
    return this.#inner.done;
  }

  /** The vendor's paging style. */
  get style(): PageStyle {
    return this.#inner.style;
  }

  /** Releases the pager's wasm memory (also done when it is garbage collected). */
  free(): void {
    this.#inner.free();
  }
}
