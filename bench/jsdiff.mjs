// Times jsdiff's diffWords (npm `diff`, pinned in package.json) on the standard benchmark inputs,
// for the side-by-side ratio with Redline's engine. Each pair runs in a child process with a
// 60-second limit, since jsdiff does not finish the 100k-word rewrites.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const pairs = ["1k_light", "1k_heavy", "1k_pathological", "10k_light", "10k_heavy",
  "10k_pathological", "100k_light", "100k_heavy", "100k_pathological"];

if (process.argv[3] === "--one") {
  const { diffWords } = await import("diff");
  const pair = process.argv[4];
  const original = readFileSync(join(dir, `${pair}.old.txt`), "utf8");
  const reworked = readFileSync(join(dir, `${pair}.new.txt`), "utf8");
  const start = performance.now();
  diffWords(original, reworked);
  console.log((performance.now() - start).toFixed(1));
} else {
  console.log("| pair | jsdiff diffWords (Node " + process.version + ") |");
  console.log("|---|--:|");
  for (const pair of pairs) {
    let result;
    try {
      const ms = execFileSync(process.execPath, [process.argv[1], dir, "--one", pair],
        { timeout: 60_000, encoding: "utf8" }).trim();
      result = `${ms} ms`;
    } catch {
      result = "did not finish in 60 s";
    }
    console.log(`| ${pair} | ${result} |`);
  }
}
