// Browsers and bundlers: fetch the wasm file that sits next to the glue,
// streaming-compiled, before the package's exports are used.
import init from '../wasm/rosterkit_wasm.js';

await init({ module_or_path: new URL('../wasm/rosterkit_wasm_bg.wasm', import.meta.url) });
