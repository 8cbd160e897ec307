import {
  Approval,
  Complaints,
  type EffectRequest,
  handle,
  hostRecordId,
  InvalidTransition,
  NotWithinAuthority,
  PolicyRefusal,
  ValidationError,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  acceptedStory,
  at,
  calendar,
  cny,
  definition,
  effectsOf,
  manager,
  officer,
  officerZheng,
  registration,
  Story,
  supervisor,
} from "./fixtures.ts"

const monday = at("2026-01-05", "09:30")
const minutes = (count: number) => count * 60_000

/** Investigation that finds the company at fault, shared 60/40 by quality and logistics. */
const ownSide = (when: number) =>
  ({
    type: "RecordInvestigation",
    at: when,
    actor: officerZheng,
    cause: "negligence",
    ownSide: true,
    responsibility: [
      { departmentId: "quality", sharePercent: 60 },
      { departmentId: "logistics", sharePercent: 40 },
    ],
    sanctions: [{ name: "张伟", kind: "warning" }],
    severity: "moderate",
    findings: "出厂检验漏检，运输途中未加固。",
  }) as const

describe("客户投诉接待流程 (reception)", () => {
  it("投诉接待: greeted, heard and recorded → within own authority → the officer handles it → solution communicated → seen off", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-20260105-0001",
      actor: officer,
      registration: registration({
        channel: "visit",
        receptionNotes: "客户来访，情绪激动；已安抚，说明将尽快处理。",
      }),
    })
    story.do({ type: "Accept", at: monday + minutes(5), actor: officer })
    story.do({
      type: "Classify",
      at: monday + minutes(6),
      actor: officer,
      category: "quality",
      departmentId: "quality",
    })
    story.do({ ...ownSide(monday + minutes(20)), actor: officer })
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(25),
      actor: officer,
      remedies: [{ kind: "exchange", amount: cny("300") }],
    })
    expect(story.state.stage).toBe("negotiating")
    expect(story.state.proposal?.approval).toEqual({ status: "notRequired" })
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(30), actor: officer, accepted: true })
    story.do({ type: "RecordExecution", at: monday + minutes(90), actor: officer })
    story.do({ type: "Close", at: monday + minutes(95), actor: officer, summary: "当场换货，客户满意离开。" })
    expect(story.state.stage).toBe("closed")
    expect(story.state.outcome).toBe("remedied")
    expect(effectsOf(story.effects, "approval.submit")).toEqual([])
    // The visit is on the customer's timeline: reception, acceptance, the customer's yes, the resolution.
    const activities = effectsOf(story.effects, "host.activity.log").map((effect) => effect.draft.kind)
    expect(activities[0]).toBe("meeting")
    expect(activities).toContain("call")
  })

  it("投诉接待: beyond own authority → 客服经理 approves → solution communicated → executed", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-20260105-0002",
      actor: officer,
      registration: registration({ channel: "inStore" }),
    })
    story.do({ type: "Accept", at: monday + minutes(5), actor: officer })
    story.do({
      type: "Classify",
      at: monday + minutes(6),
      actor: officer,
      category: "quality",
      departmentId: "quality",
    })
    story.do({ ...ownSide(monday + minutes(20)), actor: officer })
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(25),
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("3000") }],
      note: "全额退款",
    })
    expect(story.state.stage).toBe("awaitingApproval")
    const [submit] = effectsOf(story.effects, "approval.submit")
    expect(submit?.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(submit?.submission.formId).toBe("complaint.handling")
    expect(submit?.submission.businessKey).toBe("TS-20260105-0002")
    expect(submit?.key).toBe(
      story.state.proposal?.approval.status === "pending" ? story.state.proposal.approval.key : "",
    )
    story.do({
      type: "DecideRemedyApproval",
      at: monday + minutes(60),
      approvalKey: submit!.key,
      outcome: "approved",
      decidedBy: manager.personId,
    })
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(70), actor: officer, accepted: true })
    story.do({ type: "RecordExecution", at: monday + minutes(200), actor: officer })
    expect(story.state.cost).toEqual(cny("3000"))
    expect(story.state.stage).toBe("resolved")
  })
})

