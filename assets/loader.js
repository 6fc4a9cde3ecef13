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

// Offline use and new builds (assets/service-worker.js). A new build waits for the reader:
// the prompt offers the reload and never reloads by itself, so no edit is cut short, and
// the page saves the texts when it is left (src/ui/hooks/use_autosave.rs). It lives here and
// not in the wasm module so that a build that fails to start still learns of its fix.
// Browsers that refuse service workers (some private modes) run the app without one.
if ("serviceWorker" in navigator) {
  watchForNewBuilds().catch(() => {});
}

async function watchForNewBuilds() {
  const address = new URL("service-worker.js", import.meta.url).href;
  const registration = await navigator.serviceWorker.register(address);
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) {
      location.reload();
    }
  });
  const offer = (worker) => {
    // The first build a browser keeps has nothing to replace.
    if (!navigator.serviceWorker.controller || document.getElementById("update-prompt")) {
      return;
    }
    showUpdatePrompt(() => {
      reloading = true;
      if (worker.state === "installed") {
        worker.postMessage("activate");
      } else {
        location.reload(); // Another tab already switched to it.
      }
    });
  };
  const watch = (worker) => {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") {
        offer(worker);
      }
    });
  };
  // Opening the page makes the browser look for a new build, which may already be waiting or
  // still installing by the time this runs.
  if (registration.waiting) {
    offer(registration.waiting);
  } else {
    watch(registration.installing);
  }
  registration.addEventListener("updatefound", () => watch(registration.installing));
  // A tab left open asks for a new build when it is shown again, and every hour.
  const check = () => registration.update().catch(() => {});
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      check();
    }
  });
  setInterval(check, 60 * 60 * 1000);
}

function showUpdatePrompt(reload) {
  const prompt = document.createElement("aside");
  prompt.id = "update-prompt";
  prompt.className = "update-prompt";
  prompt.setAttribute("aria-label", "New version");
  prompt.dataset.testid = "update-prompt";
  const message = document.createElement("p");
  message.setAttribute("role", "status");
  message.textContent = "A new version of Redline is ready: reload to use it. Your texts are kept.";
  const button = (label, testid, action) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.dataset.testid = testid;
    element.addEventListener("click", action);
    prompt.append(element);
  };
  prompt.append(message);
  button("Reload", "update-reload", reload);
  button("Later", "update-later", () => prompt.remove());
  document.body.prepend(prompt);
}

const script = document.querySelector("script[data-redline-js]");
const { default: init } = await import(script.dataset.redlineJs);
await init({ module_or_path: script.dataset.redlineWasm });
