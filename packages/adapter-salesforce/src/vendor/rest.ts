/**
 * The REST API's own shapes, as Salesforce documents them, kept apart from tixi's model so a
 * reader can hold them against the vendor docs. Nothing outside `mapping/` and the operations
 * reads these fields.
 */

/** One error in a REST error reply or a SaveResult (`[{message, errorCode, fields}]`). */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
export interface RawRestError {
  readonly message: string
  /** `errorCode` in replies, `statusCode` inside SaveResults. */
  readonly errorCode?: string
  readonly statusCode?: string
  readonly fields?: ReadonlyArray<string>
}

/** One record's outcome in an sObject Collections call, in request order. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_create.htm
export interface RawSaveResult {
  readonly id?: string | null
  readonly success: boolean
  /** Present on upserts: whether the record was created (true) or updated (false). */
  readonly created?: boolean
  readonly errors: ReadonlyArray<RawRestError>
}

/** A record as SOQL returns it: fields by API name plus `attributes`. */
export interface RawRecord {
  readonly attributes?: { readonly type: string; readonly url?: string }
  readonly Id?: string
  readonly [field: string]: unknown
}

/** A SOQL reply; follow `nextRecordsUrl` until `done`. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
export interface RawQueryResult {
  readonly totalSize: number
  readonly done: boolean
  readonly nextRecordsUrl?: string
  readonly records: ReadonlyArray<RawRecord>
}

/** A field of an sObject describe. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
export interface RawDescribeField {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly custom: boolean
  readonly externalId?: boolean
  readonly updateable?: boolean
  readonly createable?: boolean
  readonly length?: number
  readonly inlineHelpText?: string | null
  readonly picklistValues?: ReadonlyArray<{
    readonly value: string
    readonly label: string
    readonly active: boolean
    readonly defaultValue?: boolean
  }>
}

/** An sObject describe: its fields and record types. */
export interface RawDescribe {
  readonly name: string
  readonly fields: ReadonlyArray<RawDescribeField>
  readonly recordTypeInfos?: ReadonlyArray<{
    readonly recordTypeId: string
    readonly developerName: string
    readonly active: boolean
  }>
}

/** A Bulk API 2.0 ingest job. */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm
export interface RawBulkJob {
  readonly id: string
  readonly operation: "insert" | "update" | "upsert" | "delete" | "hardDelete"
  readonly object: string
  readonly state: "Open" | "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted"
  readonly externalIdFieldName?: string
  readonly numberRecordsProcessed?: number
  readonly numberRecordsFailed?: number
  readonly errorMessage?: string | null
  readonly contentUrl?: string
}

/** One request of `/process/approvals` and its result. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_process_approvals.htm
export interface RawApprovalRequest {
  /** The three the resource documents; a recall goes through SOAP `process()` (`vendor/soap.ts`). */
  readonly actionType: "Submit" | "Approve" | "Reject"
  readonly contextId: string
  readonly contextActorId?: string
  readonly comments?: string
  readonly nextApproverIds?: ReadonlyArray<string>
  readonly processDefinitionNameOrId?: string
  readonly skipEntryCriteria?: boolean
}

/** The outcome of one approval request. */
export interface RawApprovalResult {
  readonly actorIds: ReadonlyArray<string> | null
  readonly entityId: string | null
  readonly errors: ReadonlyArray<RawRestError> | null
  readonly instanceId: string | null
  readonly instanceStatus: "Approved" | "Rejected" | "Removed" | "Pending" | null
  readonly newWorkitemIds: ReadonlyArray<string> | null
  readonly success: boolean
}

/** The OAuth token endpoint's reply. */
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
export interface RawTokenResponse {
  readonly access_token: string
  readonly instance_url: string
  readonly id?: string
  readonly token_type?: string
  readonly scope?: string
  readonly issued_at?: string
}

/** The OAuth token endpoint's error reply (`invalid_grant`, `invalid_client_id`, …). */
export interface RawTokenError {
  readonly error: string
  readonly error_description?: string
}

/** The header of a Change Data Capture event. */
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
export interface RawChangeEventHeader {
  readonly entityName: string
  readonly recordIds: ReadonlyArray<string>
  readonly changeType:
    | "CREATE"
    | "UPDATE"
    | "DELETE"
    | "UNDELETE"
    | "GAP_CREATE"
    | "GAP_UPDATE"
    | "GAP_DELETE"
    | "GAP_UNDELETE"
    | "GAP_OVERFLOW"
  readonly changedFields: ReadonlyArray<string>
  readonly changeOrigin: string
  readonly transactionKey: string
  readonly sequenceNumber: number
  readonly commitTimestamp: number
  readonly commitUser: string
  readonly commitNumber?: number
}