describe("客户投诉处理流程 (handling)", () => {
  it("投诉处理: not valid → not accepted, with the reason told to the customer", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-1",
      actor: officer,
      registration: registration(),
    })
    story.do({
      type: "Reject",
      at: monday + minutes(60),
      actor: officer,
      reason: "notOurProduct",
      explanation: "该型号非本公司销售，已告知客户联系原购买商家。",
    })
    expect(story.state.stage).toBe("rejected")
    expect(story.state.firstResponse?.metAt).toBe(monday + minutes(60))
    expect(definition.isFinished(story.state)).toBe(true)
    expect(definition.deadlines(story.state)).toEqual([])
    expect(
      story.refuse({
        type: "Classify",
        at: monday + minutes(61),
        actor: officer,
        category: "quality",
        departmentId: "q",
      }),
    ).toBeInstanceOf(InvalidTransition)
  })

  it("投诉处理: valid → cause not ours → explained and redirected → closed", () => {
    const story = acceptedStory(monday)
    story.do({
      type: "RecordInvestigation",
      at: monday + minutes(120),
      actor: officerZheng,
      cause: "forceMajeure",
      ownSide: false,
      severity: "minor",
      findings: "暴雪导致高速封闭，承运人延误。",
      explanation: "延误由暴雪封路造成，已协助客户向承运人索赔。",
    })
    expect(story.types.slice(-2)).toEqual(["InvestigationConcluded", "ComplaintResolved"])
    expect(story.state.outcome).toBe("explained")
    expect(story.state.cost).toEqual(cny("0"))
    story.do({ type: "Close", at: monday + minutes(130), actor: officer, summary: "非己方原因，已解释。" })
    expect(story.state.stage).toBe("closed")
  })

  it("投诉处理: valid → own side → departments consulted → solution approved → customer satisfied → executed → summary and evaluation → closed → followed up", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    expect(story.state.stage).toBe("proposing")
    story.do({
      type: "RecordDepartmentOpinion",
      at: monday + minutes(130),
      actor: supervisor,
      department: "quality",
      opinion: "同意换货，加强出厂检验。",
    })
    story.do({
      type: "RecordDepartmentOpinion",
      at: monday + minutes(135),
      actor: supervisor,
      department: "finance",
      opinion: "费用计入质量损失。",
    })
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(140),
      actor: officer,
      remedies: [
        { kind: "exchange", amount: cny("1800"), quantity: 6 },
        { kind: "compensation", amount: cny("200") },
      ],
    })
    const [submit] = effectsOf(story.effects, "approval.submit")
    // The handling form carries the departments' opinions to the approvers (客户投诉处理表).
    expect(submit?.submission.values).toMatchObject({
      qualityOpinion: "同意换货，加强出厂检验。",
      financeOpinion: "费用计入质量损失。",
      total: cny("2000"),
    })
    story.do({
      type: "DecideRemedyApproval",
      at: monday + minutes(200),
      approvalKey: submit!.key,
      outcome: "approved",
    })
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(240), actor: officer, accepted: true })
    const executeTask = effectsOf(story.effects, "host.task.create").find((task) =>
      task.draft.externalKey.includes(":execution:"),
    )
    expect(executeTask?.assignee).toEqual({ person: officer.personId })
    story.do({ type: "RecordExecution", at: at("2026-01-07", "15:00"), actor: officer })
    story.do({
      type: "Close",
      at: at("2026-01-07", "16:00"),
      actor: officer,
      summary: "换货 6 箱并补偿 200 元。",
      evaluation: "处理及时，客户认可。",
      improvements: [
        { area: "processing", action: "出厂前增加防潮检查" },
        { area: "transport", action: "长途运输加固包装" },
      ],
    })
    expect(story.state.followUp?.dueAt).toBe(calendar.addWorkingMinutes(at("2026-01-07", "16:00"), 1440))
    story.do({
      type: "RecordFollowUp",
      at: at("2026-01-09", "10:00"),
      actor: officer,
      satisfaction: 5,
      method: "phone",
    })
    expect(definition.isFinished(story.state)).toBe(true)
    expect(story.state.resolution?.metAt).toBe(at("2026-01-07", "15:00"))
    // Every task the process opened is completed by it.
    const created = effectsOf(story.effects, "host.task.create").map((task) => task.draft.externalKey)
    const completed = effectsOf(story.effects, "host.task.complete").map((task) => task.taskKey)
    expect([...completed].sort()).toEqual([...created].sort())
  })

  it("投诉处理: own side → customer refuses → solution revised → customer satisfied → executed", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "discount", amount: cny("100") }],
    })
    story.do({
      type: "RecordCustomerResponse",
      at: monday + minutes(180),
      actor: officer,
      accepted: false,
      note: "折扣太少",
    })
    expect(story.state.stage).toBe("proposing")
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(200),
      actor: officer,
      remedies: [{ kind: "exchange", amount: cny("450") }],
    })
    expect(story.state.proposal?.number).toBe(2)
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(230), actor: officer, accepted: true })
    story.do({ type: "RecordExecution", at: monday + minutes(300), actor: officer, cost: cny("430") })
    expect(story.state.cost).toEqual(cny("430"))
    expect(story.state.customerRefusals).toBe(1)
  })

  it("投诉处理: own side → customer refuses → litigation → judgment → summary → closed", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("400") }],
    })
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(180), actor: officer, accepted: false })
    expect(
      story.refuse({ type: "StartLitigation", at: monday + minutes(200), actor: officer }),
    ).toBeInstanceOf(PolicyRefusal)
    story.do({
      type: "StartLitigation",
      at: monday + minutes(200),
      actor: manager,
      reference: "(2026)沪0104民初123号",
    })
    expect(story.state.stage).toBe("litigation")
    // The complaint's SLA clock and reminders stop while the court decides.
    expect(definition.deadlines(story.state)).toEqual([])
    const litigation = effectsOf(story.effects, "notify").at(-1)
    expect(litigation?.draft.recipients).toEqual([{ role: "manager" }, { role: "director" }])
    story.do({
      type: "ConcludeLitigation",
      at: at("2026-03-20", "10:00"),
      actor: manager,
      verdict: "settled",
      award: cny("1200"),
    })
    expect(story.state.outcome).toBe("litigated")
    story.do({
      type: "Close",
      at: at("2026-03-20", "11:00"),
      actor: manager,
      summary: "调解结案，赔付 1200 元。",
    })
    expect(story.state.stage).toBe("closed")
  })

  it("投诉处理: solution rejected at approval → revised within authority → executed", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "compensation", amount: cny("5000") }],
    })
    const [submit] = effectsOf(story.effects, "approval.submit")
    expect(
      story.refuse({
        type: "DecideRemedyApproval",
        at: monday + minutes(131),
        approvalKey: "other-key",
        outcome: "approved",
      }),
    ).toBeInstanceOf(InvalidTransition)
    story.do({
      type: "DecideRemedyApproval",
      at: monday + minutes(200),
      approvalKey: submit!.key,
      outcome: "rejected",
      comment: "赔偿过高",
    })
    expect(story.state.stage).toBe("proposing")
    expect(story.state.approvalRejections).toBe(1)
    const told = effectsOf(story.effects, "notify").at(-1)
    expect(told?.draft.body["zh-CN"]).toContain("赔偿过高")
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(210),
      actor: officer,
      remedies: [{ kind: "exchange", amount: cny("480") }],
    })
    expect(story.state.stage).toBe("negotiating")
  })

  it("客户投诉登记表: accepted at the desk with a promised date, in one command", () => {
    const story = new Story()
    const events = story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-9",
      actor: officer,
      registration: registration({ acceptance: "accepted", promisedDate: "2026-01-08" }),
    })
    expect(events.map((event) => event.type)).toEqual(["ComplaintRegistered", "ComplaintAccepted"])
    expect(story.state.resolution?.schedule.dueAt).toBe(at("2026-01-09", "00:00"))
    expect(Complaints.registrationRecordOf(story.state, calendar)?.promisedDate).toBe("2026-01-08")
  })

  it("客户投诉登记表 from a case staff opened in the CRM: the complaint's case takes that record over", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-10",
      actor: officer,
      registration: registration(),
      hostRecordId: hostRecordId("4711"),
    })
    expect(story.state.hostRecordId).toBe("4711")
    story.do({ type: "Accept", at: monday + minutes(30), actor: officer })
    const upserts = effectsOf(story.effects, "host.case.upsert")
    expect(upserts).toHaveLength(2)
    // Every write names the record, so the first that reaches the host keys it, whichever it is.
    expect(upserts.map((request) => request.draft.adoptRecordId)).toEqual(["4711", "4711"])
    expect(effectsOf(acceptedStory(monday).effects, "host.case.upsert")[0]?.draft).not.toHaveProperty(
      "adoptRecordId",
    )
    const malformed = new Story().refuse({
      type: "Register",
      at: monday,
      complaintId: "TS-11",
      actor: officer,
      registration: registration(),
      hostRecordId: "" as never,
    })
    expect((malformed as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual([
      "hostRecordId",
    ])
  })

  it("the customer withdraws while the solution awaits approval: the approval is withdrawn too", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("900") }],
    })
    const [submit] = effectsOf(story.effects, "approval.submit")
    story.do({ type: "Withdraw", at: monday + minutes(150), actor: officer, reason: "客户已自行解决" })
    expect(story.state.stage).toBe("closed")
    expect(story.state.outcome).toBe("withdrawn")
    expect(effectsOf(story.effects, "approval.withdraw").map((effect) => effect.submissionKey)).toEqual([
      submit!.key,
    ])
    expect(definition.isFinished(story.state)).toBe(true)
  })
})

