import type { DingTalkClient } from "../client/dingtalk-client.ts"

/**
 * Withdraws (撤销) a running instance as the system; DingTalk refuses within 15 s of creation.
 * https://open.dingtalk.com/document/development/revoke-an-approval-instance
 * `POST /v1.0/workflow/processInstances/terminate` (Workflow.Instance.Write)
 */
export const terminateProcessInstance = (client: DingTalkClient, processInstanceId: string, remark: string) =>
  client.call({
    site: { port: "Approvals", operation: "withdraw", resource: "approval", id: processInstanceId },
    api: "api",
    method: "POST",
    path: "/v1.0/workflow/processInstances/terminate",
    json: { processInstanceId, isSystem: true, remark: remark.slice(0, 1024) },
  })
