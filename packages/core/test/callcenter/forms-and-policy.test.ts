import { type AnyForm, CallCenter, locales } from "@tixi/core"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const forms: ReadonlyArray<AnyForm> = [
  CallCenter.inboundCallForm,
  CallCenter.outboundCallForm,
  CallCenter.phoneLogForm,
  CallCenter.interviewPlanForm,
  CallCenter.equipmentForm,
  CallCenter.monitoringSheetForm,
  CallCenter.agentEvaluationForm,
  CallCenter.calibrationSheetForm,
  CallCenter.operatingPlanForm,
] as unknown as ReadonlyArray<AnyForm>

describe("call-centre forms", () => {
  it.each(forms.map((form) => [form.id, form] as const))(
    "%s has bilingual labels and a handbook source",
    (_id, form) => {
      expect(form.id.startsWith("callcenter.")).toBe(true)
      expect(form.source).toMatch(/^00[04] ch\.[89]/)
      for (const locale of locales) expect(form.title[locale].length).toBeGreaterThan(0)
      for (const field of Object.values(form.fields)) {
        for (const locale of locales) expect(field.label[locale].length).toBeGreaterThan(0)
      }
    },
  )

  it("呼入记录表: records a call and refuses an end before the start", () => {
    const call = {
      callerOrganisation: "上海某贸易公司",
      startedAt: 1_000,
      endedAt: 61_000,
      callerName: "王女士",
      receiver: "agent-07",
      receiverNumber: "A07",
      content: "询问发票开具进度",
    }
    expect(Result.isSuccess(CallCenter.inboundCallForm.parse(call))).toBe(true)
    const backwards = CallCenter.inboundCallForm.parse({ ...call, endedAt: 500 })
    expect(Result.isFailure(backwards) && backwards.failure.issues[0]!.path).toEqual(["endedAt"])
  })

  it("电话记录表: a call that needs another must say why", () => {
    const log = {
      agent: "agent-07",
      filledOn: "2026-03-02",
      calls: [
        {
          callee: "李经理 / 某公司",
          phone: "021-5555 0101",
          calledAt: 1_000,
          durationMinutes: 3.5,
          purpose: "回访",
          callAgainNeeded: true,
        },
      ],
    }
    const parsed = CallCenter.phoneLogForm.parse(log)
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual([
      "calls",
      0,
      "callAgainReason",
    ])
  })

  it("电话访谈计划表: topics are the handbook's check boxes", () => {
    expect(CallCenter.CompanyTopic.values).toContain("productsAndServices")
    expect(CallCenter.WorkTopic.label("competitors", "zh-CN")).toBe("竞争对手")
  })
})

describe("call-centre policy", () => {
  it("accepts its defaults", () => {
    expect(Result.isSuccess(CallCenter.parseCallCentrePolicy(CallCenter.defaultCallCentrePolicy))).toBe(true)
    expect(CallCenter.defaultCallCentrePolicy.teamLeadSpan).toEqual({
      minAgentsPerLead: 12,
      maxAgentsPerLead: 14,
    })
  })

  it("names every bad number with its path", () => {
    const parsed = CallCenter.parseCallCentrePolicy({
      ...CallCenter.defaultCallCentrePolicy,
      targetServiceLevel: 1,
      intervalMinutes: 7,
      teamLeadSpan: { minAgentsPerLead: 14, maxAgentsPerLead: 12 },
    })
    expect(Result.isFailure(parsed)).toBe(true)
    if (Result.isFailure(parsed)) {
      const paths = parsed.failure.issues.map((issue) => issue.path.join("."))
      expect(paths).toEqual(expect.arrayContaining(["targetServiceLevel", "intervalMinutes"]))
    }
  })

  it("accepts any valid target and interval and rejects any shrinkage of 100 % or more", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom(5, 10, 15, 30, 60),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (target, interval, excess) => {
          const policy = {
            ...CallCenter.defaultCallCentrePolicy,
            targetServiceLevel: target,
            intervalMinutes: interval,
          }
          expect(Result.isSuccess(CallCenter.parseCallCentrePolicy(policy))).toBe(true)
          const overShrunk = {
            ...policy,
            shrinkage: [
              { id: "x", name: { "zh-CN": "某", en: "x" }, share: 0.99 },
              { id: "y", name: { "zh-CN": "某", en: "y" }, share: Math.min(0.99, excess / 3) },
            ],
          }
          expect(Result.isFailure(CallCenter.parseCallCentrePolicy(overShrunk))).toBe(true)
        },
      ),
      { numRuns: 50 },
    )
  })
})