describe("tasks follow the people who act", () => {
  it("moves the open tasks to a new handler and to a new investigator, and closes every task it opened", () => {
    const story = acceptedStory(monday)
    // Classified with 郑凯 investigating; a supervisor gives the investigation to 吴晓燕 instead.
    story.do({
      type: "Classify",
      at: monday + minutes(50),
      actor: supervisor,
      category: "quality",
      departmentId: "quality",
      investigator: officer.personId,
    })
    story.do({ ...ownSide(monday + minutes(120)), actor: officer })
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "repair", amount: cny("200") }],
    })
    story.do({ type: "RecordCustomerResponse", at: monday + minutes(140), actor: officer, accepted: true })
    story.do({
      type: "AssignHandler",
      at: monday + minutes(150),
      actor: supervisor,
      handler: officerZheng.personId,
    })
    const moved = effectsOf(story.effects, "host.task.create").slice(-2)
    expect(moved.map((task) => [task.draft.externalKey, task.assignee])).toEqual([
      ["TS-20260105-0001:handling:0:officer-zheng", { person: officerZheng.personId }],
      ["TS-20260105-0001:execution:0:1:officer-zheng", { person: officerZheng.personId }],
    ])
    story.do({ type: "RecordExecution", at: monday + minutes(300), actor: officerZheng })
    story.do({ type: "Close", at: monday + minutes(310), actor: officerZheng, summary: "已维修" })
    story.do({
      type: "RecordFollowUp",
      at: monday + minutes(900),
      actor: officerZheng,
      satisfaction: 5,
      method: "phone",
    })
    const created = effectsOf(story.effects, "host.task.create").map((task) => task.draft.externalKey)
    const completed = effectsOf(story.effects, "host.task.complete").map((task) => task.taskKey)
    expect([...completed].sort()).toEqual([...created].sort())
    expect(
      story.refuse({
        type: "AssignHandler",
        at: monday + minutes(901),
        actor: supervisor,
        handler: officerZheng.personId,
      }),
    ).toBeInstanceOf(InvalidTransition)
  })
})

