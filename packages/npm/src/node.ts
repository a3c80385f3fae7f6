// The package entry for Node.
import './init-node.js';
import { whenLoaded } from './runtime.js';

export * from './index.js';
/** Resolves once the WebAssembly module is ready (at once in Node). */
export const ready: Promise<void> = whenLoaded();
