//! Paging as a state machine, one per vendor style:
//!
//! - SSW: `page`/`page_size`, with `total` in the response;
//! - Spotnana: `pagination{offset,limit}`, with `pagination.totalNumResults`;
//! - B2Core: `limit`/`offset` over bare arrays (a short page is the last);
//! - Polaris and Alteryx: no paging, one response holds everything.
//!
//! The pager rewrites the request for each page and checks that each page
//! advances: a server that answers another page than asked, or that returns a
//! page it has returned before (even several pages back, as a server cycling
//! through a few pages would), stops with an error instead of looping. Every
//! page's digest is remembered, so the check costs one hash per page and a
//! few bytes of memory. A walk that has not ended after [`MAX_PAGES`] pages
//! stops too; callers with bigger directories raise the ceiling.

mod by_id;
mod cursor;
mod lists;

pub use by_id::{split_items, OperationPager};
pub(crate) use cursor::PageCursor;

use crate::{Endpoint, Error};
use serde::{Deserialize, Serialize};

/// The vendor's paging style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum PageStyle {
    /// `page`/`page_size`, 1-based, with a total (SSW).
    PageNumber,
    /// `offset`/`limit` in a JSON body, with a total (Spotnana).
    OffsetLimitTotal,
    /// `limit`/`offset` query over a bare array, no total (B2Core).
    LimitOffsetArray,
    /// Everything in one response (Polaris, Alteryx).
    Unpaged,
}

/// Page size used when the caller did not choose one.
pub const DEFAULT_PAGE_SIZE: u64 = 100;
/// The default ceiling: a walk that has not ended after this many pages is
/// treated as a loop. Raise it with [`Pager::max_pages`] or
/// [`crate::flow::Context::max_pages`].
pub const MAX_PAGES: u32 = 100_000;

/// One page as a list endpoint returned it.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// The page number the server says it returned (page-number style).
    pub page: Option<u64>,
    /// The offset the server says it returned (offset style).
    pub offset: Option<u64>,
    /// Items across all pages, when the server says.
    pub total: Option<u64>,
    /// The page size the server says it used (page-number style): a server
    /// may cap what was asked.
    pub size: Option<u64>,
}

impl<T> Page<T> {
    /// A page with no paging metadata.
    pub fn of(items: Vec<T>) -> Page<T> {
        Page {
            items,
            page: None,
            size: None,
            offset: None,
            total: None,
        }
    }
}

/// A list endpoint: how to ask for a given page and where its items are.
pub trait ListEndpoint: Endpoint + Clone + Send + 'static {
    /// One item of the list.
    type Item: Send + 'static;
    /// The vendor's paging style for this endpoint.
    const STYLE: PageStyle;
    /// The page (1-based page number, or offset) and size this input asks for.
    fn position(&self) -> (u64, u64);
    /// The same input, asking for another page.
    fn at(&self, position: u64, size: u64) -> Self;
    /// The items and paging metadata of one parsed page.
    fn page(output: Self::Output) -> Page<Self::Item>;
    /// A stable key of an item (its id), used to recognise repeated pages.
    fn key(item: &Self::Item) -> String;
}

/// Walks the pages of one typed list endpoint.
#[derive(Clone, Debug)]
pub struct Pager<L> {
    op: L,
    cursor: PageCursor,
}

impl<L: ListEndpoint> Pager<L> {
    /// A pager starting from the input's own page or offset.
    pub fn new(op: L) -> Pager<L> {
        let (position, size) = op.position();
        Pager {
            cursor: PageCursor::new(L::ID, L::STYLE, position, size),
            op,
        }
    }

    /// Raises (or lowers) the page ceiling, [`MAX_PAGES`] by default.
    pub fn max_pages(mut self, max_pages: u32) -> Self {
        self.cursor.set_max_pages(max_pages);
        self
    }

    pub(crate) fn set_max_pages(&mut self, max_pages: u32) {
        self.cursor.set_max_pages(max_pages);
    }

    /// The request for the next page, or `None` when paging is over.
    pub fn next_call(&self) -> Option<L> {
        let (position, size) = self.cursor.next()?;
        Some(match L::STYLE {
            PageStyle::Unpaged => self.op.clone(),
            _ => self.op.at(position, size),
        })
    }

    /// Takes the page just fetched and returns its items, or the error that
    /// stops a walk that does not advance.
    pub fn advance(&mut self, output: L::Output) -> Result<Vec<L::Item>, Error> {
        let page = L::page(output);
        let first = page.items.first().map(L::key);
        let last = page.items.last().map(L::key);
        self.cursor.advance(&cursor::PageInfo {
            items: page.items.len(),
            first: first.as_deref(),
            last: last.as_deref(),
            page: page.page,
            offset: page.offset,
            total: page.total,
            size: page.size,
        })?;
        Ok(page.items)
    }

    /// Whether every page has been fetched.
    pub fn is_done(&self) -> bool {
        self.cursor.is_done()
    }

    /// Pages fetched so far.
    pub fn pages(&self) -> u32 {
        self.cursor.pages()
    }
}
