import { Complaints, type Enumeration } from "@tixi/core"
import { describe, expect, it } from "vitest"

const enumerations: ReadonlyArray<Enumeration<string>> = [
  Complaints.AcceptanceDecision,
  Complaints.Channel,
  Complaints.ComplaintStage,
  Complaints.ComplaintType,
  Complaints.ContentCategory,
  Complaints.CustomerKind,
  Complaints.FollowUpMethod,
  Complaints.GrievanceKind,
  Complaints.GrievancePriority,
  Complaints.ImprovementArea,
  Complaints.LitigationVerdict,
  Complaints.OpinionDepartment,
  Complaints.PauseReason,
  Complaints.RejectionReason,
  Complaints.RemedyKind,
  Complaints.ResolutionOutcome,
  Complaints.RootCause,
  Complaints.SanctionKind,
  Complaints.SatisfactionLevel,
  Complaints.Severity,
  Complaints.Urgency,
]

describe("complaint labels", () => {
  it.each(enumerations.map((enumeration) => [enumeration.name, enumeration] as const))(
    "%s labels every value in Chinese and English, each text distinct",
    (_name, enumeration) => {
      for (const locale of ["zh-CN", "en"] as const) {
        const texts = enumeration.values.map((value) => enumeration.label(value, locale))
        expect(texts.every((text) => text.trim().length > 0)).toBe(true)
        expect(new Set(texts).size).toBe(texts.length)
      }
    },
  )

  it("keeps the handbook's words and order", () => {
    expect(Complaints.Urgency.values.map((value) => Complaints.Urgency.label(value, "zh-CN"))).toEqual([
      "特急",
      "急",
      "普通",
    ])
    expect(Complaints.RootCause.values.map((value) => Complaints.RootCause.label(value, "zh-CN"))).toEqual([
      "严重原因",
      "偶发原因",
      "疏忽大意",
      "不可抗拒原因",
    ])
    expect(
      Complaints.Channel.values.slice(0, 5).map((value) => Complaints.Channel.label(value, "zh-CN")),
    ).toEqual(["信件", "传真", "电话", "采访", "店内"])
    expect(
      Complaints.ContentCategory.values.map((value) => Complaints.ContentCategory.label(value, "zh-CN")),
    ).toEqual(["品质", "数量", "货期", "态度", "服务", "其他"])
  })

  it("lists the host stages in pipeline order, closed only for 结案 and 不予受理", () => {
    const stages = Complaints.complaintStages
    expect(stages.map((stage) => stage.value)).toEqual(Complaints.ComplaintStage.values)
    expect(stages.filter((stage) => stage.state === "closed").map((stage) => stage.value)).toEqual([
      "closed",
      "rejected",
    ])
  })

  it("maps urgency to host priority, most urgent highest", () => {
    expect(Complaints.priorityOfUrgency).toEqual({ critical: "urgent", urgent: "high", normal: "normal" })
  })

  it("exports the host case fields with unique names and labelled options", () => {
    const names = Complaints.complaintCaseFields.map((spec) => spec.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((name) => /^complaint_[a-z_]+$/.test(name))).toBe(true)
    const urgency = Complaints.complaintCaseFields.find((spec) => spec.name === "complaint_urgency")
    expect(urgency?.options?.map((option) => option.label["zh-CN"])).toEqual(["特急", "急", "普通"])
    for (const spec of Complaints.complaintCaseFields) {
      if (spec.type === "choice" || spec.type === "multiChoice")
        expect(spec.options?.length).toBeGreaterThan(1)
    }
  })
})
