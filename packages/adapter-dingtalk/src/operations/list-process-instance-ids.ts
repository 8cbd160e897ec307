import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"

/** A page of instance ids. */
export interface InstanceIdPage {
  readonly ids: ReadonlyArray<string>
  readonly nextToken: number | undefined
}

/**
 * Instance ids of a template started in a window (≤ 120 days), 20 per page, optionally by originator.
 * https://open.dingtalk.com/document/development/obtain-an-approval-list-of-instance-ids
 * `POST /v1.0/workflow/processes/instanceIds/query` (Workflow.Instance.Read)
 */
export const listProcessInstanceIds = (
  client: DingTalkClient,
  input: {
    readonly processCode: string
    readonly startTime: number
    readonly endTime: number
    readonly nextToken: number
    readonly userIds?: ReadonlyArray<string>
  },
) =>
  Effect.map(
    client.call({
      site: {
        port: "Approvals",
        operation: "listInstanceIds",
        resource: "processCode",
        id: input.processCode,
      },
      api: "api",
      method: "POST",
      path: "/v1.0/workflow/processes/instanceIds/query",
      json: { ...input, maxResults: 20 },
    }),
    (body): InstanceIdPage => {
      const result = (body as { result?: { list?: unknown; nextToken?: unknown } })?.result
      const next = result?.nextToken
      return {
        ids: Array.isArray(result?.list) ? result.list.map(String) : [],
        nextToken: next === undefined || next === null || next === "" ? undefined : Number(next),
      }
    },
  )
