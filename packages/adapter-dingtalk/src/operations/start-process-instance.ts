import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawFormComponentValue } from "./raw-schemas.ts"

/** What `startProcessInstance` sends. */
export interface StartInstanceInput {
  readonly processCode: string
  readonly originatorUserId: string
  /** The explicit chain (≤ 20 nodes); absent to use the template's own flow, which then needs `deptId`. */
  readonly approvers?: ReadonlyArray<{
    readonly actionType: "AND" | "OR" | "NONE"
    readonly userIds: ReadonlyArray<string>
  }>
  readonly deptId?: number
  readonly formComponentValues: ReadonlyArray<RawFormComponentValue>
  readonly microappAgentId?: number
}

/**
 * Starts an approval instance; returns its instanceId. DingTalk takes no idempotency key, so this
 * sends once; retry it with `createOnce`.
 * https://open.dingtalk.com/document/development/create-an-approval-instance
 * `POST /v1.0/workflow/processInstances` (Workflow.Instance.Write)
 */
export const startProcessInstance = (client: DingTalkClient, input: StartInstanceInput) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "submit", resource: "processCode", id: input.processCode },
      api: "api",
      method: "POST",
      path: "/v1.0/workflow/processInstances",
      json: input,
      // No idempotency key: the caller retries with createOnce, looking for a lost instance first.
      retry: false,
    }),
    (body) => String((body as { instanceId?: unknown })?.instanceId ?? ""),
  )
