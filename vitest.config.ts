import { defineConfig } from "vitest/config"

// Tests run against the TypeScript sources of the workspace packages (the `@tixi/source` export
// condition), so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ["@tixi/source"] },
  ssr: { resolve: { conditions: ["@tixi/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "bench/test/**/*.test.ts"],
    setupFiles: ["scripts/vitest/fast-check-seed.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
