/* custom-functions-metadata reports bad JSDoc but can still exit 0 without writing functions.json.
   Fail the build unless dist/functions.json exists and declares every @customfunction in src/functions. */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const jsonPath = path.join(root, "dist", "functions.json");
if (!fs.existsSync(jsonPath)) {
  console.error(
    "build check: dist/functions.json was not generated (see the custom-functions-metadata errors above)"
  );
  process.exit(1);
}
const declared = new Set(JSON.parse(fs.readFileSync(jsonPath, "utf8")).functions.map((f) => f.id));
const dir = path.join(root, "src", "functions");
const expected = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  for (const m of text.matchAll(/@customfunction\s+([A-Z0-9_.]+)/g)) expected.push(m[1]);
}
const missing = expected.filter((id) => !declared.has(id));
if (expected.length === 0 || missing.length > 0) {
  console.error(`build check: functions.json lacks ${missing.join(", ") || "every function"}`);
  process.exit(1);
}
console.log(`build check: functions.json declares ${declared.size} functions`);