describe("who may decide", () => {
  it("sends the remedy through the company's configured approval chain and its request form", () => {
    const configured = Complaints.complaintProcess({
      calendar,
      approvalPolicy: Approval.defaultApprovalPolicy,
    })
    let state = configured.initialState
    const effects: Array<EffectRequest> = []
    for (const command of [
      { type: "Register", at: monday, complaintId: "TS-A", actor: officer, registration: registration() },
      { type: "Accept", at: monday + 1, actor: officer },
      { type: "Classify", at: monday + 2, actor: officer, category: "quality", departmentId: "quality" },
      ownSide(monday + 3),
      {
        type: "ProposeRemedy",
        at: monday + 4,
        actor: officer,
        remedies: [{ kind: "refund", amount: cny("3000") }],
      },
    ] as ReadonlyArray<Complaints.ComplaintCommand>) {
      const decided = configured.decide(state, command)
      if (decided._tag === "Failure") throw decided.failure
      for (const event of decided.success) {
        const sequence = state.version
        state = configured.evolve(state, event)
        effects.push(...configured.effects(state, event, { instanceId: "TS-A", sequence }))
      }
    }
    const [submit] = effectsOf(effects, "approval.submit")
    expect(submit?.submission.formId).toBe("approval.complaintRemedy")
    expect(submit?.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(Result.isSuccess(Approval.complaintRemedyRequestForm.parse(submit?.submission.values))).toBe(true)
    // Approvers see the customer's name beside its id.
    expect(submit?.submission.values).toMatchObject({
      customer: "cust-0001",
      customerName: "上海恒通贸易有限公司",
    })
  })

  it("a decision delivered again changes nothing; a different decision for the same approval is refused", () => {
    const story = acceptedStory(monday)
    story.do(ownSide(monday + minutes(120)))
    story.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("3000") }],
    })
    const [submit] = effectsOf(story.effects, "approval.submit")
    const decision = {
      type: "DecideRemedyApproval",
      at: monday + minutes(140),
      approvalKey: submit!.key,
      outcome: "approved",
      decidedBy: manager.personId,
    } as const
    story.do(decision)
    const before = story.state
    // The host pushes the same decision again (a retried callback, a recovery pull).
    const again = handle(definition, before, { ...decision, at: monday + minutes(150) })
    expect(Result.isSuccess(again) && again.success.events).toEqual([])
    expect(Result.isSuccess(again) && again.success.state).toBe(before)
    expect(story.refuse({ ...decision, at: monday + minutes(150), outcome: "rejected" })).toBeInstanceOf(
      InvalidTransition,
    )
    // A rejection redelivered while the handler revises is taken once, too.
    const rejected = acceptedStory(monday)
    rejected.do(ownSide(monday + minutes(120)))
    rejected.do({
      type: "ProposeRemedy",
      at: monday + minutes(130),
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("3000") }],
    })
    const key = effectsOf(rejected.effects, "approval.submit")[0]!.key
    const refusal = { type: "DecideRemedyApproval", at: monday + minutes(140), approvalKey: key } as const
    rejected.do({ ...refusal, outcome: "rejected", comment: "金额过高" })
    const twice = handle(definition, rejected.state, { ...refusal, outcome: "rejected" })
    expect(Result.isSuccess(twice) && twice.success.events).toEqual([])
    expect(rejected.state.approvalRejections).toBe(1)
  })

  it("checks the company's approval policy when the process is built", () => {
    const policy = Approval.defaultApprovalPolicy
    const issues = (approvalPolicy: unknown) => {
      try {
        Complaints.complaintProcess({ calendar, approvalPolicy: approvalPolicy as Approval.ApprovalPolicy })
        return []
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError)
        return (error as ValidationError).issues.map((issue) => issue.path.join("."))
      }
    }
    expect(issues(policy)).toEqual([])
    expect(
      issues({
        ...policy,
        chains: { ...policy.chains, "complaint.remedy": { ...policy.chains["complaint.remedy"], steps: [] } },
      }),
    ).toEqual(["chains.complaint.remedy.steps"])
    expect(
      issues({
        ...policy,
        currency: "USD",
        authority: { ...policy.authority, currency: "USD" },
      }),
    ).toEqual(["currency"])
    const onForm = (formId: string) =>
      issues({
        ...policy,
        chains: { ...policy.chains, "complaint.remedy": { ...policy.chains["complaint.remedy"], formId } },
      })
    expect(onForm("complaint.handling")).toEqual([])
    expect(onForm("approval.gift")).toEqual(["chains.complaint.remedy.formId"])
  })

  it("refuses a remedy no post may grant, and a rejection below the policy's post", () => {
    const policy = Complaints.defaultComplaintPolicy
    const strict = Complaints.complaintProcess({
      calendar,
      policy: {
        ...policy,
        version: "strict-1",
        acceptance: { ...policy.acceptance, minimumRoleToReject: "supervisor" },
        authority: {
          ...policy.authority,
          limits: { "complaint.remedy": { officer: 500_00, supervisor: 2_000_00, manager: 10_000_00 } },
        },
      },
    })
    let state = strict.initialState
    const apply = (command: Complaints.ComplaintCommand) => {
      const decided = strict.decide(state, command)
      if (decided._tag === "Failure") return decided.failure
      for (const event of decided.success) state = strict.evolve(state, event)
      return undefined
    }
    apply({ type: "Register", at: monday, complaintId: "TS-2", actor: officer, registration: registration() })
    expect(
      apply({ type: "Reject", at: monday + 1, actor: officer, reason: "duplicate", explanation: "重复" }),
    ).toBeInstanceOf(PolicyRefusal)
    apply({ type: "Accept", at: monday + 2, actor: officer })
    apply({ type: "Classify", at: monday + 3, actor: officer, category: "quality", departmentId: "quality" })
    apply(ownSide(monday + 4))
    const refused = apply({
      type: "ProposeRemedy",
      at: monday + 5,
      actor: officer,
      remedies: [{ kind: "refund", amount: cny("20000") }],
    })
    expect(refused).toBeInstanceOf(NotWithinAuthority)
    expect(state.stage).toBe("proposing")
  })

  it("a promise later than the service level needs a supervisor", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-3",
      actor: officer,
      registration: registration(),
    })
    expect(
      story.refuse({ type: "Accept", at: monday + 1, actor: officer, promisedDate: "2026-02-27" as never }),
    ).toBeInstanceOf(PolicyRefusal)
    story.do({
      type: "Accept",
      at: monday + 1,
      actor: supervisor,
      handler: officer.personId,
      promisedDate: "2026-02-27" as never,
    })
    expect(story.state.handler).toBe(officer.personId)
  })

  it("does not accept a purchase beyond the complaint window (投诉时效)", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: monday,
      complaintId: "TS-4",
      actor: officer,
      registration: registration({ purchaseDate: "2024-11-30" }),
    })
    const refused = story.refuse({ type: "Accept", at: monday + 1, actor: officer })
    expect(refused).toBeInstanceOf(PolicyRefusal)
    expect((refused as PolicyRefusal).rule).toBe("acceptance.complaintWindowDays")
    story.do({
      type: "Reject",
      at: monday + 2,
      actor: officer,
      reason: "beyondTimeLimit",
      explanation: "购买已超过一年",
    })
  })
})

