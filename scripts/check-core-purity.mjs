// party/core must replay exactly: it never reads the clock or a random source.
// Biome cannot ban globals per folder, so this small scan does (tests excluded).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = "party/core";
const BANNED = [
  /\bDate\.now\b/,
  /\bnew Date\(\s*\)/,
  /\bMath\.random\b/,
  /\bperformance\.now\b/,
  /\bcrypto\./,
];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith(".ts") && !/\.(test|bench)\.ts$/.test(path)) yield path;
  }
}

const problems = [];
for (const file of walk(ROOT)) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      for (const re of BANNED) if (re.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
    });
}
if (problems.length > 0) {
  console.error(`party/core must not read the clock or a random source:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("party/core purity: ok");
