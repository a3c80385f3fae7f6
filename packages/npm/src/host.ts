/**
 * The host loop of DESIGN.md, over `fetch`: the flow says what to do, the
 * host does it and reports back. Retries, paging and read-modify-write live
 * in the core flow; this loop only sends, sleeps and returns.
 */
import type { Flow, FlowStep, HttpResponse } from '../wasm/rosterkit_wasm.js';
import { guard, RosterKitError, type ErrorContext } from './errors.js';
import { abortReason, describeTransportError, send, sleep, type FetchLike } from './transport.js';

/** How to drive a flow. */
export interface DriveOptions {
  /** The transport. */
  fetch: FetchLike;
  /** Aborts fetches and sleeps; the flow then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Added to errors. */
  context?: ErrorContext;
}

/** Drives `flow` to its end and frees it. Resolves with its result or rejects with a `RosterKitError`. */
export async function drive<T>(flow: Flow, options: DriveOptions): Promise<T> {
  const { signal, context = {} } = options;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    let step: FlowStep = guard(() => flow.start(), context);
    for (;;) {
      if (step.step === 'done') {
        if (step.error !== undefined) {
          throw new RosterKitError(step.error, context);
        }
        return step.ok as T;
      }
      if (signal?.aborted) {
        throw abortReason(signal);
      }
      if (step.step === 'sleep') {
        await sleep(step.millis, signal);
        step = guard(() => flow.onWoken(elapsed()), context);
        continue;
      }
      let response: HttpResponse;
      try {
        response = await send(options.fetch, step.request, signal);
      } catch (error) {
        if (signal?.aborted) {
          throw abortReason(signal);
        }
        const failure = describeTransportError(error);
        step = guard(() => flow.onTransportError(failure.sent, failure.message, elapsed()), context);
        continue;
      }
      step = guard(() => flow.onResponse(response, elapsed()), context);
    }
  } finally {
    flow.free();
  }
}
