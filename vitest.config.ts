import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The corpus and 50 MB inputs take seconds on a loaded two-core machine; timing belongs to bench/.
    testTimeout: 60_000,
  },
});
