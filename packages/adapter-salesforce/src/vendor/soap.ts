/** One `ProcessWorkitemRequest` of the SOAP API's `process()` call: a decision on a pending workitem. */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process.htm
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_ProcessWorkitemRequest.htm
export interface RawProcessWorkitemRequest {
  /** `Removed` recalls the request (the submitter where the process allows it, or an administrator). */
  readonly action: "Approve" | "Reject" | "Removed"
  /** The ProcessInstanceWorkitem Id (prefix `04i`). */
  readonly workitemId: string
  readonly comments?: string
  readonly nextApproverIds?: ReadonlyArray<string>
}

/** A SOAP fault, as the API answers a call it refuses whole (HTTP 500). */
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#exceptioncode
export interface RawSoapFault {
  /** `sf:INVALID_SESSION_ID`, `sf:INSUFFICIENT_ACCESS`, … */
  readonly faultcode: string
  readonly faultstring: string
}
