import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild(
  { index: "src/index.ts", fake: "src/fake/index.ts" },
  { external: ["effect", "msw", "@tixi/core", "@tixi/adapter-kit"] },
)
