//! Redline's service worker: keeps the app's own files, so that the page opens, and opens links, without a network.
//
// scripts/site.mjs writes this file into every build with the build's version and file list
// in place of the two markers below. The texts are never in what it keeps: they travel in a
// link's fragment, which no request carries, and stay in the browser's storage.
const VERSION = "__REDLINE_VERSION__";
const FILES = __REDLINE_FILES__;
// Named by the app's folder as well: an origin may hold other apps, or other copies of Redline
// in other folders (every project page of a GitHub account shares one), whose caches are theirs.
const PREFIX = `redline ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;

// A development build (`trunk serve`) keeps nothing, so every reload shows the newest build.
const KEEPS_FILES = FILES.length > 0;

self.addEventListener("install", (event) => {
  if (!KEEPS_FILES) {
    self.skipWaiting();
    return;
  }
  // A file whose name holds its hash (Trunk's) may come from the HTTP cache, where the page
  // that registered this worker has just put it; any other is asked again (`no-cache`: a
  // host with ETags answers 304), so every file kept is of this very build. A new build waits
  // (no skipWaiting) until a page asks for it, so nothing changes under an edit.
  const request = (file) =>
    new Request(file, { cache: /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file) ? "default" : "no-cache" });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(request))));
});

// Another tab may still run an older build, and load more of its files later (its web worker
// starts with the first long comparison), when the host has only this build's: the older
// builds' files stay until this build runs the only window left.
async function dropOlderBuilds() {
  const windows = await self.clients.matchAll({ type: "window" });
  if (windows.length > 1) {
    return;
  }
  const names = await caches.keys();
  const older = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(older.map((name) => caches.delete(name)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOlderBuilds().then(() => self.clients.claim()));
});

// The page's "Reload" on the update prompt (assets/loader.js).
self.addEventListener("message", (event) => {
  if (event.data === "activate") {
    self.skipWaiting();
  }
});

if (KEEPS_FILES) {
  self.addEventListener("fetch", (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== location.origin) {
      return;
    }
    // The app is one page: opening the folder or its index.html, with any link fragment
    // (which the request never holds), is answered with the page kept.
    const scope = self.registration.scope;
    const address = url.origin + url.pathname;
    const page = request.mode === "navigate" && (address === scope || address === `${scope}index.html`);
    if (page) {
      event.waitUntil(dropOlderBuilds());
    }
    event.respondWith(keptResponse(page ? "index.html" : request).then((response) => response ?? fetch(request)));
  });
}

// This build's file, else an older build's still kept for a tab that runs it.
async function keptResponse(request) {
  const current = await (await caches.open(CACHE)).match(request);
  if (current) {
    return current;
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX)) {
      const older = await (await caches.open(name)).match(request);
      if (older) {
        return older;
      }
    }
  }
  return undefined;
}
