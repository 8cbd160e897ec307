import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild(
  { index: "src/index.ts", hubspot: "src/fakes/hubspot/index.ts" },
  { external: ["vitest", "effect", "@tixi/core"] },
)
