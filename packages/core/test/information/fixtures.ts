import { type CivilDate, chinaMainlandCalendar, Information, type Instant, personId } from "@tixi/core"
import { drive } from "../support/run-process.ts"

/** The working calendar remedy actions are counted in. */
export const calendar = chinaMainlandCalendar()

/** 信息保密管理流程 under the chart's default policy. */
export const flow = Information.informationConfidentialityProcess({ calendar })

/** A local Shanghai time as an instant. */
export const at = (date: string, time: string): Instant => calendar.instantAt(date as CivilDate, time)

/** The chart's lanes as actors: 客户服务部 (information supervisor and officer), the manager, the general manager. */
export const supervisor = { personId: personId("info-zhao"), role: "supervisor" } as const
export const officer = { personId: personId("info-qian"), role: "officer" } as const
export const manager = { personId: personId("manager-sun"), role: "manager" } as const

/** The outside reader named on the circulation list: a natural person whose data the PIPL protects. */
export const wang = personId("lawyer-wang")

export const classify = {
  type: "Classify",
  at: at("2026-04-01", "09:30"),
  matterId: "CONF-7",
  title: "大客户价格协议",
  classifier: supervisor,
  items: [
    { itemId: "prices", description: "协议价格表", level: "confidential" },
    { itemId: "contacts", description: "客户联系人名册", level: "secret" },
  ],
} as const satisfies Information.InformationConfidentialityCommand

export const circulation = {
  type: "SetCirculation",
  at: at("2026-04-01", "11:00"),
  by: supervisor,
  recipients: [
    {
      recipientId: "finance",
      post: "financeManager",
      clearance: "confidential",
      itemIds: ["prices", "contacts"],
    },
    {
      recipientId: "counsel",
      person: wang,
      name: "王律师",
      phone: "13800138000",
      clearance: "secret",
      itemIds: ["contacts"],
    },
  ],
} as const satisfies Information.InformationConfidentialityCommand

/** The approvers' decision on the approval the matter waits on. */
export const decide = (
  state: Information.InformationConfidentialityState,
  outcome: "approved" | "rejected",
  when: Instant,
): Information.InformationConfidentialityCommand => ({
  type: "DecideApproval",
  at: when,
  approvalKey: state.approval!.key,
  outcome,
  decidedBy: manager.personId,
  ...(outcome === "rejected" ? { comment: "密级划分过低" } : {}),
})

export const transfer = (copyNumber: number, itemId: string, recipientId: string) =>
  ({
    type: "TransferCopy",
    at: at("2026-04-01", "14:00"),
    copyNumber,
    itemId,
    recipientId,
    handedOverBy: officer,
  }) as const

/** ① classified and ✓ approved, the circulation list set: copies may be handed over. */
export function circulatingMatter() {
  const instance = drive(flow, "CONF-7")
  instance.must(classify)
  instance.must(decide(instance.state, "approved", at("2026-04-01", "10:00")))
  instance.must(circulation)
  return instance
}

/** ② copy 1 (prices) to finance and copy 2 (contacts) to 王律师, both signed for. */
export function withCopiesOut(instance: ReturnType<typeof circulatingMatter>) {
  instance.must(transfer(1, "prices", "finance"))
  instance.must(transfer(2, "contacts", "counsel"))
  instance.must({
    type: "SignForCopy",
    at: at("2026-04-01", "15:00"),
    copyNumber: 1,
    signedBy: manager.personId,
  })
  instance.must({ type: "SignForCopy", at: at("2026-04-01", "15:10"), copyNumber: 2, signedBy: wang })
  return instance
}

/** ③ a supervision round that found nothing. */
export const cleanAudit = {
  type: "Audit",
  at: at("2026-04-03", "10:00"),
  roundId: "R1",
  auditor: supervisor,
  findings: [],
} as const satisfies Information.InformationConfidentialityCommand

/** ⑥ the report, written at `when`. */
export const report = (when: Instant, summary: string) =>
  ({ type: "SubmitReport", at: when, author: supervisor, summary }) as const
