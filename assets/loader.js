//! Starts the Redline web app: an external module, so that the Content-Security-Policy in index.html needs no inline script.
//
// Trunk writes the <script> tag that loads this file (Trunk.toml, `pattern_script`) with the
// hashed names of the wasm-bindgen glue and the wasm module in its data attributes.

// Content-Security-Policy violations are kept for the end-to-end tests, which fail on any.
window.redlineCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.redlineCspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

// Trusted Types: index.html requires them for every sink that can run code, and this default
// policy is the only one allowed. Leptos builds its static templates by parsing markup
// compiled into the app (never user text: tests/tidy.rs keeps it that way); the
// policy lets such markup through and refuses any that could run code, so a future mistake
// that routes user text there fails instead of running. `DOMParser` documents are inert (the
// pasted-HTML reader uses one). Scripts and workers load only from this origin.
const CODE_IN_MARKUP = /<(script|iframe|object|embed|frame|base|meta|link|style|svg|math|form)\b|\son[a-z]+\s*=|javascript:/i;
window.redlineRefusedMarkup = [];
if (window.trustedTypes && window.trustedTypes.createPolicy) {
  window.trustedTypes.createPolicy("default", {
    createHTML(markup, _type, sink) {
      if (sink === "DOMParser parseFromString" || !CODE_IN_MARKUP.test(markup)) {
        return markup;
      }
      window.redlineRefusedMarkup.push(markup.slice(0, 200));
      throw new TypeError("Redline refused markup that could run code.");
    },
    createScriptURL(url) {
      if (new URL(url, document.baseURI).origin === location.origin) {
        return url;
      }
      throw new TypeError(`Redline loads scripts only from its own origin, not ${url}.`);
    },
  });
}

// The crash banner's buttons (src/ui/browser.rs, `show_crash_banner`): handled here, because
// after a panic the wasm module no longer runs.
document.addEventListener("click", (event) => {
  const action = event.target.closest?.("[data-redline-action]")?.dataset.redlineAction;
  if (action === "reload") {
    location.reload();
  } else if (action === "copy-report") {
    const report = document.getElementById("crash-report");
    report.select();
    navigator.clipboard?.writeText(report.value).catch(() => {});
  }
});

const script = document.querySelector("script[data-redline-js]");
const { default: init } = await import(script.dataset.redlineJs);
await init({ module_or_path: script.dataset.redlineWasm });
