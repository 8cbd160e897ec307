import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../..", import.meta.url))

describe("examples/dingtalk-approvals", () => {
  it("runs: the meal goes manager → GM → finance; the complaint remedy goes director → finance; both come back approved", async () => {
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
    // 客户投诉处理流程: ⑤ above authority → 审批 in DingTalk → ⑥ negotiate → ⑧ execute → closed.
    expect(output).toContain("plan: create template 客户投诉处理表")
    expect(output).toContain("complaint TS-2026-0042: remedy ¥12,000 proposed, awaitingApproval")
    expect(output).toContain(
      "DingTalk instance fake-instance-0002 on 客户投诉处理表: NONE[director-li] → NONE[finance-zhou]",
    )
    expect(output).toContain("delivered: approved by finance-zhou → complaint negotiating")
    expect(output).toContain("delivered again: approved by finance-zhou → complaint negotiating")
    expect(output).toContain("the complaint recorded 1 approval decision(s)")
    expect(output).toContain("approvals opened for the complaint: 1")
    expect(output).toContain("complaint TS-2026-0042 is closed; case in the CRM: closed, approval approved")
    expect(output).toContain("work notice to officer-wu: 投诉 TS-2026-0042 的方案已批准")
  })
})
