//! A Python callable as the driver's transport: `transport(request) ->
//! Response`, so requests, httpx or a test double carries every flow
//! (retries, paging, concurrency) the same way the built-in one does.

use pyo3::prelude::*;
use rosterkit::{BoxFuture, Sender, TransportError};
use rosterkit_core::{Request, Response};

/// The callable (the driver adds tokio's clock: `TokioTransport`).
pub(crate) struct PyTransport {
    pub(crate) send: Py<PyAny>,
}

impl Sender for PyTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        let send = Python::attach(|py| self.send.clone_ref(py));
        Box::pin(async move {
            // The callable blocks (it does HTTP): a blocking thread, with the GIL.
            let out = tokio::task::spawn_blocking(move || {
                Python::attach(|py| -> PyResult<Response> {
                    Ok(send.call1(py, (request,))?.extract::<Response>(py)?)
                })
            })
            .await
            .map_err(|e| TransportError::Failed(format!("the transport did not finish: {e}")))?;
            out.map_err(|e| {
                Python::attach(|py| {
                    // ConnectionRefusedError: the request never left.
                    let refused =
                        e.is_instance_of::<pyo3::exceptions::PyConnectionRefusedError>(py);
                    let message = e.to_string();
                    if refused {
                        TransportError::NotSent(message)
                    } else {
                        TransportError::Failed(message)
                    }
                })
            })
        })
    }
}
