// `rosterkit/sansio` for browsers: `await ready` before the first call.
import './init-browser.js';
import { whenLoaded } from './runtime.js';

export * from './sansio.js';
/** Resolves once the WebAssembly module is ready. */
export const ready: Promise<void> = whenLoaded();
