import { createOnce, type IdMapping, withheldFromApprovers } from "@tixi/adapter-kit"
import {
  type ApprovalRecord,
  type ApprovalSubmission,
  type ApprovalsService,
  approvalId,
  InvalidRequest,
  PortFailure,
} from "@tixi/core"
import { Clock, Effect, Result } from "effect"
import { retryPolicy, type WeComClient } from "../client/wecom-client.ts"
import { renderContents } from "../forms/render-values.ts"
import { applyEvent } from "../operations/apply-event.ts"
import { getApprovalDetail } from "../operations/get-approval-detail.ts"
import { type ApprovalNumberPage, getApprovalInfo } from "../operations/get-approval-info.ts"
import type { RawApprovalDetail } from "../operations/raw-schemas.ts"
import { recordOf, referencesOf } from "./map-detail.ts"
import { referenceSummaryLine, summaryLine } from "./summary-line.ts"
import type { WeComTemplates } from "./template-registry.ts"

const invalid = (
  operation: string,
  fields: ReadonlyArray<{ field: string; message: string }>,
  detail?: string,
) =>
  new PortFailure({
    port: "Approvals",
    operation,
    reason: new InvalidRequest({ fields: [...fields] }),
    detail: detail ?? fields.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
  })

/** The WeCom approvals service and what the callbacks need of it. */
export interface WeComApprovals extends ApprovalsService {
  readonly detail: (spNo: string) => Effect.Effect<RawApprovalDetail, PortFailure>
  /** Approvals of tixi's templates submitted in a window, for reconciliation after an outage. */
  readonly list: (from: number, to: number) => Effect.Effect<ReadonlyArray<ApprovalRecord>, PortFailure>
}

const day = 86_400_000

/**
 * Approvals on WeCom (审批应用). A submission becomes one `applyevent` with the chain as
 * `process.node_list` (type 1 approvers; `apv_rel` 1 for 会签, 2 for 或签: the reverse of
 * the legacy `approver[].attr` and of `approverattr` in the details) and a summary for the
 * cards; control ids come from the template as WeCom holds it, matched by title.
 *
 * Idempotency: WeCom takes no idempotency key, so every approval carries the submission key in
 * tixi's reference control; `submit` looks in memory, then lists the template's approvals by the
 * same creator over `idempotencyWindowDays` (`getapprovalinfo`, 31-day slices) and matches the
 * reference in each one's details; `applyevent` itself is never blindly repeated: after a lost
 * reply the approval is looked for first (`createOnce`). WeCom's API cannot withdraw an approval:
 * `withdraw` refuses a pending one with a typed error (the applicant withdraws it in WeCom), and
 * accepts one already withdrawn.
 */
