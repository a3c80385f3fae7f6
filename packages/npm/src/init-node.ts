// Node: instantiate the wasm module synchronously from the file next to the
// glue, so importing the package is enough (no fetch of a file: URL).
import { readFileSync } from 'node:fs';
import { initSync } from '../wasm/rosterkit_wasm.js';
import { markLoaded } from './runtime.js';

initSync({ module: readFileSync(new URL('../wasm/rosterkit_wasm_bg.wasm', import.meta.url)) });
markLoaded();
