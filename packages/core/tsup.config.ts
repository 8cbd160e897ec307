import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild({
  index: "src/index.ts",
  callcenter: "src/callcenter/index.ts",
  quality: "src/quality/index.ts",
})
export default packageBuild({ index: "src/index.ts", "approvals/index": "src/approvals/index.ts" })
