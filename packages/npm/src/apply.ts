/** Running a membership plan's steps with a concurrency limit. */
import type { Flow, PlannedStep } from '../wasm/rosterkit_wasm.js';
import { toRosterKitError, type ErrorContext, type RosterKitError } from './errors.js';
import { drive } from './host.js';
import type { FetchLike } from './transport.js';

/** The outcome of one planned step. */
export type StepOutcome =
  | { step: PlannedStep; ok: true; value: unknown }
  | { step: PlannedStep; ok: false; error: RosterKitError };

/** Every step of an applied plan with its outcome, in plan order. */
export interface ApplyReport {
  /** One outcome per step, in plan order. */
  steps: StepOutcome[];
  /** Steps that succeeded. */
  succeeded: number;
  /** Steps that failed. */
  failed: number;
  /** True when every step succeeded. */
  ok: boolean;
}

/**
 * Runs `flows` (one per step), at most `concurrency` at once. A failed step
 * is recorded and the others still run; an abort rejects the whole run.
 */
export async function runSteps(
  steps: PlannedStep[],
  flows: Flow[],
  options: { fetch: FetchLike; signal: AbortSignal | undefined; concurrency: number; context: ErrorContext },
): Promise<ApplyReport> {
  const outcomes: StepOutcome[] = new Array<StepOutcome>(flows.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < flows.length) {
      const i = next++;
      const flow = flows[i] as Flow;
      const step = steps[i] as PlannedStep;
      try {
        const value = await drive<unknown>(flow, options);
        outcomes[i] = { step, ok: true, value };
      } catch (error) {
        if (options.signal?.aborted) {
          throw error;
        }
        outcomes[i] = { step, ok: false, error: toRosterKitError(error, options.context) };
      }
    }
  };
  const workers = Array.from({ length: Math.min(options.concurrency, flows.length) }, worker);
  try {
    await Promise.all(workers);
  } finally {
    // Flows never started (after an abort) are freed here; drive frees the rest.
    for (let i = next; i < flows.length; i++) {
      flows[i]?.free();
    }
  }
  const succeeded = outcomes.filter((o) => o.ok).length;
  return { steps: outcomes, succeeded, failed: outcomes.length - succeeded, ok: succeeded === outcomes.length };
}
