/**
 * The host side of the wire, handed to the wasm driver per call: `fetch`
 * with the call's `AbortSignal`, and timers the signal cuts short. Retries,
 * paging and timeouts are decided in Rust; this file only does the IO.
 */
import type { Host, HostFailure, HttpRequest, HttpResponse } from '../wasm/rosterkit_wasm.js';

/** The part of `fetch` the client uses; inject your own through `options.fetch`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

// Errors that mean the request never left this machine, so even a create is
// safe to send again (the core decides; it only needs to know).
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** What failed, and whether the request may have reached the server. */
export function describeTransportError(error: unknown): HostFailure {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  let message = error instanceof Error ? error.message : String(error);
  if (code !== undefined) {
    message += ` (${code})`;
  } else if (typeof cause?.message === 'string') {
    message += ` (${cause.message})`;
  }
  return { sent: code === undefined || !NEVER_SENT.has(code), message };
}

/** The signal's reason, as `fetch` rejects with it. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Waits `millis`, or rejects as soon as the signal aborts. */
export function sleep(millis: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const CANCELLED: HostFailure = { cancelled: true, message: 'aborted' };

/** The `Host` of one call: every request and wait honours `signal`. */
export function makeHost(fetchImpl: FetchLike, signal: AbortSignal | undefined): Host {
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      if (signal?.aborted) throw CANCELLED;
      const init: RequestInit = { method: request.method, headers: request.headers };
      if (request.body !== null && request.body !== undefined) init.body = request.body as Uint8Array<ArrayBuffer>;
      if (signal !== undefined) init.signal = signal;
      try {
        const response = await fetchImpl(request.url, init);
        const headers: [string, string][] = [];
        response.headers.forEach((value, name) => headers.push([name, value]));
        return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
      } catch (error) {
        if (signal?.aborted) throw CANCELLED;
        throw describeTransportError(error);
      }
    },
    async sleep(millis: number): Promise<void> {
      try {
        await sleep(millis, signal);
      } catch {
        throw CANCELLED;
      }
    },
  };
}

/**
 * One signal that aborts when either does (`AbortSignal.any` needs Node
 * 20.3), and a `dispose` that unhooks it, so a long-lived client signal does
 * not collect a listener per call.
 */
export function eitherSignal(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): { signal: AbortSignal | undefined; dispose: () => void } {
  const none = (): void => {};
  if (a === undefined || a === b) return { signal: b, dispose: none };
  if (b === undefined) return { signal: a, dispose: none };
  if (a.aborted) return { signal: a, dispose: none };
  if (b.aborted) return { signal: b, dispose: none };
  const controller = new AbortController();
  const unhook = new AbortController();
  const forward = (from: AbortSignal) => () => controller.abort(from.reason);
  a.addEventListener('abort', forward(a), { once: true, signal: unhook.signal });
  b.addEventListener('abort', forward(b), { once: true, signal: unhook.signal });
  return { signal: controller.signal, dispose: () => unhook.abort() };
}
