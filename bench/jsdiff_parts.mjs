// Prints jsdiff's diffWords (npm `diff`, pinned in package.json) of each pair in a JSON-lines
// file, as one JSON line per pair: {"id": ..., "parts": [["=", text], ["-", text], ["+", text]]}.
// engine/examples/bench_edits.rs reads it to score jsdiff and Redline with the same code.
//
// Usage: node bench/jsdiff_parts.mjs PAIRS.jsonl
import { readFileSync } from "node:fs";
import { diffWords } from "diff";

for (const line of readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const pair = JSON.parse(line);
  if (!pair.expected_edits) continue;
  const parts = diffWords(pair.original, pair.reworked).map((part) => [
    part.added ? "+" : part.removed ? "-" : "=",
    part.value,
  ]);
  console.log(JSON.stringify({ id: pair.id, parts }));
}
