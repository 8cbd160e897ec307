import { Approval, Complaints, Money, NotWithinAuthority, type ValidationError } from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const { defaultComplaintPolicy, parseComplaintPolicy, remedyApprovalRoute } = Complaints

const pathsOf = (result: Result.Result<unknown, ValidationError>) =>
  Result.isFailure(result) ? result.failure.issues.map((issue) => issue.path.join(".")) : []

describe("complaints policy", () => {
  it("validates its own defaults: 特急 2 working hours / 1 working day, escalation up to the director", () => {
    const parsed = Result.getOrThrow(parseComplaintPolicy(defaultComplaintPolicy))
    expect(parsed).toEqual(defaultComplaintPolicy)
    expect(parsed.sla.critical.firstResponseWorkingMinutes).toBe(120)
    expect(parsed.sla.critical.resolutionWorkingMinutes).toBe(480)
    expect(parsed.sla.normal.escalation.map((rung) => rung.role)).toEqual([
      "supervisor",
      "manager",
      "director",
    ])
  })

  it("lays a company's changes over the defaults", () => {
    const parsed = Result.getOrThrow(
      parseComplaintPolicy({
        version: "acme-3",
        sla: { normal: { resolutionWorkingMinutes: 2400 } },
        approval: { financeCountersignFromMinor: null },
      }),
    )
    expect(parsed.version).toBe("acme-3")
    expect(parsed.sla.normal.resolutionWorkingMinutes).toBe(2400)
    expect(parsed.sla.normal.firstResponseWorkingMinutes).toBe(480)
    expect(parsed.sla.urgent).toEqual(defaultComplaintPolicy.sla.urgent)
    expect(parsed.approval).toEqual({ financeCountersignFromMinor: null, chain: "lowest", stepMode: "any" })
  })

  it("names every bad value with its path", () => {
    const parsed = parseComplaintPolicy({
      version: "",
      currency: "XYZ",
      sla: { critical: { warningAtPercent: 100, firstResponseWorkingMinutes: 1.5 } },
      pause: { maximumWorkingMinutes: 0 },
      reopen: { minimumRole: "finance" },
      extra: true,
    })
    expect(pathsOf(parsed).sort()).toEqual(
      [
        "",
        "version",
        "currency",
        "sla.critical.firstResponseWorkingMinutes",
        "sla.critical.warningAtPercent",
        "pause.maximumWorkingMinutes",
        "reopen.minimumRole",
      ].sort(),
    )
  })

  it("wants ladders that climb, first responses before resolutions, and urgency that is faster", () => {
    const parsed = parseComplaintPolicy({
      sla: {
        critical: { resolutionWorkingMinutes: 5000, firstResponseWorkingMinutes: 600 },
        normal: {
          escalation: [
            { role: "manager", afterDueWorkingMinutes: 480 },
            { role: "supervisor", afterDueWorkingMinutes: 0 },
          ],
        },
      },
    })
    expect(pathsOf(parsed)).toEqual([
      "sla.normal.escalation.1.role",
      "sla.normal.escalation.1.afterDueWorkingMinutes",
      "sla.critical.resolutionWorkingMinutes",
      "sla.critical.firstResponseWorkingMinutes",
    ])
    expect(
      pathsOf(parseComplaintPolicy({ sla: { urgent: { firstResponseWorkingMinutes: 2000 } } })),
    ).toContain("sla.urgent.firstResponseWorkingMinutes")
  })

  it("checks the authority limits and their currency", () => {
    const authority = defaultComplaintPolicy.authority
    expect(
      pathsOf(
        parseComplaintPolicy({
          authority: {
            ...authority,
            limits: { "complaint.remedy": { officer: 100_000, supervisor: 50_000 } },
          },
        }),
      ),
    ).toEqual(["authority.limits.complaint.remedy.supervisor"])
    expect(pathsOf(parseComplaintPolicy({ currency: "USD" }))).toEqual(["authority.currency"])
    // The authority policy replaces the default as a whole: without remedy limits nobody may grant one.
    expect(pathsOf(parseComplaintPolicy({ authority: { ...authority, limits: { other: {} } } }))).toEqual([
      "authority.limits.complaint.remedy",
    ])
    expect(pathsOf(parseComplaintPolicy({ authority: { limits: {} } }))).toEqual([
      "authority.version",
      "authority.currency",
    ])
  })

  it("refuses what is not an object", () => {
    expect(pathsOf(parseComplaintPolicy(null))).toEqual([""])
    expect(pathsOf(parseComplaintPolicy([1]))).toEqual([""])
  })

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const parsed = parseComplaintPolicy(input)
        expect(Result.isSuccess(parsed) || parsed.failure._tag === "ValidationError").toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe("remedy approval routing (权责内 / 权责外 → 审批)", () => {
  const cny = (major: string) => Money.ofMajor(major, "CNY")

  it("within the officer's authority no approval is needed", () => {
    expect(Result.getOrThrow(remedyApprovalRoute(defaultComplaintPolicy, "officer", cny("500")))).toEqual({
      required: false,
    })
  })

  it("above it the lowest post whose limit covers the total decides", () => {
    expect(
      Result.getOrThrow(remedyApprovalRoute(defaultComplaintPolicy, "officer", cny("500.01"))),
    ).toMatchObject({
      required: true,
      decidingRole: "supervisor",
      steps: [{ mode: "any", approvers: [{ role: "supervisor" }] }],
    })
    expect(
      Result.getOrThrow(remedyApprovalRoute(defaultComplaintPolicy, "officer", cny("8000"))),
    ).toMatchObject({
      required: true,
      decidingRole: "manager",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
    })
  })

  it("finance countersigns from the threshold on", () => {
    expect(
      Result.getOrThrow(remedyApprovalRoute(defaultComplaintPolicy, "supervisor", cny("10000"))),
    ).toMatchObject({
      required: true,
      decidingRole: "manager",
      steps: [
        { mode: "any", approvers: [{ role: "manager" }] },
        { mode: "any", approvers: [{ role: "finance" }] },
      ],
    })
  })

  it("with a ladder chain every post from the one above the handler signs (逐级审批)", () => {
    const policy = {
      ...defaultComplaintPolicy,
      approval: { ...defaultComplaintPolicy.approval, chain: "ladder" as const },
    }
    const route = Result.getOrThrow(remedyApprovalRoute(policy, "officer", cny("30000")))
    expect(route.required && route.steps.map((step) => step.approvers)).toEqual([
      [{ role: "supervisor" }],
      [{ role: "manager" }],
      [{ role: "director" }],
      [{ role: "finance" }],
    ])
  })

  it("takes the company's configurable chain and form when an approval policy is given", () => {
    const route = Result.getOrThrow(
      remedyApprovalRoute(defaultComplaintPolicy, "officer", cny("8000"), Approval.defaultApprovalPolicy),
    )
    expect(route).toMatchObject({
      required: true,
      decidingRole: "manager",
      formId: "approval.complaintRemedy",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
    })
    expect(
      Result.getOrThrow(
        remedyApprovalRoute(defaultComplaintPolicy, "officer", cny("300"), Approval.defaultApprovalPolicy),
      ),
    ).toEqual({ required: false })
  })

  it("refuses when no post may grant the amount", () => {
    const policy = Result.getOrThrow(
      parseComplaintPolicy({
        authority: {
          ...defaultComplaintPolicy.authority,
          limits: {
            "complaint.remedy": {
              officer: 500_00,
              supervisor: 2_000_00,
              manager: 10_000_00,
              director: 50_000_00,
              generalManager: 100_000_00,
            },
          },
        },
      }),
    )
    const refused = remedyApprovalRoute(policy, "officer", cny("100000.01"))
    expect(Result.isFailure(refused) && refused.failure).toBeInstanceOf(NotWithinAuthority)
  })
})

describe("complaint analysis policy (客户投诉分析流程)", () => {
  const { defaultComplaintAnalysisPolicy, parseComplaintAnalysisPolicy } = Complaints

  it("validates its own defaults: the manager approves, overdue measures climb to the director", () => {
    const parsed = Result.getOrThrow(parseComplaintAnalysisPolicy(defaultComplaintAnalysisPolicy))
    expect(parsed).toEqual(defaultComplaintAnalysisPolicy)
    expect(parsed.followUp.rungs.map((rung) => rung.role)).toEqual(["supervisor", "manager", "director"])
  })

  it("names the field of an officer approving, a ladder climbing down and an unknown currency", () => {
    const parsed = parseComplaintAnalysisPolicy({
      ...defaultComplaintAnalysisPolicy,
      currency: "XXX",
      approverRole: "officer",
      followUp: {
        remindBeforeWorkingMinutes: 480,
        rungs: [
          { role: "manager", afterDueWorkingMinutes: 0 },
          { role: "supervisor", afterDueWorkingMinutes: 480 },
        ],
      },
    })
    expect(pathsOf(parsed)).toEqual(["currency", "followUp.rungs.1.role", "approverRole"])
    const officer = parseComplaintAnalysisPolicy({
      ...defaultComplaintAnalysisPolicy,
      approverRole: "officer",
    })
    expect(pathsOf(officer)).toEqual(["approverRole"])
    expect(
      pathsOf(parseComplaintAnalysisPolicy({ ...defaultComplaintAnalysisPolicy, maximumWorkingDays: 0 })),
    ).toEqual(["maximumWorkingDays"])
  })
})
