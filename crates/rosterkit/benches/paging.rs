//! Paging through 10,000 members of one group on the emulator, over loopback
#![allow(missing_docs)] // criterion_group! generates undocumented items
//! HTTP: SSW (page/page_size) and Spotnana (offset/limit), 100 per page.

use criterion::{criterion_group, criterion_main, Criterion};
use rosterkit::blocking::Client;
use rosterkit::Provider;
use rosterkit_emulator::{tokens, BackgroundEmulator, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID};

fn client(bg: &BackgroundEmulator, p: Provider, tenant: &str) -> Client {
    let token = tokens::for_provider(p.id()).unwrap_or_default();
    Client::from_builder(
        rosterkit::Client::builder(p, &bg.base_url(p.id()), token).tenant_id(tenant),
    )
    .unwrap_or_else(|e| panic!("client: {e}"))
}

fn paging(c: &mut Criterion) {
    let bg = BackgroundEmulator::start().unwrap_or_else(|e| panic!("emulator: {e}"));
    let mut g = c.benchmark_group("page_10000_members");
    g.sample_size(10);
    for (p, tenant) in [
        (Provider::Ssw, SSW_ORGANIZATION_ID),
        (Provider::Spotnana, SPOTNANA_COMPANY_ID),
    ] {
        let client = client(&bg, p, tenant);
        let groups = client.list_groups().unwrap_or_else(|e| panic!("{e}"));
        let group = groups.last().map(|g| g.id.clone()).unwrap_or_default();
        let before = client.list_members(&group).map(|m| m.len()).unwrap_or(0);
        bg.emulator()
            .add_extra_members(p.id(), &group, 10_000 - before)
            .unwrap_or_else(|e| panic!("{e}"));
        let n = client.list_members(&group).map(|m| m.len()).unwrap_or(0);
        assert_eq!(n, 10_000);
        g.bench_function(p.id(), |b| {
            b.iter(|| client.list_members(&group).map(|m| m.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, paging);
criterion_main!(benches);
