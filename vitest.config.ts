import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    testTimeout: 30_000,
    // More files at once than cores: the voice suites spend most of their time waiting on
    // real-time audio, so on 2 cores this halves the run (measured ~1000 s → ~490 s).
    maxWorkers: 4,
    hookTimeout: 60_000,
  },
});
