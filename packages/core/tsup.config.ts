import { packageBuild } from "../../tsup.shared.ts"

export default packageBuild({
  index: "src/index.ts",
  approvals: "src/approvals/index.ts",
  callcenter: "src/callcenter/index.ts",
  complaints: "src/complaints/index.ts",
  quality: "src/quality/index.ts",
  grading: "src/grading/index.ts",
  grading: "src/grading/index.ts",
  credit: "src/credit/index.ts",
  grading: "src/grading/index.ts",
  credit: "src/credit/index.ts",
  accounts: "src/accounts/index.ts",
})
