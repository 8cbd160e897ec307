import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild({
  index: "src/index.ts",
  accounts: "src/accounts/index.ts",
  approvals: "src/approvals/index.ts",
  callcenter: "src/callcenter/index.ts",
  complaints: "src/complaints/index.ts",
  credit: "src/credit/index.ts",
  grading: "src/grading/index.ts",
  handbook: "src/handbook/index.ts",
  quality: "src/quality/index.ts",
})
