/**
 * `RosterKit`: one provider, one tenant, one credential. Every method is a
 * call into the Rust driver (compiled to wasm) with a `Host` that carries
 * this call's `fetch` and `AbortSignal`; planning, paging, retries and the
 * apply report all come from the core. The token lives in the wasm client
 * only: it is not a property, and never shows in `inspect`, `toString` or JSON.
 */
import { Client } from '../wasm/rosterkit_wasm.js';
import type {
  ApplyReport,
  CallSettings,
  Capabilities,
  ClientSettings,
  Group,
  GroupChanges,
  Member,
  MembershipPlan,
  NewGroup,
  Pages,
  Provider,
  RetryPolicy,
  SyncOptions,
  User,
} from '../wasm/rosterkit_wasm.js';
import { guard, RosterKitError, toRosterKitError, withReport, type ErrorContext } from './errors.js';
import { isLoaded, whenLoaded } from './runtime.js';
import { abortReason, eitherSignal, makeHost, type FetchLike } from './transport.js';

/** Where the request log goes: a function, or a logger with `debug` (console, pino, winston). */
export type Logger = ((line: string) => void) | { debug(line: string): void };

/** Options of `new RosterKit(...)`. */
export interface RosterKitOptions {
  /** `ssw`, `spotnana`, `b2core`, `polaris` or `alteryx`. */
  provider: Provider;
  /** The tenant's base URL, e.g. `https://acme.app.imply.io` (Alteryx: `https://host/webapi`). */
  baseUrl: string;
  /** The bearer token (Polaris: the API key). Kept inside the wasm client. */
  token: string;
  /** SSW organization id or Spotnana company id. */
  tenantId?: string;
  /** The transport; defaults to `globalThis.fetch`. */
  fetch?: FetchLike;
  /** The retry policy (429 honours `Retry-After`; 5xx and network errors only when safe). */
  retry?: RetryPolicy;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  /** Calls a membership change runs at once (4). */
  concurrency?: number;
  /** The most pages one listing reads before it stops with an error. */
  maxPages?: number;
  /** One line per HTTP exchange (`GET https://... -> 200 in 12 ms`), never a secret. In Node, `ROSTERKIT_LOG=debug` logs to stderr. */
  logger?: Logger;
}

/** The options of one client per provider, for the per-provider factories. */
export type ProviderOptions = Omit<RosterKitOptions, 'provider'>;

/** Per-call options. */
export interface CallOptions {
  /** Aborts this call: fetches and retry waits stop, and the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds one HTTP exchange may take (a transport error, retried only when safe). */
  timeout?: number;
  /** This call's retry policy. */
  retry?: RetryPolicy;
  /** Headers added to this call's requests (not `Authorization`). */
  headers?: Record<string, string>;
}

/** Options of calls that change membership. */
export interface ApplyOptions extends CallOptions {
  /** At most this many calls at once. */
  concurrency?: number;
}

/** Options of `plan` and `sync`: the mode and guards (`SyncOptions`), and the call's options. */
export type PlanOptions = SyncOptions & ApplyOptions;

/** Options of `deleteGroup`. */
export interface DeleteGroupOptions extends CallOptions {
  /** Delete a non-empty Alteryx group (`forceDelete`). */
  force?: boolean;
}

