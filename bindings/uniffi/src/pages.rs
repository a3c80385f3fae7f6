//! Lists fetched one page at a time (Kotlin wraps these as `Flow<T>`, Swift
//! as `AsyncSequence`, in a few lines of each language).

use futures_util::stream::{BoxStream, StreamExt};
use rosterkit_core::unified::{Group, Member, User};
use rosterkit_core::Error;
use tokio::sync::Mutex;

macro_rules! pages {
    ($name:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(uniffi::Object)]
        pub struct $name(pub(crate) Mutex<BoxStream<'static, Result<Vec<$item>, Error>>>);

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The next page, fetched now; `null`/`nil` after the last one.
            pub async fn next_page(&self) -> Result<Option<Vec<$item>>, Error> {
                self.0.lock().await.next().await.transpose()
            }
        }
    };
}

pages!(UserPages, User, "Users, a page at a time.");
pages!(GroupPages, Group, "Groups, a page at a time.");
pages!(MemberPages, Member, "A group's members, a page at a time.");
