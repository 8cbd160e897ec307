// Organisation and access (issue 14's demo): the company on the 中小型企业 chart with each post's
// holders from the directory, an officer's command refused because the directory does not give
// him the post he claims, one complaint's registration as three readers see it (the complaint
// officer, the finance manager, and the CRM's users at the host's 内部 audience), and the audit
// trail's summary of the run.
import { Access, Complaints, ConfidentialityLevel, type Locale, Organisation, Role } from "@tixi/core"
import {
  type AuditSummary,
  AuditTrail,
  emptyAuditSummary,
  ProcessRuntime,
  summarizeAudit,
} from "@tixi/runtime"
import { Effect } from "effect"
import { company, companyChart, nameOf } from "./company.ts"
import { table } from "./text-table.ts"

/** One post of the company's chart, with the people the directory gives it. */
export interface ChartRow {
  readonly post: string
  readonly label: { readonly "zh-CN": string; readonly en: string }
  readonly rank: Role
  readonly reportsTo: string | undefined
  readonly merged: ReadonlyArray<string>
  readonly clearance: ConfidentialityLevel
  readonly holders: ReadonlyArray<string>
}

/** What one reader saw of the complaint's registration. */
export interface RegistrationView {
  readonly reader: { readonly "zh-CN": string; readonly en: string }
  readonly clearance: ConfidentialityLevel
  readonly shown: number
  readonly masked: ReadonlyArray<{
    readonly field: string
    readonly level: ConfidentialityLevel
    readonly reason: string
  }>
}

/** The demo section's figures. */
export interface OrganisationAccessReport {
  readonly chart: ReadonlyArray<ChartRow>
  readonly refusedClaim: {
    readonly personId: string
    readonly claimed: string
    readonly refusal: string
    readonly message: string
  }
  readonly complaintId: string
  readonly views: ReadonlyArray<RegistrationView>
  readonly audit: AuditSummary
}

/** The people of the simulated company who hold `post` once merges are resolved. */
const holdersOf = (organisation: Organisation.Organisation, post: string) =>
  company.people
    .filter((person) => person.posts.some((held) => organisation.holderOf(held)?.id === post))
    .map((person) => person.id as string)

/** The level of a field of 客户投诉登记表, as the form resolves it. */
const levelOf = (field: string): ConfidentialityLevel =>
  (Complaints.registrationForm.fields as Record<string, { readonly confidentiality?: ConfidentialityLevel }>)[
    field
  ]?.confidentiality ?? "confidential"

/** Reads the whole audit trail page by page (the demo's trail fits a few pages). */
const auditSummary = Effect.gen(function* () {
  const trail = yield* AuditTrail
  let summary = emptyAuditSummary
  let after: number | undefined
  for (;;) {
    const page = yield* trail.query({ limit: 10_000, after })
    summary = summarizeAudit(page, summary)
    if (page.length < 10_000) return summary
    after = page[page.length - 1]!.sequence
  }
})

/**
 * Runs the section against the simulation's runtime once the days are over: the chart, a claim
 * the directory refuses (sent to a real complaint, so the refusal is the runtime's), three views
 * of that complaint's registration (the two posts' reads recorded in the audit trail), and the
 * trail's summary.
 */
export const observeOrganisationAndAccess = (complaint: {
  readonly complaintId: string
  readonly registration: Complaints.Registration
  readonly handler: string
}) =>
  Effect.gen(function* () {
    const organisation = companyChart
    const chart = organisation.posts.map(
      (post): ChartRow => ({
        post: post.id,
        label: post.label,
        rank: post.rank,
        reportsTo: post.reportsTo,
        merged: post.absorbs,
        clearance: post.clearance,
        holders: holdersOf(organisation, post.id),
      }),
    )

    const runtime = yield* ProcessRuntime
    const claim = yield* Effect.flip(
      runtime.dispatch("complaint", complaint.complaintId, {
        type: "Accept",
        actor: { personId: complaint.handler, role: "director" },
        promisedDate: "2099-01-01",
      }),
    ).pipe(Effect.orElseSucceed(() => undefined))
    if (claim === undefined || claim._tag !== "PostNotHeld")
      return yield* Effect.die(new Error(`the directory let ${complaint.handler} act as director`))

    const trail = yield* AuditTrail
    const readers = [
      { person: complaint.handler, post: "complaintOfficer" },
      { person: "finance-zhou", post: "financeManager" },
    ] as const
    const views: Array<RegistrationView> = []
    for (const { person, post } of readers) {
      const resolved = organisation.holderOf(post)!
      const seen = Access.projectForm(
        Complaints.registrationForm,
        complaint.registration as never,
        Organisation.readerOfPost(resolved),
        Access.defaultAccessPolicy,
      )
      const shown = Object.keys(seen.values).filter(
        (key) => !Access.isMasked((seen.values as Record<string, unknown>)[key]),
      )
      yield* trail.recordRead(
        { personId: person, post: resolved.id },
        {
          process: "complaint",
          instanceId: complaint.complaintId,
          shownFields: shown.map((field) => ({ field, level: levelOf(field) })),
        },
        seen.masked,
      )
      views.push({
        reader: {
          "zh-CN": `${nameOf(person)}（${resolved.label["zh-CN"]}）`,
          en: `${nameOf(person)} (${resolved.label.en})`,
        },
        clearance: resolved.clearance,
        shown: shown.length,
        masked: seen.masked,
      })
    }
    const portal = Access.projectForm(
      Complaints.registrationForm,
      complaint.registration as never,
      { clearance: "internal", modules: new Set() },
      Access.defaultAccessPolicy,
    )
    views.push({
      reader: { "zh-CN": "CRM 用户（宿主受众：内部）", en: "CRM users (host audience: internal)" },
      clearance: "internal",
      shown: Object.keys(portal.values).length - portal.masked.length,
      masked: portal.masked,
    })

    return {
      chart,
      refusedClaim: {
        personId: complaint.handler,
        claimed: "director",
        refusal: claim._tag,
        message: claim.message,
      },
      complaintId: complaint.complaintId,
      views,
      audit: yield* auditSummary,
    } satisfies OrganisationAccessReport
  })