export function makeWeComApprovals(
  client: WeComClient,
  templates: WeComTemplates,
  ids: IdMapping,
): WeComApprovals {
  const { settings } = client
  const byKey = new Map<string, string>()
  const detail = (spNo: string) => getApprovalDetail(client, spNo)
  const get = (spNo: string) =>
    Effect.map(detail(spNo), (raw) => recordOf({ sp_no: spNo, ...raw }, settings.locale, ids.personIdOf))

  const numbers = (templateId: string, from: number, to: number, creator?: string) =>
    Effect.gen(function* () {
      const found: Array<string> = []
      for (let end = to; end > from; end -= 31 * day) {
        const start = Math.max(from, end - 31 * day)
        let cursor: string | undefined = ""
        while (cursor !== undefined) {
          const page: ApprovalNumberPage = yield* getApprovalInfo(client, {
            starttime: Math.floor(start / 1000),
            endtime: Math.floor(end / 1000),
            new_cursor: cursor,
            filters: [
              { key: "template_id", value: templateId },
              ...(creator === undefined ? [] : [{ key: "creator" as const, value: creator }]),
            ],
          })
          found.push(...page.spNos)
          cursor = page.nextCursor
        }
      }
      return found
    })

  const search = (key: string, templateIds: ReadonlyArray<string>, creator?: string) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      for (const templateId of templateIds) {
        for (const spNo of yield* numbers(
          templateId,
          now - settings.idempotencyWindowDays * day,
          now,
          creator,
        )) {
          const raw = yield* detail(spNo)
          if (referencesOf(raw, settings.locale)?.key === key) {
            byKey.set(key, spNo)
            return recordOf({ sp_no: spNo, ...raw }, settings.locale, ids.personIdOf)
          }
        }
      }
      return undefined
    })

  const submit = (submission: ApprovalSubmission) =>
    Effect.gen(function* () {
      const problems: Array<{ field: string; message: string }> = []
      if (submission.key.length === 0) problems.push({ field: "key", message: "must not be empty" })
      if (submission.steps.length === 0) problems.push({ field: "steps", message: "needs at least one step" })
      submission.steps.forEach((step, index) => {
        if (step.approvers.length === 0)
          problems.push({ field: `steps[${index}].approvers`, message: "nobody to approve" })
      })
      if (problems.length > 0) return yield* invalid("submit", problems)
      const known = byKey.get(submission.key)
      if (known !== undefined) return yield* get(known)
      const form = yield* templates.formOf(submission.formId)
      const templateId = yield* templates.templateIdOf(submission.formId)
      const creator = ids.userIdOf(submission.originator)
      const found = yield* search(submission.key, [templateId], creator)
      if (found) return found
      const template = yield* templates.detailOf(templateId)
      const contents = yield* Effect.try({
        try: () =>
          renderContents(
            form,
            template.controls,
            submission.values,
            { businessKey: submission.businessKey, requestType: submission.requestType, key: submission.key },
            settings.locale,
            ids,
            withheldFromApprovers(form, submission.values, settings.approverAudience, settings.accessPolicy),
          ),
        catch: (error) => error as PortFailure,
      })
      if (Result.isFailure(contents)) {
        return yield* invalid(
          "submit",
          contents.failure.issues.map((issue) => ({
            field: ["values", ...issue.path].join("."),
            message: issue.message,
          })),
        )
      }
      const apply = applyEvent(client, {
        creator_userid: creator,
        template_id: templateId,
        use_template_approver: 0,
        process: {
          node_list: submission.steps.map((step) => ({
            type: 1 as const,
            apv_rel: step.mode === "all" ? (1 as const) : (2 as const),
            userid: step.approvers.map(ids.userIdOf),
          })),
        },
        apply_data: { contents: contents.success },
        summary_list: [
          { summary_info: [{ text: summaryLine(submission.title[settings.locale]), lang: "zh_CN" }] },
          {
            summary_info: [
              {
                text: referenceSummaryLine(
                  submission.businessKey,
                  settings.locale === "zh-CN" ? "单号" : "Ref",
                ),
                lang: "zh_CN",
              },
            ],
          },
        ],
      }).pipe(
        Effect.tapError((failure) =>
          Effect.sync(() => failure.reason._tag === "InvalidRequest" && templates.forget(templateId)),
        ),
        Effect.flatMap((spNo) =>
          Effect.map(Clock.currentTimeMillis, (now): ApprovalRecord => {
            byKey.set(submission.key, spNo)
            return {
              id: approvalId(spNo),
              key: submission.key,
              businessKey: submission.businessKey,
              requestType: submission.requestType,
              state: "pending",
              decisions: [],
              submittedAt: now,
              finishedAt: undefined,
            }
          }),
        ),
      )
      // A reply lost on its way back leaves the approval submitted: look for it before applying again.
      return yield* createOnce({
        create: apply,
        find: search(submission.key, [templateId], creator),
        retry: retryPolicy,
      })
    })

  return {
    host: "wecom",
    submit,
    get,
    detail,
    withdraw: (id) =>
      Effect.gen(function* () {
        const current = yield* get(id)
        if (current.state === "withdrawn") return current
        return yield* invalid(
          "withdraw",
          [
            {
              field: "id",
              message:
                current.state === "pending"
                  ? "WeCom's API cannot withdraw an approval"
                  : `approval is ${current.state}`,
            },
          ],
          current.state === "pending"
            ? `WeCom's API has no withdrawal: the applicant withdraws ${id} in WeCom (撤销), and its callback reports it`
            : `cannot withdraw a ${current.state} approval`,
        )
      }),
    findByKey: (key) =>
      Effect.gen(function* () {
        const known = byKey.get(key)
        if (known !== undefined) return yield* get(known)
        return yield* search(key, templates.allTemplateIds())
      }),
    list: (from, to) =>
      Effect.gen(function* () {
        const records: Array<ApprovalRecord> = []
        for (const templateId of templates.allTemplateIds()) {
          for (const spNo of yield* numbers(templateId, from, to)) records.push(yield* get(spNo))
        }
        return records
      }),
  }
}
