// `rosterkit/sansio` for Node.
import './init-node.js';
import { whenLoaded } from './runtime.js';

export * from './sansio.js';
/** Resolves once the WebAssembly module is ready (at once in Node). */
export const ready: Promise<void> = whenLoaded();
