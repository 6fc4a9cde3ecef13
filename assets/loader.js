//! Starts the Redline web app: an external module, so that the Content-Security-Policy in index.html needs no inline script.
//
// Trunk writes the <script> tag that loads this file (Trunk.toml, `pattern_script`) with the
// hashed names of the wasm-bindgen glue and the wasm module in its data attributes.

// Content-Security-Policy violations are kept for the end-to-end tests, which fail on any.
window.redlineCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.redlineCspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const script = document.querySelector("script[data-redline-js]");
const { default: init } = await import(script.dataset.redlineJs);
await init({ module_or_path: script.dataset.redlineWasm });