describe("bad input", () => {
  it("answers with a ValidationError naming the field, never a throw", () => {
    const story = acceptedStory(monday)
    const shares = story.refuse({
      ...ownSide(monday + minutes(100)),
      responsibility: [
        { departmentId: "quality", sharePercent: 60 },
        { departmentId: "logistics", sharePercent: 30 },
      ],
    })
    expect(shares).toBeInstanceOf(ValidationError)
    expect((shares as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual([
      "responsibility",
    ])
    const notOurs = story.refuse({ ...ownSide(monday + minutes(100)), ownSide: false })
    expect((notOurs as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual([
      "responsibility",
    ])
    const garbage = story.refuse({ type: "ProposeRemedy", at: "soon", actor: officer, remedies: [] } as never)
    expect((garbage as ValidationError).issues.map((issue) => issue.path.join(".")).sort()).toEqual([
      "at",
      "remedies",
    ])
    expect(story.refuse({ type: "Explode", at: 1 } as never)).toBeInstanceOf(ValidationError)
    expect(story.refuse(null as never)).toBeInstanceOf(ValidationError)
    const backwards = story.refuse({ type: "Withdraw", at: monday - 1, actor: officer, reason: "x" })
    expect((backwards as ValidationError).issues[0]?.path).toEqual(["at"])
    const form = new Story().refuse({
      type: "Register",
      at: monday,
      complaintId: "TS-5",
      actor: officer,
      registration: registration({ urgency: "soon" }),
    })
    expect((form as ValidationError).subject).toBe("complaint.registration")
    expect((form as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["urgency"])
  })
})

describe("policy versions (DESIGN rule 6)", () => {
  it("goes on under the policy a complaint was registered under, and says so when it is missing", () => {
    const first = Complaints.defaultComplaintPolicy
    const second = {
      ...first,
      version: "handbook-2026.2",
      sla: { ...first.sla, normal: { ...first.sla.normal, resolutionWorkingMinutes: 2400 } },
    }
    const before = Complaints.complaintProcess({ calendar, policy: first })
    let state = before.initialState
    for (const command of [
      { type: "Register", at: monday, complaintId: "TS-V", actor: officer, registration: registration() },
    ] as const) {
      const decided = before.decide(state, command)
      if (decided._tag === "Failure") throw decided.failure
      for (const event of decided.success) state = before.evolve(state, event)
    }
    expect(state.policyVersion).toBe("handbook-2026.1")
    const after = Complaints.complaintProcess({ calendar, policy: second, previousPolicies: [first] })
    const accepted = after.decide(state, { type: "Accept", at: monday + minutes(10), actor: officer })
    // Seven working days (3360 minutes) of the first policy, not the five of the second.
    const event = accepted._tag === "Success" ? accepted.success[0] : undefined
    expect(event?.type === "ComplaintAccepted" && event.resolution.workingMinutes).toBe(3360)
    // A new complaint is registered under the new policy.
    const fresh = after.decide(after.initialState, {
      type: "Register",
      at: monday,
      complaintId: "TS-W",
      actor: officer,
      registration: registration(),
    })
    expect(
      fresh._tag === "Success" &&
        fresh.success[0]?.type === "ComplaintRegistered" &&
        fresh.success[0].policyVersion,
    ).toBe("handbook-2026.2")
    const without = Complaints.complaintProcess({ calendar, policy: second })
    const refused = without.decide(state, { type: "Accept", at: monday + minutes(10), actor: officer })
    expect(refused._tag === "Failure" && refused.failure).toBeInstanceOf(PolicyRefusal)
    expect(() =>
      Complaints.complaintProcess({ calendar, policy: second, previousPolicies: [second] }),
    ).toThrow(/two complaint policies have the version/)
    expect(() =>
      Complaints.complaintProcess({
        calendar,
        policy: { ...first, sla: { ...first.sla, normal: { ...first.sla.normal, warningAtPercent: 0 } } },
      }),
    ).toThrow(ValidationError)
  })
})