/** The section as text, after the officers' appraisal. */
export function renderOrganisationAccess(report: OrganisationAccessReport, locale: Locale): string {
  const zh = locale === "zh-CN"
  const out: Array<string> = []
  out.push(zh ? "\n== 组织与权限 ==" : "\n== Organisation and access ==")
  out.push(
    zh
      ? "中小型企业组织结构（岗位合并后），岗位由目录（通讯录）中的人员担任："
      : "The 中小型企业 (small and medium enterprise) chart after its merges, each post held by the people the directory gives it:",
  )
  out.push(
    table(
      (zh
        ? ["岗位", "级别", "上级", "并入", "密级", "任职人员"]
        : ["Post", "Rank", "Reports to", "Merged in", "Clearance", "Held by"]
      ).map((heading) => ({ heading })),
      report.chart.map((row) => [
        row.label[locale],
        Role.label(row.rank, locale),
        row.reportsTo === undefined
          ? "—"
          : (report.chart.find((each) => each.post === row.reportsTo)?.label[locale] ?? row.reportsTo),
        row.merged.length === 0
          ? "—"
          : row.merged
              .map((post) => (Organisation.Post.is(post) ? Organisation.Post.label(post, locale) : post))
              .join(zh ? "、" : ", "),
        ConfidentialityLevel.label(row.clearance, locale),
        row.holders.length === 0 ? "—" : row.holders.map(nameOf).join(zh ? "、" : ", "),
      ]),
    ),
  )
  out.push(
    zh
      ? `冒用岗位：${nameOf(report.refusedClaim.personId)} 以「总监」身份发送命令，被拒绝（${report.refusedClaim.refusal}）：${report.refusedClaim.message}`
      : `Claimed post: ${nameOf(report.refusedClaim.personId)} sent a command as director and was refused (${report.refusedClaim.refusal}): ${report.refusedClaim.message}`,
  )
  out.push(
    zh
      ? `同一投诉 ${report.complaintId} 的登记表，不同读者所见（被屏蔽的栏目显示为屏蔽，不会被悄悄删去）：`
      : `The registration of complaint ${report.complaintId} as each reader sees it (withheld fields are shown as withheld, never dropped):`,
  )
  out.push(
    table(
      (zh
        ? ["读者", "密级", "可见栏目", "屏蔽栏目"]
        : ["Reader", "Clearance", "Fields shown", "Fields withheld"]
      ).map((heading) => ({ heading })),
      report.views.map((view) => [
        view.reader[locale],
        ConfidentialityLevel.label(view.clearance, locale),
        String(view.shown),
        view.masked.length === 0
          ? "—"
          : view.masked
              .map((masked) => {
                const level = ConfidentialityLevel.label(masked.level, locale)
                return zh ? `${masked.field}（${level}）` : `${masked.field} (${level})`
              })
              .join(zh ? "、" : ", "),
      ]),
    ),
  )
  const { audit } = report
  out.push(
    zh
      ? `审计记录：共 ${audit.entries} 条（受理 ${audit.byOutcome.accepted}，拒绝 ${audit.byOutcome.refused}，失败 ${audit.byOutcome.failed}）；按岗位：${audit.byPost.map((row) => `${row.post} ${row.entries}`).join("，")}`
      : `Audit trail: ${audit.entries} entries (${audit.byOutcome.accepted} accepted, ${audit.byOutcome.refused} refused, ${audit.byOutcome.failed} failed); by post: ${audit.byPost.map((row) => `${row.post} ${row.entries}`).join(", ")}`,
  )
  return out.join("\n")
}
