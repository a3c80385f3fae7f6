//! Shared setup: an emulator on 127.0.0.1 and a client per provider.
#![allow(dead_code)]

use rosterkit::{Client, Provider, RetryPolicy};
use rosterkit_emulator::{
    tokens, Emulator, RunningEmulator, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID,
};

pub async fn emulator() -> RunningEmulator {
    Emulator::new()
        .start()
        .await
        .expect("emulator starts on 127.0.0.1")
}

pub fn tenant(p: Provider) -> Option<&'static str> {
    match p {
        Provider::Ssw => Some(SSW_ORGANIZATION_ID),
        Provider::Spotnana => Some(SPOTNANA_COMPANY_ID),
        _ => None,
    }
}

/// Fast retries so fault tests stay quick.
pub fn quick_policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        base_delay_ms: 10,
        max_delay_ms: 50,
        max_retry_after_ms: 5_000,
        deadline_ms: 20_000,
    }
}

pub fn client_with(emu: &RunningEmulator, p: Provider, policy: RetryPolicy) -> Client {
    let mut b = Client::builder(
        p,
        &emu.base_url(p.id()),
        tokens::for_provider(p.id()).unwrap(),
    )
    .retry_policy(policy);
    if let Some(t) = tenant(p) {
        b = b.tenant_id(t);
    }
    b.build().unwrap()
}

pub fn client(emu: &RunningEmulator, p: Provider) -> Client {
    client_with(emu, p, quick_policy())
}

/// A `NewGroup` from the old positional arguments.
pub fn new_group(
    name: &str,
    permissions: Vec<rosterkit::Permission>,
    role: Option<&str>,
) -> rosterkit::NewGroup {
    rosterkit::NewGroup {
        name: name.to_owned(),
        permissions,
        role: role.map(str::to_owned),
    }
}

/// `GroupChanges` from the old positional arguments.
pub fn changes(
    name: Option<&str>,
    permissions: Option<Vec<rosterkit::Permission>>,
    role: Option<&str>,
) -> rosterkit::GroupChanges {
    rosterkit::GroupChanges {
        name: name.map(str::to_owned),
        permissions,
        role: role.map(str::to_owned),
    }
}
