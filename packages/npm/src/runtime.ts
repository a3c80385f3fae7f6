/**
 * Whether the wasm module is instantiated. Node instantiates it while the
 * package is imported; browsers fetch it in the background (no top-level
 * await, so bundlers are happy) and every async call waits for it.
 */
let loaded = false;
let loading: Promise<void> | undefined;

/** Node: the module was instantiated synchronously. */
export function markLoaded(): void {
  loaded = true;
}

/** Browsers: the module is being fetched and compiled. */
export function loadWith(promise: Promise<unknown>): void {
  loading = promise.then(() => {
    loaded = true;
  });
  // The rejection is reported by the first call that needs the module.
  loading.catch(() => {});
}

/** True once the module can be called synchronously. */
export function isLoaded(): boolean {
  return loaded;
}

/** Resolves once the module is ready: `await ready` before the sans-IO functions in a browser. */
export function whenLoaded(): Promise<void> {
  if (loaded) return Promise.resolve();
  return loading ?? Promise.reject(new Error('rosterkit: the WebAssembly module was never loaded; import the package entry'));
}
