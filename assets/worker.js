//! Redline's web worker: runs long comparisons and link encodings with the app's own wasm module, off the page's thread.
//
// The page (src/ui/worker.rs) first posts `{init: {js, wasm}}` with the addresses of the
// wasm-bindgen glue and the wasm module it loaded itself, then jobs as `{id, request}`; each is
// answered with `{id, response}` or `{id, error}`. Jobs that arrive while the module loads wait.

let handle = null;
const waiting = [];

function answer({ id, request }) {
  try {
    self.postMessage({ id, response: handle(request) });
  } catch (error) {
    // A panic in the engine traps the module; the page drops this worker on any error.
    self.postMessage({ id, error: String(error) });
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.init) {
    const glue = await import(message.init.js);
    await glue.default({ module_or_path: message.init.wasm });
    handle = glue.redline_worker_handle;
    waiting.splice(0).forEach(answer);
  } else if (handle) {
    answer(message);
  } else {
    waiting.push(message);
  }
};
