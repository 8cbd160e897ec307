import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild(
  { index: "src/index.ts" },
  {
    external: [
      "effect",
      "@tixi/core",
      "@electric-sql/pglite",
      "@effect/sql-pg",
      "@effect/platform-node",
      "zod",
    ],
  },
)
