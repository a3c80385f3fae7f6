// Browsers and bundlers: fetch the wasm file next to the glue in the
// background. No top-level await: calls wait for it (see runtime.ts).
import init from '../wasm/rosterkit_wasm.js';
import { loadWith } from './runtime.js';

loadWith(init({ module_or_path: new URL('../wasm/rosterkit_wasm_bg.wasm', import.meta.url) }));
