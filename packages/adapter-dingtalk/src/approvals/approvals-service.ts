import type { IdMapping } from "@tixi/adapter-kit"
import {
  createOnce,
  approvalReferenceControls as markerControls,
  referenceValue,
  withheldFromApprovers,
} from "@tixi/adapter-kit"
import {
  type ApprovalRecord,
  type ApprovalSubmission,
  type ApprovalsService,
  approvalId,
  InvalidRequest,
  PortFailure,
} from "@tixi/core"
import { Clock, Effect, Result } from "effect"
import { type DingTalkClient, retryPolicy } from "../client/dingtalk-client.ts"
import { renderValues } from "../forms/render-values.ts"
import { getProcessInstance } from "../operations/get-process-instance.ts"
import { type InstanceIdPage, listProcessInstanceIds } from "../operations/list-process-instance-ids.ts"
import type { RawProcessInstance } from "../operations/raw-schemas.ts"
import { startProcessInstance } from "../operations/start-process-instance.ts"
import { terminateProcessInstance } from "../operations/terminate-process-instance.ts"
import { recordOf, referencesOf } from "./map-instance.ts"
import type { TemplateRegistry } from "./process-codes.ts"

const invalid = (operation: string, fields: ReadonlyArray<{ field: string; message: string }>) =>
  new PortFailure({
    port: "Approvals",
    operation,
    reason: new InvalidRequest({ fields: [...fields] }),
    detail: fields.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
  })

function checkSteps(submission: ApprovalSubmission): PortFailure | undefined {
  const problems: Array<{ field: string; message: string }> = []
  if (submission.key.length === 0) problems.push({ field: "key", message: "must not be empty" })
  if (submission.steps.length === 0) problems.push({ field: "steps", message: "needs at least one step" })
  if (submission.steps.length > 20)
    problems.push({ field: "steps", message: "DingTalk takes at most 20 nodes" })
  submission.steps.forEach((step, index) => {
    if (step.approvers.length === 0)
      problems.push({ field: `steps[${index}].approvers`, message: "nobody to approve" })
  })
  return problems.length === 0 ? undefined : invalid("submit", problems)
}

/** The DingTalk approvals service and what the adapter's callbacks need of it. */
export interface DingTalkApprovals extends ApprovalsService {
  /** The raw instance, read once per call (callbacks map outcomes from it). */
  readonly instance: (id: string) => Effect.Effect<RawProcessInstance, PortFailure>
}

/**
 * Approvals on DingTalk OA (审批). A submission becomes one instance of its form's template with
 * an explicit approver list (`approvers[{actionType: AND|OR|NONE, userIds}]`, one node per step).
 *
 * Idempotency: DingTalk's create call takes no idempotency key, so every instance carries the
 * submission key in tixi's reference control. `submit` first looks in memory, then searches the
 * template's instances by the same originator within `idempotencyWindowDays` and matches the
 * reference, so a submission retried after a crash between DingTalk's answer and tixi recording
 * the id finds the instance instead of opening a second one. The start call itself is never
 * blindly repeated: after a lost reply (a timeout, a dropped connection, a server error) the
 * instance is looked for first (`createOnce`).
 */
