use rosterkit_emulator::{tokens, BackgroundEmulator};

/// The background handle works from plain synchronous code.
#[test]
fn serves_from_a_background_thread_and_stops_on_drop() {
    let emulator = BackgroundEmulator::start().expect("starts");
    let base = emulator.base_url("alteryx");
    assert!(base.starts_with("http://127.0.0.1:"));
    assert!(base.ends_with("/alteryx/webapi"));
    let addr = emulator.addr();

    // reqwest's async client needs a runtime; a throwaway one keeps this
    // test honest about the emulator running on its own.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let status = rt.block_on(async {
        reqwest::Client::new()
            .get(format!("{base}/v3/usergroups"))
            .header("Authorization", format!("Bearer {}", tokens::ALTERYX))
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);
    assert_eq!(emulator.emulator().request_log().len(), 1);

    drop(emulator);
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "listener closed after drop"
    );
}

#[test]
fn running_emulator_base_urls() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let running = rosterkit_emulator::Emulator::new().start().await.unwrap();
        let root = running.root_url();
        assert_eq!(running.base_url("ssw"), format!("{root}/ssw"));
        assert_eq!(running.base_url("spotnana"), format!("{root}/spotnana"));
        assert_eq!(running.base_url("b2core"), format!("{root}/b2core"));
        assert_eq!(running.base_url("polaris"), format!("{root}/polaris"));
        assert_eq!(
            running.base_url("alteryx"),
            format!("{root}/alteryx/webapi")
        );
        running.shutdown().await;
    });
}
