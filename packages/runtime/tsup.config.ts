import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild(
  { index: "src/index.ts", "cli/main": "src/cli/main.ts" },
  {
    external: [
      "effect",
      "@tixi/core",
      "@electric-sql/pglite",
      "@effect/sql-pg",
      "zod",
      "@tixi/example-complaints-simulation",
    ],
  },
)
