//! The uniffi code generator, built from this crate so that generating the
//! Kotlin and Swift sources needs nothing installed beyond cargo.

fn main() {
    uniffi::uniffi_bindgen_main()
}
