// The package entry for browsers.
import './init-browser.js';
import { whenLoaded } from './runtime.js';

export * from './index.js';
/** Resolves once the WebAssembly module is ready; the client's calls wait for it themselves. */
export const ready: Promise<void> = whenLoaded();