const CALL_KEYS = ['signal', 'timeout', 'retry', 'headers', 'concurrency', 'force'] as const;
const HOST_KEYS = ['token', 'fetch', 'signal', 'logger'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `options` without the keys the host layer handles. */
function without(options: unknown, keys: readonly string[]): unknown {
  if (!isObject(options)) return options;
  const rest: Record<string, unknown> = { ...options };
  for (const key of keys) delete rest[key];
  return rest;
}

function callSettings(options: unknown): CallSettings | undefined {
  if (!isObject(options)) return undefined;
  const { timeout, retry, headers } = options as CallOptions;
  if (timeout === undefined && retry === undefined && headers === undefined) return undefined;
  return { timeout, retry, headers } as CallSettings;
}

function logFunction(logger: unknown): ((line: string) => void) | undefined {
  if (typeof logger === 'function') return logger as (line: string) => void;
  if (isObject(logger) && typeof logger['debug'] === 'function') {
    const debug = logger['debug'] as (line: string) => void;
    return (line) => debug.call(logger, line);
  }
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (logger === undefined && env?.['ROSTERKIT_LOG'] === 'debug') {
    return (line) => console.error(`rosterkit: ${line}`);
  }
  return undefined;
}

/** A client for one provider and tenant. */
export class RosterKit {
  #native: Client | undefined;
  readonly #make: () => Client;
  readonly #fetch: FetchLike;
  readonly #signal: AbortSignal | undefined;
  readonly #settings: ClientSettings;

  /** Checks the options (the token without ever echoing it). In a browser, before the module loaded, the check happens on the first call. */
  constructor(options: RosterKitOptions) {
    const context = { operation: 'constructor' };
    const o: Record<string, unknown> = isObject(options) ? options : {};
    const fetchImpl = o['fetch'] ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw RosterKitError.invalidInput('fetch', 'must be a function (no global fetch found)', context);
    }
    const signal = o['signal'];
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw RosterKitError.invalidInput('signal', 'must be an AbortSignal', context);
    }
    const logger = o['logger'];
    if (logger !== undefined && logFunction(logger) === undefined) {
      throw RosterKitError.invalidInput('logger', 'must be a function or have a debug method', context);
    }
    this.#fetch = (url, init) => (fetchImpl as FetchLike)(url, init);
    this.#signal = signal;
    this.#settings = without(options, HOST_KEYS) as ClientSettings;
    const token = o['token'];
    this.#make = () =>
      guard(
        () => new Client(this.#settings, token as string, makeHost(this.#fetch, this.#signal), logFunction(logger)),
        context,
      );
    if (isLoaded()) this.#native = this.#make();
  }

  /** A Splashtop Secure Workspace client (`tenantId`: the organization id). */
  static ssw(options: ProviderOptions): RosterKit {
    return new RosterKit({ ...options, provider: 'ssw' });
  }

  /** A Spotnana client (`tenantId`: the company id). */
  static spotnana(options: ProviderOptions): RosterKit {
    return new RosterKit({ ...options, provider: 'spotnana' });
  }

  /** A B2Broker B2Core client. */
  static b2core(options: ProviderOptions): RosterKit {
    return new RosterKit({ ...options, provider: 'b2core' });
  }

  /** An Imply Polaris client (`token`: the API key). */
  static polaris(options: ProviderOptions): RosterKit {
    return new RosterKit({ ...options, provider: 'polaris' });
  }

  /** An Alteryx Server client (`baseUrl` ends in `/webapi`). */
  static alteryx(options: ProviderOptions): RosterKit {
    return new RosterKit({ ...options, provider: 'alteryx' });
  }

  /** The provider. */
  get provider(): Provider {
    return this.#settings.provider;
  }

  /** The base URL. */
  get baseUrl(): string {
    return this.#native?.baseUrl ?? this.#settings.baseUrl;
  }

  /** The tenant id, when there is one. */
  get tenantId(): string | undefined {
    return this.#settings.tenantId;
  }

  #context(operation: string): ErrorContext {
    return { provider: this.#settings.provider, operation };
  }

  async #client(): Promise<Client> {
    if (this.#native === undefined) {
      await whenLoaded();
      this.#native ??= this.#make();
    }
    return this.#native;
  }

  /** Runs `run` on a per-call client whose requests carry this call's signal and settings. */
  async #call<T>(operation: string, options: unknown, run: (c: Client) => Promise<T> | T): Promise<T> {
    const context = this.#context(operation);
    const callSignal = isObject(options) ? (options['signal'] as AbortSignal | undefined) : undefined;
    const either = eitherSignal(this.#signal, callSignal);
    let call: Client | undefined;
    try {
      const native = await this.#client();
      call = guard(() => native.forCall(makeHost(this.#fetch, either.signal), callSettings(options)), context);
      const c = call;
      return await run(c);
    } catch (thrown) {
      if (either.signal?.aborted) throw abortReason(either.signal);
      throw toRosterKitError(thrown, context);
    } finally {
      call?.free();
      either.dispose();
    }
  }

  /** A membership change: an aborted one rejects with the signal's reason carrying `.report`. */
  async #change(operation: string, options: unknown, run: (c: Client, concurrency: number | undefined) => Promise<ApplyReport>): Promise<ApplyReport> {
    const concurrency = isObject(options) ? (options['concurrency'] as number | undefined) : undefined;
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
      throw RosterKitError.invalidInput('concurrency', 'must be an integer of at least 1', this.#context(operation));
    }
    const report = await this.#call(operation, options, (c) => run(c, concurrency));
    const signal = isObject(options) ? (options['signal'] as AbortSignal | undefined) : undefined;
    const aborted = [this.#signal, signal].find((s) => s?.aborted);
    if (report.cancelled && aborted !== undefined) throw withReport(abortReason(aborted), report);
    return report;
  }

  /** What this provider's API can do, and how or why not. */
  capabilities(): Capabilities {
    const native = this.#native;
    if (native === undefined) throw RosterKitError.invalidInput('capabilities', 'the module is still loading: `await ready` first');
    return guard(() => native.capabilities(), this.#context('capabilities'));
  }

  /** Every user (all pages). */
  listUsers(options?: CallOptions): Promise<User[]> {
    return this.#call('listUsers', options, (c) => c.listUsers());
  }

  /** Every group (all pages). */
  listGroups(options?: CallOptions): Promise<Group[]> {
    return this.#call('listGroups', options, (c) => c.listGroups());
  }

  /** One group. */
  getGroup(groupId: string, options?: CallOptions): Promise<Group> {
    return this.#call('getGroup', options, (c) => c.getGroup(groupId));
  }

  /** Creates a group (`role` is Alteryx's; `permissions` B2Core's and Polaris's). */
  createGroup(group: NewGroup, options?: CallOptions): Promise<Group> {
    return this.#call('createGroup', options, (c) => c.createGroup(group));
  }

  /** Changes a group; what is left out keeps its value. Resolves with the group, or null where the vendor answers without one. */
  updateGroup(groupId: string, changes: GroupChanges, options?: CallOptions): Promise<Group | null> {
    return this.#call('updateGroup', options, async (c) => (await c.updateGroup(groupId, changes)) ?? null);
  }

  /** Deletes a group; `force` deletes a non-empty Alteryx group. */
  async deleteGroup(groupId: string, options?: DeleteGroupOptions): Promise<void> {
    const force = isObject(options) ? (options['force'] as boolean | undefined) : undefined;
    await this.#call('deleteGroup', options, (c) => c.deleteGroup(groupId, force));
  }

  /** Every member of a group (all pages). */
  listMembers(groupId: string, options?: CallOptions): Promise<Member[]> {
    return this.#call('listMembers', options, (c) => c.listMembers(groupId));
  }

  /** Adds members with the fewest calls the vendor allows; one outcome per user. */
  addMembers(groupId: string, userIds: string[], options?: ApplyOptions): Promise<ApplyReport> {
    return this.#change('addMembers', options, (c, n) => c.addMembers(groupId, userIds, n));
  }

  /** Removes members with the fewest calls the vendor allows; one outcome per user. */
  removeMembers(groupId: string, userIds: string[], options?: ApplyOptions): Promise<ApplyReport> {
    return this.#change('removeMembers', options, (c, n) => c.removeMembers(groupId, userIds, n));
  }

  /** Approves a pending join request (SSW). */
  async approveMember(groupId: string, userId: string, options?: CallOptions): Promise<void> {
    await this.#call('approveMember', options, (c) => c.approveMember(groupId, userId));
  }

  /** Rejects a pending join request (SSW). */
  async rejectMember(groupId: string, userId: string, options?: CallOptions): Promise<void> {
    await this.#call('rejectMember', options, (c) => c.rejectMember(groupId, userId));
  }

  /**
   * The dry run of a sync toward `desired` (user ids or emails): reads the
   * members and plans the fewest calls. `mode` is required (`additive` only
   * adds; `authoritative` also removes). Risky plans are refused
   * (`isRefused`) unless an option overrides that guard. Nothing is changed.
   */
  plan(groupId: string, desired: string[], options: PlanOptions): Promise<MembershipPlan> {
    return this.#call('plan', options, (c) => c.plan(groupId, desired, without(options, CALL_KEYS) as SyncOptions));
  }

  /**
   * Runs a plan, additions first (removals are held back if an addition
   * failed), at most `concurrency` calls at once. Every user's outcome is in
   * the report; a partial failure is never silent. An abort rejects with the
   * signal's reason, whose `report` says what was done.
   */
  apply(plan: MembershipPlan, options?: ApplyOptions): Promise<ApplyReport> {
    return this.#change('apply', options, (c, n) => c.apply(plan, n));
  }

  /** `plan`, then `apply`. */
  sync(groupId: string, desired: string[], options: PlanOptions): Promise<ApplyReport> {
    return this.#change('sync', options, (c, n) => c.sync(groupId, desired, without(options, CALL_KEYS) as SyncOptions, n));
  }

  /** A plan for the users whose change failed, is unknown or did not run; `null` when all is as desired. */
  async replan(report: ApplyReport): Promise<MembershipPlan | null> {
    const native = await this.#client();
    return guard(() => native.replan(report), this.#context('replan'));
  }

  /** One call of a vendor endpoint with full fidelity (its own field names), with retries. */
  async call(endpointId: string, input?: Record<string, unknown> | null, options?: CallOptions): Promise<unknown> {
    const result = await this.#call(String(endpointId), options, (c) => c.call(endpointId, input));
    // The core hands over the body's JSON text when it already is the result.
    return 'json' in result ? JSON.parse(result.json) : result.value;
  }

  /**
   * Any unified operation by name, e.g. `{op: 'getGroup', groupId: 'g1'}`;
   * the result as plain data. The typed methods are the everyday API; this
   * is what the cross-language vectors run (in every language's spelling).
   */
  async unified(op: Record<string, unknown>, options?: ApplyOptions): Promise<unknown> {
    const text = await this.#call('unified', options, (c) => c.unified(JSON.stringify(op)));
    return JSON.parse(text) as unknown;
  }

  /** The pages of a list endpoint, one at a time, each as the vendor's items. */
  pages(endpointId: string, input?: Record<string, unknown> | null, options?: CallOptions): AsyncGenerator<unknown[], void, undefined> {
    return this.#pages<unknown[]>(String(endpointId), options, (c) => c.pages(endpointId, input), false);
  }

  /** Every user, fetched a page at a time as the loop goes. */
  users(options?: CallOptions): AsyncGenerator<User, void, undefined> {
    return this.#pages<User>('users', options, (c) => c.userPages(), true);
  }

  /** Every group, fetched a page at a time as the loop goes. */
  groups(options?: CallOptions): AsyncGenerator<Group, void, undefined> {
    return this.#pages<Group>('groups', options, (c) => c.groupPages(), true);
  }

  /** Every member of a group, fetched a page at a time as the loop goes. */
  members(groupId: string, options?: CallOptions): AsyncGenerator<Member, void, undefined> {
    return this.#pages<Member>('members', options, (c) => c.memberPages(groupId), true);
  }

  async *#pages<T>(operation: string, options: unknown, open: (c: Client) => Pages, flat: boolean): AsyncGenerator<T, void, undefined> {
    const context = this.#context(operation);
    const callSignal = isObject(options) ? (options['signal'] as AbortSignal | undefined) : undefined;
    const either = eitherSignal(this.#signal, callSignal);
    let call: Client | undefined;
    let pages: Pages | undefined;
    try {
      const native = await this.#client();
      call = guard(() => native.forCall(makeHost(this.#fetch, either.signal), callSettings(options)), context);
      const c = call;
      pages = guard(() => open(c), context);
      for (;;) {
        let page: unknown[] | null;
        try {
          page = await pages.next();
        } catch (thrown) {
          if (either.signal?.aborted) throw abortReason(either.signal);
          throw toRosterKitError(thrown, context);
        }
        if (page === null) return;
        if (flat) yield* page as T[];
        else yield page as T;
      }
    } finally {
      pages?.free();
      call?.free();
      either.dispose();
    }
  }

  /** A description without the token. */
  toString(): string {
    return `RosterKit(${this.provider} at ${this.baseUrl})`;
  }

  /** A JSON view without the token. */
  toJSON(): { provider: Provider; baseUrl: string; tenantId?: string } {
    const tenantId = this.tenantId;
    return tenantId === undefined
      ? { provider: this.provider, baseUrl: this.baseUrl }
      : { provider: this.provider, baseUrl: this.baseUrl, tenantId };
  }

  /** What Node's `util.inspect` and `console.log` show: no token. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const tenant = this.tenantId === undefined ? '' : `, tenantId: '${this.tenantId}'`;
    return `RosterKit { provider: '${this.provider}', baseUrl: '${this.baseUrl}'${tenant}, token: '***' }`;
  }
}
