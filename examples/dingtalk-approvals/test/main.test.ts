import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../..", import.meta.url))

describe("examples/dingtalk-approvals", () => {
  it("runs: the meal above the manager's authority goes manager → GM → finance and comes back approved", async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--conditions=@tixi/source", "examples/dingtalk-approvals/src/main.ts"],
        { cwd: root, timeout: 60_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      )
    })
    expect(output).toContain("plan: create template 客户招待申请表")
    expect(output).toContain(
      "chain: 客户服务部经理审核 (manager-qian) → 总经理审核 (gm-zhao) → 财务部审核 (finance-zhou)",
    )
    expect(output).toMatch(
      /DingTalk instance fake-instance-0001: NONE\[manager-qian\] → NONE\[gm-zhao\] → NONE\[finance-zhou\]/,
    )
    expect(output).toContain("outcome approved by finance-zhou")
    expect(output).toContain("hospitality meal MEAL-2026-0001 is approved")
    expect(output).toContain("work notice to officer-wu: 审批已通过：客户招待用餐申请：华东贸易")
  })
})
