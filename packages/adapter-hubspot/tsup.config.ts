import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild(
  { index: "src/index.ts" },
  { external: ["effect", "@tixi/core", "@tixi/adapter-kit", "@hubspot/api-client"] },
)
