// Runs `prisma generate` offline after install. Prisma's CLI insists on a native schema engine
// before it does anything, although generation itself is WebAssembly: pointing it at any existing
// executable satisfies the check without a download.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let prismaCli;
try {
  prismaCli = require.resolve("prisma/build/index.js");
} catch {
  // `npm install --package-lock-only` runs this hook before prisma is installed.
  console.log("prisma-generate: prisma is not installed yet, skipping");
  process.exit(0);
}
if (!existsSync("prisma/schema.prisma")) {
  console.log("prisma-generate: no prisma/schema.prisma yet, skipping");
  process.exit(0);
}
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
