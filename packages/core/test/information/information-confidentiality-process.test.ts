import { Information, type SubmitApprovalRequest } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import {
  at,
  circulatingMatter,
  circulation,
  classify,
  cleanAudit,
  decide,
  flow,
  manager,
  officer,
  report,
  supervisor,
  transfer,
  wang,
  withCopiesOut,
} from "./fixtures.ts"

/** Every copy handed over, signed for and returned: the register is complete. */
function transferredAndReturned() {
  const instance = withCopiesOut(circulatingMatter())
  instance.must({ type: "ReturnCopy", at: at("2026-04-02", "10:00"), copyNumber: 1, receivedBy: officer })
  instance.must({ type: "ReturnCopy", at: at("2026-04-02", "10:05"), copyNumber: 2, receivedBy: officer })
  return instance
}

type Instance = ReturnType<typeof circulatingMatter>

const refusalOf = (result: Result.Result<unknown, unknown>) =>
  Result.isFailure(result) ? (result.failure as { reason?: string }).reason : undefined

const approvals = (instance: Instance) =>
  instance.effects.filter((effect): effect is SubmitApprovalRequest => effect.kind === "approval.submit")

describe("信息保密管理流程 (004 ch.7 §17)", () => {
  it("① classify ✓ → circulation list → ② numbered transfer, signed for and returned → ③ audit ◇ no breach → ⑥ report ✓ → archived", () => {
    const instance = transferredAndReturned()
    expect(
      instance.state.copies.map((copy) => [copy.copyNumber, copy.signedBy, copy.returnedAt !== undefined]),
    ).toEqual([
      [1, manager.personId, true],
      [2, wang, true],
    ])
    instance.must(cleanAudit)
    expect(instance.state.status).toBe("reporting")
    instance.must(report(at("2026-04-03", "11:00"), "传阅与传递均合规"))
    expect(instance.state.status).toBe("reportAwaitingApproval")
    instance.must(decide(instance.state, "approved", at("2026-04-03", "16:00")))
    expect(instance.state.status).toBe("archived")
    expect(flow.isFinished(instance.state)).toBe(true)
    const [classification, reportApproval] = approvals(instance)
    expect(classification?.submission).toMatchObject({
      formId: "information.classification",
      steps: [{ approvers: [{ role: "manager" }] }],
    })
    // ⑥ 审核 (客户服务部经理) → 审批 (总经理)
    expect(reportApproval?.submission.steps.map((step) => step.approvers)).toEqual([
      [{ role: "manager" }],
      [{ role: "generalManager" }],
    ])
    expect(reportApproval?.submission.values).toMatchObject({ copies: 2, findings: 0, actions: 0 })
    expect(Information.reportForm.parse(reportApproval?.submission.values)._tag).toBe("Success")
    expect(Information.classificationForm.parse(classification?.submission.values)._tag).toBe("Success")
  })

  it("① classify ✓ returned → back to ① and resubmitted under a new approval", () => {
    const instance = drive(flow, "CONF-7")
    instance.must(classify)
    const first = instance.state.approval!.key
    instance.must(decide(instance.state, "rejected", at("2026-04-01", "10:00")))
    expect(instance.state.status).toBe("classifying")
    expect(instance.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    instance.must({ ...classify, at: at("2026-04-01", "10:30") })
    expect(instance.state.status).toBe("classificationAwaitingApproval")
    expect(instance.state.approval!.key).not.toBe(first)
    expect(Information.matterLevelOf(instance.state)).toBe("confidential")
  })

  it("circulation list: refuses a recipient cleared below an item they would receive, naming both", () => {
    const instance = drive(flow, "CONF-7")
    instance.must(classify)
    instance.must(decide(instance.state, "approved", at("2026-04-01", "10:00")))
    const tooLow = instance.send({
      ...circulation,
      recipients: [{ recipientId: "counsel", person: wang, clearance: "internal", itemIds: ["contacts"] }],
    })
    expect(refusalOf(tooLow)).toBe("recipient counsel is cleared to internal, below item contacts (secret)")
    const unknown = instance.send({
      ...circulation,
      recipients: [
        { recipientId: "finance", post: "financeManager", clearance: "confidential", itemIds: ["minutes"] },
      ],
    })
    expect(refusalOf(unknown)).toBe("recipient finance: no item minutes was classified")
    expect(instance.state.status).toBe("circulating")
  })

  it("circulation list: a recipient with neither post nor person is a ValidationError naming the field", () => {
    const instance = drive(flow, "CONF-7")
    instance.must(classify)
    instance.must(decide(instance.state, "approved", at("2026-04-01", "10:00")))
    const result = instance.send({
      ...circulation,
      recipients: [{ recipientId: "nobody", clearance: "secret", itemIds: ["contacts"] }],
    } as never)
    expect(Result.isFailure(result) && result.failure._tag).toBe("ValidationError")
    if (Result.isFailure(result) && result.failure._tag === "ValidationError")
      expect(result.failure.issues[0]?.path).toEqual(["recipients", 0, "post"])
  })

  it("① classify: an item listed twice is a ValidationError naming the list, and nothing is recorded", () => {
    const instance = drive(flow, "CONF-7")
    const twice = instance.send({ ...classify, items: [classify.items[0], classify.items[0]] })
    expect(Result.isFailure(twice) && twice.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["items"], message: "each itemId is listed once" })],
    })
    expect(instance.events).toEqual([])
  })

  it("② numbered transfer: refuses a reused copy number, a recipient off the list and an item outside their range", () => {
    const instance = circulatingMatter()
    instance.must(transfer(1, "prices", "finance"))
    expect(refusalOf(instance.send(transfer(1, "contacts", "finance")))).toBe(
      "copy number 1 is already in the register",
    )
    expect(refusalOf(instance.send(transfer(2, "prices", "sales")))).toBe(
      "sales is not on the circulation list",
    )
    expect(refusalOf(instance.send(transfer(2, "prices", "counsel")))).toBe(
      "counsel may not receive item prices",
    )
    expect(
      refusalOf(
        instance.send({ type: "SignForCopy", at: at("2026-04-01", "15:00"), copyNumber: 9, signedBy: wang }),
      ),
    ).toBe("no copy number 9 was handed over")
    expect(instance.state.copies).toHaveLength(1)
  })

  it("③ audit ◇ breaches (from the trail, and a copy never signed for) → ④ remedy ✓ → ⑤ reminded, escalated, feedback → ⑥ report ✓ → archived", () => {
    const instance = circulatingMatter()
    instance.must(transfer(1, "prices", "finance"))
    instance.must(transfer(2, "contacts", "counsel"))
    instance.must({ type: "SignForCopy", at: at("2026-04-01", "15:10"), copyNumber: 2, signedBy: wang })
    instance.must({
      type: "Audit",
      at: at("2026-04-03", "10:00"),
      roundId: "R1",
      auditor: supervisor,
      findings: [
        {
          findingId: "F1",
          kind: "outsideCirculation",
          recipientId: "counsel",
          description: "律师助理查阅了副本 2",
        },
      ],
    })
    expect(instance.state.status).toBe("remedying")
    expect(instance.state.findings.map((finding) => [finding.findingId, finding.kind])).toEqual([
      ["F1", "outsideCirculation"],
      ["R1/unsigned/1", "unsignedCopy"],
    ])
    const remedy = (...actions: ReadonlyArray<Information.RemedyAction>) =>
      ({ type: "ProposeRemedy", at: at("2026-04-03", "11:00"), proposer: supervisor, actions }) as const
    const retrieve = {
      actionId: "A1",
      findingIds: ["F1"],
      action: "收回副本 2，重申保密义务",
      owner: wang,
      workingDays: 2,
    }
    const countersign = {
      actionId: "A2",
      findingIds: ["R1/unsigned/1"],
      action: "补办副本 1 签收",
      owner: officer.personId,
      workingDays: 1,
    }
    expect(refusalOf(instance.send(remedy(retrieve)))).toBe("finding R1/unsigned/1 has no remedy action")
    instance.must(remedy(retrieve, countersign))
    instance.must(decide(instance.state, "approved", at("2026-04-03", "14:00")))
    expect(instance.state.status).toBe("executing")
    const a1 = instance.state.actions[0]!
    expect(a1.ladder!.rungs.map((rung) => rung.role)).toEqual(["manager", "generalManager"])
    const deadlines = flow.deadlines(instance.state)
    expect(deadlines.map((deadline) => deadline.key)).toContain("remedy:A1:rung:1")
    // past every mark of A1 (and A2): the reminders, then both rungs at once after an outage
    const late = instance.must({ type: "FollowUpRemedy", at: a1.ladder!.rungs[1]!.at })
    expect(
      late
        .filter((event) => event.type === "RemedyEscalated")
        .map((event) => [event.type, "actionId" in event && event.actionId]),
    ).toEqual([
      ["RemedyEscalated", "A1"],
      ["RemedyEscalated", "A1"],
      ["RemedyEscalated", "A2"],
      ["RemedyEscalated", "A2"],
    ])
    expect(instance.state.actions.map((action) => action.level)).toEqual([2, 2])
    expect(instance.must({ type: "FollowUpRemedy", at: a1.ladder!.rungs[1]!.at })).toEqual([])
    instance.must({
      type: "ReportActionDone",
      at: at("2026-04-08", "10:00"),
      actionId: "A1",
      reporter: supervisor,
      feedback: "副本已收回",
    })
    expect(instance.state.status).toBe("executing")
    instance.must({
      type: "ReportActionDone",
      at: at("2026-04-08", "11:00"),
      actionId: "A2",
      reporter: officer,
      feedback: "已补签",
    })
    expect(instance.state.status).toBe("reporting")
    expect(flow.deadlines(instance.state)).toEqual([])
    instance.must(report(at("2026-04-08", "15:00"), "两项问题均已补救"))
    instance.must(decide(instance.state, "approved", at("2026-04-09", "10:00")))
    expect(instance.state.status).toBe("archived")
    expect(approvals(instance).map((approval) => approval.submission.formId)).toEqual([
      "information.classification",
      "information.remedy",
      "information.report",
    ])
    expect(Information.remedyForm.parse(approvals(instance)[1]?.submission.values)._tag).toBe("Success")
  })

  it("③ audit: refuses a finding about a copy the register does not have", () => {
    const instance = circulatingMatter()
    const result = instance.send({
      type: "Audit",
      at: at("2026-04-03", "10:00"),
      roundId: "R1",
      auditor: supervisor,
      findings: [{ findingId: "F1", kind: "missingCopy", copyNumber: 4, description: "副本 4 遗失" }],
    })
    expect(refusalOf(result)).toBe("finding F1: no copy number 4 is in the register")
  })

  it("⑥ report ✓ returned → back to ⑥", () => {
    const instance = transferredAndReturned()
    instance.must(cleanAudit)
    instance.must(report(at("2026-04-03", "11:00"), "合规"))
    instance.must(decide(instance.state, "rejected", at("2026-04-03", "16:00")))
    expect(instance.state.status).toBe("reporting")
    expect(instance.state.approval).toBeUndefined()
  })

  it("cancelled while the classification waits at ✓: the approval is withdrawn; an archived matter cannot be cancelled", () => {
    const instance = drive(flow, "CONF-7")
    instance.must(classify)
    const key = instance.state.approval!.key
    instance.must({ type: "Cancel", at: at("2026-04-01", "10:00"), actor: supervisor, reason: "重复立项" })
    expect(instance.state.status).toBe("cancelled")
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: key })
    const archived = transferredAndReturned()
    archived.must(cleanAudit)
    archived.must(report(at("2026-04-03", "11:00"), "合规"))
    archived.must(decide(archived.state, "approved", at("2026-04-03", "16:00")))
    const cancel = {
      type: "Cancel",
      at: at("2026-04-04", "10:00"),
      actor: supervisor,
      reason: "已存档",
    } as const
    expect(refusalOf(archived.send(cancel))).toBe("only an open matter can be cancelled")
    expect(archived.state.status).toBe("archived")
  })

  it("names the chart's swim lane of every step", () => {
    expect(Information.informationConfidentialityLanes).toMatchObject({
      Classify: "informationSupervisor",
      DecideApproval: "serviceManager",
      TransferCopy: "informationOfficer",
      SignForCopy: "relatedDepartments",
      ReportActionDone: "relatedDepartments",
    })
    // the command union's members, each a zod object with a literal `type`
    const union = Information.informationConfidentialityCommandSchema as unknown as {
      readonly options: ReadonlyArray<{ readonly shape: { readonly type: { readonly value: string } } }>
    }
    const commandTypes = union.options.map((option) => option.shape.type.value)
    expect(Object.keys(Information.informationConfidentialityLanes).sort()).toEqual([...commandTypes].sort())
  })
})
