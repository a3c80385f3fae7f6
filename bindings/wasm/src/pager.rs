//! The core pager, for hosts that walk a list endpoint page by page.

use crate::args;
use crate::error::{throw, Naming};
use crate::models::PageStyle;
use crate::ops::Shape;
use crate::plan::EndpointCall;
use rosterkit_core::paging;
use rosterkit_core::unified::{to_unified, Directory, ItemKind, UnifiedOp};
use rosterkit_core::{Operation, Provider};
use wasm_bindgen::prelude::*;

/// Walks the pages of one list endpoint: ask `nextCall()` for the call of
/// the next page, send it, and feed its output to `advance()`, which returns
/// the page's items. A server that repeats a page stops with an error
/// instead of looping.
#[wasm_bindgen]
pub struct Pager {
    inner: paging::Pager,
}

#[wasm_bindgen]
impl Pager {
    /// A pager over `endpointId` with `input`; endpoints that are not lists
    /// give exactly one page.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
        input: JsValue,
    ) -> Result<Pager, JsValue> {
        let endpoint = args::string(&endpoint_id, "endpointId")?;
        let input = args::json(input, "input")?;
        let op = Operation::from_json(&endpoint, input).map_err(|e| throw(&e, Naming::Raw))?;
        Ok(Pager {
            inner: paging::Pager::new(op),
        })
    }

    /// The call for the next page, or `null` when paging is over.
    #[wasm_bindgen(js_name = nextCall, unchecked_return_type = "EndpointCall | null")]
    pub fn next_call(&self) -> Result<JsValue, JsValue> {
        match self.inner.next_operation() {
            Some(op) => args::to_js(&EndpointCall::from(&op)),
            None => Ok(JsValue::NULL),
        }
    }

    /// Takes the output of the page just fetched and returns its items.
    #[wasm_bindgen(unchecked_return_type = "unknown[]")]
    pub fn advance(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] output: JsValue,
    ) -> Result<JsValue, JsValue> {
        let output = args::json(output, "output")?;
        let items = self
            .inner
            .advance(output)
            .map_err(|e| throw(&e, Naming::Raw))?;
        args::to_js(&items)
    }

    /// Whether every page has been fetched.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner.is_done()
    }

    /// The vendor's paging style.
    #[wasm_bindgen(getter, unchecked_return_type = "PageStyle")]
    pub fn style(&self) -> Result<JsValue, JsValue> {
        args::to_js(&PageStyle::from(self.inner.style()))
    }
}

/// A unified list (users, groups or a group's members) one page at a time:
/// the vendor's list endpoint walked by the core pager, each page's items
/// converted to unified models by the core and spelled in camelCase here.
#[wasm_bindgen]
pub struct UnifiedPager {
    inner: paging::Pager,
    provider: Provider,
    kind: ItemKind,
}

impl UnifiedPager {
    /// The pager of a unified list operation, or `Unsupported` (before any
    /// request) when the vendor cannot list it.
    pub(crate) fn of(op: &UnifiedOp, dir: &Directory) -> Result<UnifiedPager, JsValue> {
        match op.list_operation(dir) {
            Ok(Some((op, kind))) => Ok(UnifiedPager {
                inner: paging::Pager::new(op),
                provider: dir.provider,
                kind,
            }),
            Ok(None) => Err(crate::args::invalid(
                "op",
                "must be listUsers, listGroups or listMembers",
            )),
            Err(e) => Err(throw(&e, Naming::Camel)),
        }
    }
}

#[wasm_bindgen]
impl UnifiedPager {
    /// A pager over `listUsers`, `listGroups` or `listMembers` on a directory.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "DirectoryOptions")] directory: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UnifiedOp")] op: JsValue,
    ) -> Result<UnifiedPager, JsValue> {
        let dir = crate::flow::directory(directory)?;
        let op = crate::ops::UnifiedOp::parse(op, "op")?;
        UnifiedPager::of(&op, &dir)
    }

    /// The call for the next page, or `null` when paging is over.
    #[wasm_bindgen(js_name = nextCall, unchecked_return_type = "EndpointCall | null")]
    pub fn next_call(&self) -> Result<JsValue, JsValue> {
        match self.inner.next_operation() {
            Some(op) => args::to_js(&EndpointCall::from(&op)),
            None => Ok(JsValue::NULL),
        }
    }

    /// Takes the output of the page just fetched and returns its items as
    /// unified models.
    #[wasm_bindgen(unchecked_return_type = "User[] | Group[] | Member[]")]
    pub fn advance(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] output: JsValue,
    ) -> Result<JsValue, JsValue> {
        let output = args::json(output, "output")?;
        let items = self
            .inner
            .advance(output)
            .map_err(|e| throw(&e, Naming::Raw))?;
        let unified = items
            .iter()
            .map(|item| to_unified(self.provider, self.kind, item))
            .collect();
        let shape = match self.kind {
            ItemKind::User => Shape::Users,
            ItemKind::Group => Shape::Groups,
            ItemKind::Member => Shape::Members,
        };
        let shaped = shape
            .convert(serde_json::Value::Array(unified))
            .map_err(|e| throw(&e, Naming::Camel))?;
        args::to_js(&shaped)
    }

    /// Whether every page has been fetched.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner.is_done()
    }
}
