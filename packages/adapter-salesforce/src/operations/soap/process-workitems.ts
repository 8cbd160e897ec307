import { PortFailure, Unavailable } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import { reasonForSalesforceError } from "../../errors/map-salesforce-error.ts"
import type { RawApprovalResult } from "../../vendor/rest.ts"
import type { RawProcessWorkitemRequest } from "../../vendor/soap.ts"
import { partnerEnvelope, processResultOf, readPartnerReply, xmlText } from "./partner-envelope.ts"

const requestXml = (request: RawProcessWorkitemRequest) =>
  [
    '<urn:actions xsi:type="urn:ProcessWorkitemRequest">',
    request.comments === undefined ? "" : `<urn:comments>${xmlText(request.comments)}</urn:comments>`,
    ...(request.nextApproverIds ?? []).map(
      (id) => `<urn:nextApproverIds>${xmlText(id)}</urn:nextApproverIds>`,
    ),
    `<urn:action>${request.action}</urn:action>`,
    `<urn:workitemId>${xmlText(request.workitemId)}</urn:workitemId>`,
    "</urn:actions>",
  ].join("")

/**
 * Decides pending workitems through the SOAP API's `process()`: the documented way to recall
 * (`Removed`) a classic Approval Process request, which REST `/process/approvals` does not list
 * (its page names Submit, Approve and Reject only). Results come per request, like REST's.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process_processresult.htm
export const processWorkitems = (
  client: SalesforceClient,
  request: { readonly requests: ReadonlyArray<RawProcessWorkitemRequest>; readonly operation: string },
): Effect.Effect<ReadonlyArray<RawApprovalResult>, PortFailure> =>
  Effect.gen(function* () {
    const body = `<urn:process>${request.requests.map(requestXml).join("")}</urn:process>`
    const reply = yield* client.send({
      port: "Approvals",
      operation: request.operation,
      method: "POST",
      path: `/services/Soap/u/${client.settings.apiVersion}`,
      text: (sessionId) => partnerEnvelope({ sessionId, client: client.settings.callOptionsClient, body }),
      contentType: "text/xml; charset=UTF-8",
      accept: "text/xml",
      headers: { soapaction: '""' },
      // A fault comes with status 500; it is read below, where its code says what went wrong.
      okStatuses: [200, 500],
      sessionExpired: (answer) => {
        const read = readPartnerReply(answer.text, "processResponse")
        return read.kind === "fault" && /INVALID_SESSION_ID$/.test(read.fault.faultcode)
      },
    })
    const read = readPartnerReply(reply.text, "processResponse")
    if (read.kind === "results") return read.results.map(processResultOf)
    if (read.kind === "fault") {
      const code = read.fault.faultcode.replace(/^.*:/, "")
      return yield* new PortFailure({
        port: "Approvals",
        operation: request.operation,
        reason: reasonForSalesforceError(
          reply.status,
          { errorCode: code, message: read.fault.faultstring },
          {},
        ),
        detail: `${code}: ${read.fault.faultstring}`,
        vendor: { vendor: "salesforce", status: reply.status, code, payload: reply.text.slice(0, 2000) },
      })
    }
    return yield* new PortFailure({
      port: "Approvals",
      operation: request.operation,
      reason: new Unavailable(),
      detail: `HTTP ${reply.status}: the SOAP API's reply is not an envelope`,
      vendor: { vendor: "salesforce", status: reply.status, payload: reply.text.slice(0, 2000) },
    })
  })
