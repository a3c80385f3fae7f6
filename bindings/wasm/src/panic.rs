//! A panic hook that keeps the panic's message for the host.
//!
//! On wasm32-unknown-unknown a panic aborts as a `RuntimeError: unreachable`
//! trap that carries no text. The hook stores the message first, so the
//! TypeScript layer can raise a typed error that says what went wrong.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the hook when the module is instantiated.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = rosterkit_core::scrub::scrub_secrets(&info.to_string());
        // `try_with`: during thread teardown there is nowhere to store it.
        let _ = LAST_PANIC.try_with(|slot| {
            if let Ok(mut slot) = slot.try_borrow_mut() {
                *slot = Some(message);
            }
        });
    }));
}

/// The message of the last panic, once; `undefined` when there was none.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    LAST_PANIC
        .try_with(|slot| slot.try_borrow_mut().ok().and_then(|mut s| s.take()))
        .ok()
        .flatten()
}
