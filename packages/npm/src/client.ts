/**
 * `RosterKit`: one provider, one tenant, one credential, driving the core's
 * flows over `fetch`. The token lives in the wasm session only; it is not a
 * property of the client and never appears in `inspect`, `toString` or JSON.
 */
import { Pager, Session, UnifiedPager } from '../wasm/rosterkit_wasm.js';
import type {
  Capabilities,
  Flow,
  Group,
  GroupChanges,
  Member,
  MembershipPlan,
  NewGroup,
  Provider,
  RetryOptions,
  User,
} from '../wasm/rosterkit_wasm.js';
import { runSteps, type ApplyReport } from './apply.js';
import { guard, RosterKitError, type ErrorContext } from './errors.js';
import { drive } from './host.js';
import { eitherSignal, type FetchLike } from './transport.js';

/** Options of `new RosterKit(...)`. */
export interface RosterKitOptions {
  /** `ssw`, `spotnana`, `b2core`, `polaris` or `alteryx`. */
  provider: Provider;
  /** The tenant's base URL, e.g. `https://acme.app.imply.io` (Alteryx: `https://host/webapi`). */
  baseUrl: string;
  /** The bearer token (Polaris: the API key). Kept inside the wasm session. */
  token: string;
  /** SSW organization id or Spotnana company id. */
  tenantId?: string;
  /** The transport; defaults to `globalThis.fetch`. */
  fetch?: FetchLike;
  /** The retry policy (429 honours `Retry-After`; 5xx and network errors only when safe). */
  retry?: RetryOptions;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  /** Default number of calls `apply`, `addMembers` and `removeMembers` run at once (4). */
  concurrency?: number;
}

/** The options of one client per provider, for the per-provider factories. */
export type ProviderOptions = Omit<RosterKitOptions, 'provider'>;

/** Per-call options. */
export interface CallOptions {
  /** Aborts this call: pending fetches and retry waits stop, and the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of calls that run a membership plan. */
export interface ApplyOptions extends CallOptions {
  /** At most this many calls at once. */
  concurrency?: number;
}

/** Options of `deleteGroup`. */
export interface DeleteGroupOptions extends CallOptions {
  /** Delete a non-empty Alteryx group (`forceDelete`). */
  force?: boolean;
}

const DEFAULT_CONCURRENCY = 4;
const HOST_OPTIONS = ['token', 'fetch', 'signal', 'concurrency'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits `{ signal, ...rest }`, keeping a non-object as it is so the wasm layer names it. */
function splitSignal(options: unknown): [unknown, AbortSignal | undefined] {
  if (!isObject(options)) {
    return [options, undefined];
  }
  const { signal, ...rest } = options;
  return [rest, signal as AbortSignal | undefined];
}

function signalOf(options: unknown): AbortSignal | undefined {
  return isObject(options) ? (options['signal'] as AbortSignal | undefined) : undefined;
}

function checkConcurrency(value: unknown, context: ErrorContext): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw RosterKitError.invalidInput('concurrency', 'must be an integer of at least 1', context);
  }
  return value;
}

/** A client for one provider and tenant. */
export class RosterKit {
  readonly #session: Session;
  readonly #fetch: FetchLike;
  readonly #signal: AbortSignal | undefined;
  readonly #concurrency: number;

