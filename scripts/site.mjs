//! Trunk's post-build step: the PNG icons drawn from assets/icon.svg, the app's scripts made smaller, the service worker with this build's file list, and the published address in the page head.
//
// Trunk runs it after every build (Trunk.toml, `[[hooks]]`) with the build's staging folder in
// TRUNK_STAGING_DIR and its profile in TRUNK_PROFILE. REDLINE_BASE_URL, when set, is the
// address the site is published at: link previews need absolute addresses for the card
// image, which the relative build cannot know.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { transformSync } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("site.mjs: TRUNK_STAGING_DIR is not set; Trunk runs this script after a build");
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === "release";

// 1. The PNG icons the manifest names (browsers that install an app want bitmaps).
const icon = readFileSync("assets/icon.svg", "utf8");
for (const size of [192, 512]) {
  const image = new Resvg(icon, { fitTo: { mode: "width", value: size } }).render();
  writeFileSync(join(staging, `icon-${size}.png`), smallestPng(image));
}

// Chromium fetches the icons with the manifest, so they count in the download: a flat icon
// has a few dozen colours, and a PNG with a palette of them is about a third of resvg's RGBA
// one, with the same pixels.
function smallestPng(image) {
  const rgba = image.asPng();
  const { width, height } = image;
  const pixels = image.pixels; // Premultiplied by alpha, as resvg draws.
  const palette = new Map();
  const indices = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    indices[y * (width + 1)] = 0; // Each row's filter: none.
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const alpha = pixels[at + 3];
      const straight = (c) => (alpha === 0 ? 0 : Math.min(255, Math.round((c * 255) / alpha)));
      const colour = [straight(pixels[at]), straight(pixels[at + 1]), straight(pixels[at + 2]), alpha];
      const key = colour.join(",");
      if (!palette.has(key)) {
        if (palette.size === 256) {
          return rgba; // Too many colours for a palette: keep resvg's own.
        }
        palette.set(key, { index: palette.size, colour });
      }
      indices[y * (width + 1) + 1 + x] = palette.get(key).index;
    }
  }
  const colours = [...palette.values()].map((entry) => entry.colour);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits an index, colour type 3 (palette).
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", Buffer.from(colours.flatMap(([r, g, b]) => [r, g, b]))),
    chunk("tRNS", Buffer.from(colours.map((colour) => colour[3]))),
    chunk("IDAT", deflateSync(indices, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return png.length < rgba.length ? png : rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// PNG's CRC-32 (ISO 3309), bit by bit: the icons are small.
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// 2. The published address, if given, in the tags that link previews read.
const published = process.env.REDLINE_BASE_URL?.trim();
if (published) {
  let base;
  try {
    base = new URL(published);
  } catch {
    console.error(`site.mjs: REDLINE_BASE_URL is not an address: ${published}`);
    process.exit(2);
  }
  if (!/^https?:$/.test(base.protocol)) {
    console.error(`site.mjs: REDLINE_BASE_URL must start with https:// or http://, not ${published}`);
    process.exit(2);
  }
  // A folder given without its last slash (https://example.github.io/redline) is that folder.
  if (!base.pathname.endsWith("/") && !base.pathname.endsWith(".html")) {
    base.pathname += "/";
  }
  base.hash = "";
  const page = join(staging, "index.html");
  const card = new URL("card.png", base).href;
  // Trunk has minified the page by now, so an attribute may have lost its quotes.
  const html = readFileSync(page, "utf8");
  const cards = html.match(/content=(["']?)card\.png\1(?=[\s/>])/g) ?? [];
  if (cards.length !== 2) {
    console.error(`site.mjs: index.html names the card ${cards.length} times, not twice (og:image, twitter:image)`);
    process.exit(1);
  }
  const withAddresses = html
    .replaceAll(/content=(["']?)card\.png\1(?=[\s/>])/g, `content="${card}"`)
    .replace("<title>", `<meta property="og:url" content="${base.href}"><title>`);
  writeFileSync(page, withAddresses);
}

// 3. The app's scripts made smaller, in release builds. Its own lose their comment lines
// (1.5 KB less to download, gzip): a line that starts with `//` is a comment in these files,
// which hold no multi-line string. wasm-bindgen's glue is minified by esbuild (Trunk's own
// minifier fails on it and leaves it as it is), and the integrity hash the page's
// modulepreload checks it against is written again to match.
const withoutComments = (code) =>
  code
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n");
if (release) {
  for (const name of ["loader.js", "worker.js"]) {
    const file = join(staging, name);
    writeFileSync(file, withoutComments(readFileSync(file, "utf8")));
  }
  const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const page = join(staging, "index.html");
  let html = readFileSync(page, "utf8");
  for (const name of readdirSync(staging).filter((name) => /^redline-web-[0-9a-f]+\.js$/.test(name))) {
    const file = join(staging, name);
    const code = readFileSync(file, "utf8");
    const minified = transformSync(code, { minify: true, format: "esm", target: "es2022" }).code;
    const [before, after] = [integrity(code), integrity(minified)];
    if (html.split(before).length !== 2) {
      console.error(`site.mjs: index.html does not hold the integrity of ${name} once`);
      process.exit(1);
    }
    html = html.replace(before, after);
    writeFileSync(file, minified);
  }
  writeFileSync(page, html);
}

// 4. The service worker: the files it keeps, and a version that changes with any of them, so
// that a browser sees a new build as a new worker. The card and the PNG icons are left out:
// link previews and installs fetch them, a reader's page never does.
const kept = readdirSync(staging)
  .filter((name) => !["service-worker.js", "card.png"].includes(name) && !/^icon-\d+\.png$/.test(name))
  .sort();
const hash = createHash("sha256");
for (const name of kept) {
  hash.update(`${name}\0`).update(readFileSync(join(staging, name)));
}
const template = readFileSync("assets/service-worker.js", "utf8");
const worker = template
  .replace('"__REDLINE_VERSION__"', JSON.stringify(release ? hash.digest("hex").slice(0, 16) : "development"))
  .replace("__REDLINE_FILES__", JSON.stringify(release ? kept : []));
writeFileSync(join(staging, "service-worker.js"), release ? withoutComments(worker) : worker);