export function makeDingTalkApprovals(
  client: DingTalkClient,
  templates: TemplateRegistry,
  ids: IdMapping,
): DingTalkApprovals {
  const { settings } = client
  const byKey = new Map<string, string>()
  const window = settings.idempotencyWindowDays * 86_400_000

  const instance = (id: string) => getProcessInstance(client, id)
  const get = (id: string) =>
    Effect.map(instance(id), (raw) => recordOf(id, raw, settings.locale, ids.personIdOf))

  /** Searches instances of the templates for the one carrying `key` in its reference control. */
  const search = (key: string, processCodes: ReadonlyArray<string>, originator?: string) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      for (const processCode of processCodes) {
        // DingTalk lists at most 120 days per query; walk the window back in slices.
        for (let end = now; end > now - window; end -= 120 * 86_400_000) {
          const start = Math.max(now - window, end - 120 * 86_400_000)
          let nextToken: number | undefined = 0
          while (nextToken !== undefined) {
            const page: InstanceIdPage = yield* listProcessInstanceIds(client, {
              processCode,
              startTime: start,
              endTime: end,
              nextToken,
              ...(originator === undefined ? {} : { userIds: [originator] }),
            })
            for (const id of page.ids) {
              const raw = yield* instance(id)
              if (referencesOf(raw, settings.locale)?.key === key) {
                byKey.set(key, id)
                return recordOf(id, raw, settings.locale, ids.personIdOf)
              }
            }
            nextToken = page.nextToken
          }
        }
      }
      return undefined
    })

  const submit = (submission: ApprovalSubmission) =>
    Effect.gen(function* () {
      const problem = checkSteps(submission)
      if (problem) return yield* problem
      const known = byKey.get(submission.key)
      if (known !== undefined) return yield* get(known)
      const form = yield* templates.formOf(submission.formId)
      const processCode = yield* templates.processCodeOf(submission.formId)
      const originatorUserId = ids.userIdOf(submission.originator)
      const found = yield* search(submission.key, [processCode], originatorUserId)
      if (found) return found
      const values = renderValues(
        form,
        submission.values,
        settings.locale,
        ids,
        withheldFromApprovers(form, submission.values, settings.approverAudience, settings.accessPolicy),
      )
      if (Result.isFailure(values)) {
        return yield* invalid(
          "submit",
          values.failure.issues.map((issue) => ({
            field: ["values", ...issue.path].join("."),
            message: issue.message,
          })),
        )
      }
      const labels = settings.locale
      const formComponentValues = [
        ...values.success,
        {
          name: markerControls.businessKey.label[labels],
          value: submission.businessKey,
          componentType: "TextField",
        },
        {
          name: markerControls.reference.label[labels],
          value: referenceValue(submission.requestType, submission.key),
          componentType: "TextField",
        },
      ]
      const approvers = submission.steps.map((step) => ({
        actionType:
          step.approvers.length === 1
            ? ("NONE" as const)
            : step.mode === "all"
              ? ("AND" as const)
              : ("OR" as const),
        userIds: step.approvers.map(ids.userIdOf),
      }))
      const start = startProcessInstance(client, {
        processCode,
        originatorUserId,
        approvers,
        formComponentValues,
        ...(settings.agentId === undefined ? {} : { microappAgentId: settings.agentId }),
      }).pipe(
        Effect.flatMap((instanceId) =>
          Effect.map(Clock.currentTimeMillis, (now): ApprovalRecord => {
            byKey.set(submission.key, instanceId)
            return {
              id: approvalId(instanceId),
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
        Effect.mapError((failure) => {
          // DingTalk names the control by its label; say which tixi field that is.
          if (failure.reason._tag !== "InvalidRequest" || failure.reason.fields === undefined) return failure
          const fieldOf = new Map(
            Object.entries(form.fields).map(([key, field]) => [field.label[labels], key]),
          )
          const fields = failure.reason.fields.map((entry) => ({
            field: fieldOf.has(entry.field) ? `values.${fieldOf.get(entry.field)}` : entry.field,
            message: `${entry.message} (the template's control does not match the form: run install)`,
          }))
          return new PortFailure({
            port: failure.port,
            operation: failure.operation,
            reason: new InvalidRequest({ fields }),
            detail: `${failure.detail}; field ${fields[0]?.field}: the template's control does not match the form, run install`,
            ...(failure.vendor === undefined ? {} : { vendor: failure.vendor }),
          })
        }),
      )
      // A reply lost on its way back leaves the instance opened: look for it before starting again.
      return yield* createOnce({
        create: start,
        find: search(submission.key, [processCode], originatorUserId),
        retry: retryPolicy,
      })
    })

  return {
    host: "dingtalk",
    submit,
    get,
    instance,
    withdraw: (id, reason) =>
      Effect.gen(function* () {
        const current = yield* get(id)
        if (current.state === "withdrawn") return current
        if (current.state !== "pending") {
          return yield* invalid("withdraw", [{ field: "id", message: `approval is ${current.state}` }])
        }
        yield* terminateProcessInstance(client, id, reason)
        return yield* get(id)
      }),
    findByKey: (key) =>
      Effect.gen(function* () {
        const known = byKey.get(key)
        if (known !== undefined) return yield* get(known)
        return yield* search(key, yield* templates.allProcessCodes)
      }),
  }
}
