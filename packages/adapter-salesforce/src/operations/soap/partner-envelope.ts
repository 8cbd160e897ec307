import { XMLParser } from "fast-xml-parser"
import type { RawApprovalResult, RawRestError } from "../../vendor/rest.ts"
import type { RawSoapFault } from "../../vendor/soap.ts"

/**
 * The SOAP envelope of the Partner API (`/services/Soap/u/<version>`), for the one call tixi
 * cannot make over REST: the session travels in `SessionHeader`, the client name in
 * `CallOptions` (SOAP's `Sforce-Call-Options`), and the reply is a result list or a fault.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_header_sessionheader.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_header_calloptions.htm

/** Text as XML character data (the five predefined entities). */
export function xmlText(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
}

/** An envelope around a Partner API call body (`<urn:process>…</urn:process>`). */
export function partnerEnvelope(request: {
  readonly sessionId: string
  readonly client: string
  readonly body: string
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    "<soapenv:Header>",
    `<urn:SessionHeader><urn:sessionId>${xmlText(request.sessionId)}</urn:sessionId></urn:SessionHeader>`,
    `<urn:CallOptions><urn:client>${xmlText(request.client)}</urn:client></urn:CallOptions>`,
    "</soapenv:Header>",
    `<soapenv:Body>${request.body}</soapenv:Body>`,
    "</soapenv:Envelope>",
  ].join("")
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ["result", "errors", "actorIds", "newWorkitemIds", "fields"].includes(name),
})

type Node = Record<string, unknown>
const child = (node: unknown, name: string): unknown =>
  node && typeof node === "object" ? (node as Node)[name] : undefined
const texts = (value: unknown): Array<string> =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []
const textOf = (value: unknown): string | null => (typeof value === "string" ? value : null)

/** What a Partner API reply said: the call's results, or the fault that refused it. */
export type PartnerReply =
  | { readonly kind: "results"; readonly results: ReadonlyArray<Node> }
  | { readonly kind: "fault"; readonly fault: RawSoapFault }
  | { readonly kind: "unreadable" }

/** Reads a reply envelope; anything that is not a SOAP envelope is `unreadable`, never a throw. */
export function readPartnerReply(xml: string, responseElement: string): PartnerReply {
  let document: unknown
  try {
    document = parser.parse(xml)
  } catch {
    return { kind: "unreadable" }
  }
  const body = child(child(document, "Envelope"), "Body")
  const fault = child(body, "Fault")
  if (fault !== undefined) {
    return {
      kind: "fault",
      fault: {
        faultcode: textOf(child(fault, "faultcode")) ?? "",
        faultstring: textOf(child(fault, "faultstring")) ?? "",
      },
    }
  }
  const response = child(body, responseElement)
  if (response === undefined) return { kind: "unreadable" }
  const results = child(response, "result")
  return {
    kind: "results",
    results: Array.isArray(results) ? results.filter((item) => item && typeof item === "object") : [],
  }
}

/** A `ProcessResult` element as the REST resource's result, so both paths share one reader. */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process_processresult.htm
export function processResultOf(node: Node): RawApprovalResult {
  const errors = Array.isArray(node.errors)
    ? node.errors.map(
        (error): RawRestError => ({
          statusCode: textOf(child(error, "statusCode")) ?? "UNKNOWN_EXCEPTION",
          message: textOf(child(error, "message")) ?? "",
          fields: texts(child(error, "fields")),
        }),
      )
    : null
  const status = textOf(node.instanceStatus)
  return {
    actorIds: texts(node.actorIds),
    entityId: textOf(node.entityId),
    errors,
    instanceId: textOf(node.instanceId),
    instanceStatus:
      status === "Approved" || status === "Rejected" || status === "Removed" || status === "Pending"
        ? status
        : null,
    newWorkitemIds: texts(node.newWorkitemIds),
    success: node.success === "true",
  }
}