  /** Checks the options (the token is checked without ever being echoed). */
  constructor(options: RosterKitOptions) {
    const context = { operation: 'constructor' };
    let sessionOptions: unknown = options;
    let token: unknown;
    let fetchImpl: unknown = globalThis.fetch;
    let signal: unknown;
    let concurrency: number | undefined;
    if (isObject(options)) {
      const rest: Record<string, unknown> = { ...options };
      for (const key of HOST_OPTIONS) delete rest[key];
      sessionOptions = rest;
      token = options['token'];
      fetchImpl = options['fetch'] ?? globalThis.fetch;
      signal = options['signal'];
      concurrency = checkConcurrency(options['concurrency'], context);
    }
    this.#session = guard(() => new Session(sessionOptions as never, token as string), context);
    if (typeof fetchImpl !== 'function') {
      throw RosterKitError.invalidInput('fetch', 'must be a function (no global fetch found)', context);
    }
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw RosterKitError.invalidInput('signal', 'must be an AbortSignal', context);
    }
    this.#fetch = (url, init) => (fetchImpl as FetchLike)(url, init);
    this.#signal = signal;
    this.#concurrency = concurrency ?? DEFAULT_CONCURRENCY;
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
    return this.#session.provider;
  }

  /** The base URL. */
  get baseUrl(): string {
    return this.#session.baseUrl;
  }

  /** The tenant id, when there is one. */
  get tenantId(): string | undefined {
    return this.#session.tenantId;
  }

  #context(operation: string): ErrorContext {
    return { provider: this.#session.provider, operation };
  }

  async #run<T>(operation: string, signal: AbortSignal | undefined, make: (s: Session) => Flow): Promise<T> {
    const context = this.#context(operation);
    const flow = guard(() => make(this.#session), context);
    const either = eitherSignal(this.#signal, signal);
    try {
      return await drive<T>(flow, { fetch: this.#fetch, signal: either.signal, context });
    } finally {
      either.dispose();
    }
  }

  /** What this provider's API can do, and how or why not. */
  capabilities(): Capabilities {
    return guard(() => this.#session.capabilities(), this.#context('capabilities'));
  }

  /** Every user (all pages). */
  async listUsers(options?: CallOptions): Promise<User[]> {
    return this.#run('listUsers', signalOf(options), (s) => s.listUsers());
  }

  /** Every group (all pages). */
  async listGroups(options?: CallOptions): Promise<Group[]> {
    return this.#run('listGroups', signalOf(options), (s) => s.listGroups());
  }

  /** One group. */
  async getGroup(groupId: string, options?: CallOptions): Promise<Group> {
    return this.#run('getGroup', signalOf(options), (s) => s.getGroup(groupId));
  }

  /** Creates a group (`role` is Alteryx's; `permissions` B2Core's and Polaris's). */
  async createGroup(group: NewGroup, options?: CallOptions): Promise<Group> {
    return this.#run('createGroup', signalOf(options), (s) => s.createGroup(group));
  }

  /** Changes a group; what is left out keeps its value. Resolves with the group, or null where the vendor answers without one. */
  async updateGroup(groupId: string, changes: GroupChanges, options?: CallOptions): Promise<Group | null> {
    return this.#run('updateGroup', signalOf(options), (s) => s.updateGroup(groupId, changes));
  }

  /** Deletes a group; `force` deletes a non-empty Alteryx group. */
  async deleteGroup(groupId: string, options?: DeleteGroupOptions): Promise<void> {
    const [rest, signal] = splitSignal(options);
    await this.#run('deleteGroup', signal, (s) => s.deleteGroup(groupId, rest as never));
  }

  /** Every member of a group (all pages). */
  async listMembers(groupId: string, options?: CallOptions): Promise<Member[]> {
    return this.#run('listMembers', signalOf(options), (s) => s.listMembers(groupId));
  }

  /** Adds members with the fewest calls the vendor allows; every call's outcome is reported. */
  async addMembers(groupId: string, userIds: string[], options?: ApplyOptions): Promise<ApplyReport> {
    const plan = guard(() => this.#session.planAdd(groupId, userIds), this.#context('addMembers'));
    return this.#apply('addMembers', plan, options);
  }

  /** Removes members with the fewest calls the vendor allows; every call's outcome is reported. */
  async removeMembers(groupId: string, userIds: string[], options?: ApplyOptions): Promise<ApplyReport> {
    const plan = guard(() => this.#session.planRemove(groupId, userIds), this.#context('removeMembers'));
    return this.#apply('removeMembers', plan, options);
  }

  /** Approves a pending join request (SSW). */
  async approveMember(groupId: string, userId: string, options?: CallOptions): Promise<void> {
    await this.#run('approveMember', signalOf(options), (s) => s.approveMember(groupId, userId));
  }

  /** Rejects a pending join request (SSW). */
  async rejectMember(groupId: string, userId: string, options?: CallOptions): Promise<void> {
    await this.#run('rejectMember', signalOf(options), (s) => s.rejectMember(groupId, userId));
  }

  /**
   * The dry run: reads the current members and plans the fewest calls that
   * make them exactly `desired`. Nothing is changed.
   */
  async plan(groupId: string, desired: string[], options?: CallOptions): Promise<MembershipPlan> {
    const context = this.#context('plan');
    // Check the arguments before any request.
    guard(() => this.#session.planSync(groupId, [], desired), context);
    const members = await this.listMembers(groupId, options);
    const current = members.map((m) => m.userId);
    return guard(() => this.#session.planSync(groupId, current, desired), context);
  }

  /**
   * Runs a plan's steps, at most `concurrency` at once. Every step's outcome
   * is in the report; a failed step never stops the others. An abort rejects
   * with the signal's reason (steps already sent may have taken effect).
   */
  async apply(plan: MembershipPlan, options?: ApplyOptions): Promise<ApplyReport> {
    return this.#apply('apply', plan, options);
  }

  async #apply(operation: string, plan: MembershipPlan, options: ApplyOptions | undefined): Promise<ApplyReport> {
    const context = this.#context(operation);
    const concurrency =
      checkConcurrency(isObject(options) ? options['concurrency'] : undefined, context) ?? this.#concurrency;
    const flows = guard(() => this.#session.stepFlows(plan), context);
    const either = eitherSignal(this.#signal, signalOf(options));
    try {
      return await runSteps(plan.steps, flows, { fetch: this.#fetch, signal: either.signal, concurrency, context });
    } finally {
      either.dispose();
    }
  }

  /** One call of a vendor endpoint with full fidelity (its own field names), with retries. */
  async call(endpointId: string, input?: Record<string, unknown> | null, options?: CallOptions): Promise<unknown> {
    return this.#run(typeof endpointId === 'string' ? endpointId : 'call', signalOf(options), (s) =>
      s.call(endpointId, input),
    );
  }

  /**
   * The pages of a list endpoint, one at a time, each as its items (the
   * core pager rewrites the paging parameters and stops a server that
   * repeats a page).
   */
  async *pages(
    endpointId: string,
    input?: Record<string, unknown> | null,
    options?: CallOptions,
  ): AsyncGenerator<unknown[], void, undefined> {
    const context = this.#context(typeof endpointId === 'string' ? endpointId : 'pages');
    const pager = guard(() => new Pager(endpointId, input), context);
    try {
      for (;;) {
        const next = guard(() => pager.nextCall(), context);
        if (next === null) return;
        const output = await this.call(next.endpoint, next.input, options);
        yield guard(() => pager.advance(output), context);
      }
    } finally {
      pager.free();
    }
  }

  /** Every user, fetched page by page as the loop goes. */
  users(options?: CallOptions): AsyncGenerator<User, void, undefined> {
    return this.#unified<User>('users', options, (s) => s.usersPager());
  }

  /** Every group, fetched page by page as the loop goes. */
  groups(options?: CallOptions): AsyncGenerator<Group, void, undefined> {
    return this.#unified<Group>('groups', options, (s) => s.groupsPager());
  }

  /** Every member of a group, fetched page by page as the loop goes. */
  members(groupId: string, options?: CallOptions): AsyncGenerator<Member, void, undefined> {
    return this.#unified<Member>('members', options, (s) => s.membersPager(groupId));
  }

  async *#unified<T>(
    operation: string,
    options: CallOptions | undefined,
    make: (s: Session) => UnifiedPager,
  ): AsyncGenerator<T, void, undefined> {
    const context = this.#context(operation);
    const pager = guard(() => make(this.#session), context);
    const signal = signalOf(options);
    try {
      for (;;) {
        const next = guard(() => pager.nextCall(), context);
        if (next === null) return;
        const output = await this.#run<unknown>(operation, signal, (s) => s.call(next.endpoint, next.input));
        yield* guard(() => pager.advance(output), context) as T[];
      }
    } finally {
      pager.free();
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
