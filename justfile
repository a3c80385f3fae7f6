# Day-to-day recipes. Every recipe is a thin wrapper over scripts/, which
# install what they need, so CI and contributors without `just` run the same.

# The main job: the documented workflow of every vendor against the embedded emulator.
demo:
    cargo run --release -p rosterkit-cli -- demo

# Every test suite (Rust, JS/wasm, Python, Kotlin, Swift freshness).
test:
    bash scripts/test-all.sh

# Rust: fmt, clippy, every workspace test and golden vector, the demo, wasm32 build of the core.
test-rust:
    bash scripts/test-rust.sh

# The npm package: golden vectors through wasm, emulator integration, headless Chromium.
test-js:
    bash scripts/test-js.sh

# The Python package: built with maturin, golden vectors, emulator integration.
test-python:
    bash scripts/test-python.sh

# The Kotlin package through uniffi: golden vectors, emulator workflow.
test-kotlin:
    bash scripts/test-kotlin.sh

# Regenerate the committed Swift sources from the uniffi crate.
gen-swift:
    bash scripts/gen-swift.sh

# Every benchmark (Rust, Python, Node), each printing its ratio against its peer; see BENCHMARKS.md.
bench:
    bash scripts/bench.sh

# Formatting and lints across the workspace.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# Start the emulator on a port for manual exploration.
emulator port="8080":
    cargo run -p rosterkit-cli -- emulator --port {{port}}

# Each fuzz target (fuzz/) for 10 minutes with libFuzzer on nightly; figures go in BENCHMARKS.md.
fuzz seconds="600":
    bash scripts/fuzz.sh {{seconds}}
