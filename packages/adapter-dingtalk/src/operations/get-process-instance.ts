import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawProcessInstance } from "./raw-schemas.ts"

/**
 * One approval instance with its tasks, operation records and form values.
 * https://open.dingtalk.com/document/development/obtains-the-details-of-a-single-approval-instance-pop
 * `GET /v1.0/workflow/processInstances?processInstanceId=` (Workflow.Instance.Read)
 */
export const getProcessInstance = (client: DingTalkClient, processInstanceId: string) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "get", resource: "approval", id: processInstanceId },
      api: "api",
      method: "GET",
      path: "/v1.0/workflow/processInstances",
      query: { processInstanceId },
    }),
    (body) => ((body as { result?: RawProcessInstance })?.result ?? {}) as RawProcessInstance,
  )
