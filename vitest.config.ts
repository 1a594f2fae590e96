import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./tests/integration/workers";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };

export default defineConfig({
  resolve: { alias },
  test: {
    // Tests never write tracked files: a missing or different snapshot fails instead of being written
    // (vitest writes new ones by default outside CI). Refresh them on purpose with `vitest run -u`.
    update: "none",
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          maxWorkers: TEST_WORKERS,
          setupFiles: ["tests/support/seededPropertyTests.ts"],
          // A hang guard, not a speed target: the seeded simulations take up to ~4 s alone, and an
          // integration file now shares the cores with them.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/support/seededPropertyTests.ts", "tests/integration/setup.ts"],
          // Files run side by side, each worker on a database of its own (global-setup.ts).
          maxWorkers: TEST_WORKERS,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
