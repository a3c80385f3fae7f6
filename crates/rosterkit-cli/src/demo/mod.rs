//! `rosterkit demo`: every vendor's documented workflow, end to end, through
//! the async client over real HTTP against the embedded emulator.
//!
//! Each step checks what the vendor document says should happen, including
//! the operations a vendor cannot do (they must fail as `Unsupported`, with a
//! reason, before any request). Exit code 0 only when every step did.

mod alteryx;
mod b2core;
mod membership;
mod polaris;
mod report;
mod scenario;
mod spotnana;
mod ssw;

use crate::failure::Failure;
use crate::output;
use report::Report;
use rosterkit::{Client, Provider};
use rosterkit_emulator::{tokens, Emulator, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID};
use scenario::{CallLog, Scenario};
use serde_json::json;
use std::time::Instant;

/// Runs the demo; `json` prints the report as JSON at the end instead of
/// line by line.
pub async fn run(json: bool) -> Result<(), Failure> {
    let started = Instant::now();
    let running = Emulator::new()
        .start()
        .await
        .map_err(|e| Failure::Incomplete(format!("cannot start the emulator: {e}")))?;
    let report = Report::new(!json);
    report.header(&format!(
        "RosterKit demo: five vendor APIs, emulated at {}",
        running.root_url()
    ));

    for provider in Provider::ALL {
        let base_url = running.base_url(provider.id());
        report.header(&format!(
            "── {} ({}) {}",
            provider.id(),
            provider.display_name(),
            base_url
        ));
        let calls = CallLog::default();
        let token = tokens::for_provider(provider.id()).unwrap_or_default();
        let mut builder = Client::builder(provider, &base_url, token).hook(calls.clone());
        let tenant = match provider {
            Provider::Ssw => Some(SSW_ORGANIZATION_ID),
            Provider::Spotnana => Some(SPOTNANA_COMPANY_ID),
            _ => None,
        };
        if let Some(t) = tenant {
            builder = builder.tenant_id(t);
        }
        let client = builder.build()?;
        let s = Scenario::new(provider, client, calls, &report);
        // An Abort was already recorded as a failed step; go on with the next vendor.
        let _ = match provider {
            Provider::Ssw => ssw::run(&s).await,
            Provider::Spotnana => spotnana::run(&s, SPOTNANA_COMPANY_ID).await,
            Provider::B2core => b2core::run(&s).await,
            Provider::Polaris => polaris::run(&s).await,
            Provider::Alteryx => alteryx::run(&s).await,
        };
    }
    let root_url = running.root_url();
    running.shutdown().await;

    let summary = report.summary();
    let elapsed_ms = started.elapsed().as_millis() as u64;
    let ok = summary.failed == 0 && summary.total > 0;
    if json {
        let value = json!({
            "ok": ok,
            "emulator": root_url,
            "elapsed_ms": elapsed_ms,
            "summary": summary,
            "steps": report.steps(),
        });
        output::print(&output::render(crate::cli::OutputFormat::Json, &value, &[]));
    } else {
        output::print(&format!(
            "\n{} steps: {} passed, {} unsupported as documented, {} failed in {:.1} s\n{}\n",
            summary.total,
            summary.passed,
            summary.expected_unsupported,
            summary.failed,
            elapsed_ms as f64 / 1000.0,
            if ok {
                "demo OK: every step did what the vendor documents say"
            } else {
                "demo FAILED"
            }
        ));
    }
    if ok {
        Ok(())
    } else {
        Err(Failure::Incomplete(format!(
            "{} of {} demo steps failed",
            summary.failed, summary.total
        )))
    }
}
