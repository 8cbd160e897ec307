import { XMLParser } from "fast-xml-parser"
import { xmlText } from "../operations/soap/partner-envelope.ts"
import type { RawApprovalResult } from "../vendor/rest.ts"
import type { FakeApprovalEngine } from "./approval-engine.ts"
import type { Caller, FakeSalesforceOrg } from "./fake-org.ts"
import { FakeRequestError } from "./org-errors.ts"

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`

const xml = (body: string, status: number, headers: Record<string, string>) =>
  new Response(envelope(body), { status, headers: { "content-type": "text/xml;charset=UTF-8", ...headers } })

const fault = (code: string, message: string, headers: Record<string, string> = {}) =>
  xml(
    `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${xmlText(`${code}: ${message}`)}</faultstring></soapenv:Fault>`,
    500,
    headers,
  )

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => name === "actions" || name === "nextApproverIds",
})

type Node = Record<string, unknown>
const child = (node: unknown, name: string): unknown =>
  node && typeof node === "object" ? (node as Node)[name] : undefined
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

const resultXml = (result: RawApprovalResult) =>
  [
    "<result>",
    ...(result.actorIds ?? []).map((id) => `<actorIds>${id}</actorIds>`),
    result.entityId === null ? "" : `<entityId>${result.entityId}</entityId>`,
    ...(result.errors ?? []).map(
      (error) =>
        `<errors>${(error.fields ?? []).map((field) => `<fields>${xmlText(field)}</fields>`).join("")}<message>${xmlText(error.message)}</message><statusCode>${error.statusCode ?? error.errorCode ?? "UNKNOWN_EXCEPTION"}</statusCode></errors>`,
    ),
    result.instanceId === null ? "" : `<instanceId>${result.instanceId}</instanceId>`,
    result.instanceStatus === null ? "" : `<instanceStatus>${result.instanceStatus}</instanceStatus>`,
    ...(result.newWorkitemIds ?? []).map((id) => `<newWorkitemIds>${id}</newWorkitemIds>`),
    `<success>${result.success}</success>`,
    "</result>",
  ].join("")

/**
 * The Partner SOAP API of a fake org, as far as tixi uses it: `process()` with
 * `ProcessWorkitemRequest`s (Approve, Reject, Removed). The session comes from `SessionHeader`
 * (a missing or unknown one is the fault `INVALID_SESSION_ID`), the client name from
 * `CallOptions`; a call the fake does not serve is the fault `INVALID_OPERATION`.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_header_sessionheader.htm
export async function handleSoap(
  org: FakeSalesforceOrg,
  approvals: FakeApprovalEngine,
  request: Request,
  version: string,
): Promise<Response> {
  let document: unknown
  try {
    document = parser.parse(await request.text(), true)
  } catch {
    return fault("INVALID_XML", "the request is not well-formed XML")
  }
  const root = child(document, "Envelope")
  const sessionId = text(child(child(child(root, "Header"), "SessionHeader"), "sessionId"))
  const userId = sessionId === undefined ? undefined : org.sessions.get(sessionId)
  if (userId === undefined) return fault("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader")
  try {
    org.countCall("soap")
  } catch (error) {
    if (error instanceof FakeRequestError) return fault(error.errorCode, error.message)
    throw error
  }
  const headers = { "sforce-limit-info": org.limitInfo() }
  const client = text(child(child(child(root, "Header"), "CallOptions"), "client"))
  const caller: Caller = { userId, client, apiVersion: version }
  const call = child(child(root, "Body"), "process")
  if (call === undefined) return fault("INVALID_OPERATION", "this fake serves process() only", headers)
  const results: Array<RawApprovalResult> = []
  for (const action of (child(call, "actions") as ReadonlyArray<Node> | undefined) ?? []) {
    const type = text(action["@type"])?.replace(/^.*:/, "")
    const workitemId = text(action.workitemId) ?? ""
    const comments = text(action.comments)
    const kind = text(action.action)
    if (type !== "ProcessWorkitemRequest")
      return fault("INVALID_OPERATION", `this fake serves ProcessWorkitemRequest only, not ${type}`, headers)
    if (kind === "Removed") results.push(approvals.recall(workitemId, caller, comments))
    else if (kind === "Approve" || kind === "Reject") {
      const nextApproverIds = (action.nextApproverIds as ReadonlyArray<string> | undefined) ?? []
      results.push(
        approvals.handle(
          {
            actionType: kind,
            contextId: workitemId,
            ...(comments === undefined ? {} : { comments }),
            ...(nextApproverIds.length === 0 ? {} : { nextApproverIds }),
          },
          caller,
        ),
      )
    } else return fault("INVALID_TYPE", `action must be Approve, Reject or Removed, not ${kind}`, headers)
  }
  return xml(`<processResponse>${results.map(resultXml).join("")}</processResponse>`, 200, headers)
}
