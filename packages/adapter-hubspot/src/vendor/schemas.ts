/**
 * HubSpot's wire shapes that tixi reads, kept apart from tixi's model (DESIGN rule 4: raw vendor
 * schemas separate from the mapped model). Names and fields follow the v3/v4 API reference; every
 * field tixi does not read is left out. `@hubspot/api-client` returns these as class instances
 * with dates parsed; tixi reads them structurally.
 */

/** A property value's history entry (`propertiesWithHistory`). */
export interface HubSpotHistoryEntry {
  readonly value: string
  readonly timestamp: Date | string
  readonly sourceType: string
  readonly sourceId?: string
  readonly updatedByUserId?: number
}

/** A CRM record (`SimplePublicObject`). */
export interface HubSpotObject {
  readonly id: string
  readonly properties: Readonly<Record<string, string | null | undefined>>
  readonly propertiesWithHistory?: Readonly<Record<string, ReadonlyArray<HubSpotHistoryEntry>>>
  readonly createdAt: Date | string
  readonly updatedAt: Date | string
  readonly archived?: boolean
  /** Set on `batch/upsert` results: whether the record was created. */
  readonly new?: boolean
  readonly objectWriteTraceId?: string
}

/** One failure of a batch (`StandardError`), naming the ids or trace ids it concerns. */
export interface HubSpotStandardError {
  readonly status: string
  readonly category: string
  readonly message: string
  readonly context?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly errors?: ReadonlyArray<HubSpotErrorDetail>
}

/** A field-level error detail. */
export interface HubSpotErrorDetail {
  readonly message: string
  readonly code?: string
  readonly in?: string
  readonly context?: Readonly<Record<string, ReadonlyArray<string>>>
}

/** A batch response; `errors` and `numErrors` come with status 207. */
export interface HubSpotBatchResponse<Item = HubSpotObject> {
  readonly status: string
  readonly results: ReadonlyArray<Item>
  readonly errors?: ReadonlyArray<HubSpotStandardError>
  readonly numErrors?: number
}

/** A page of search results (`CollectionResponseWithTotal…`). */
export interface HubSpotSearchPage {
  readonly total: number
  readonly results: ReadonlyArray<HubSpotObject>
  readonly paging?: { readonly next?: { readonly after: string } }
}

/** An error body (`Error`), or the 429 body with `policyName`. */
export interface HubSpotErrorBody {
  readonly status?: string
  readonly message?: string
  readonly category?: string
  readonly correlationId?: string
  readonly errorType?: string
  readonly policyName?: "TEN_SECONDLY_ROLLING" | "DAILY" | "SECONDLY" | string
  readonly errors?: ReadonlyArray<HubSpotErrorDetail>
  readonly context?: Readonly<Record<string, ReadonlyArray<string>>>
}

/** An enumeration option of a property. */
export interface HubSpotPropertyOption {
  readonly label: string
  readonly value: string
  readonly description?: string
  readonly displayOrder?: number
  readonly hidden?: boolean
}

/** A property definition. */
export interface HubSpotProperty {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly fieldType: string
  readonly groupName: string
  readonly description?: string
  readonly options?: ReadonlyArray<HubSpotPropertyOption>
  readonly hasUniqueValue?: boolean
  readonly hidden?: boolean
  readonly modificationMetadata?: { readonly readOnlyDefinition?: boolean }
  readonly hubspotDefined?: boolean
}

/** A property group. */
export interface HubSpotPropertyGroup {
  readonly name: string
  readonly label: string
  readonly displayOrder?: number
}

/** A pipeline stage; ticket stages carry `metadata.ticketState`. */
export interface HubSpotPipelineStage {
  readonly id: string
  readonly label: string
  readonly displayOrder: number
  /** Optional in the client's `PipelineStage` model; ticket stages carry `ticketState`. */
  readonly metadata?: Readonly<Record<string, string>>
  readonly archived?: boolean
}

/** A pipeline. */
export interface HubSpotPipeline {
  readonly id: string
  readonly label: string
  readonly displayOrder: number
  readonly stages: ReadonlyArray<HubSpotPipelineStage>
  readonly archived?: boolean
}

/** One record associated with another (v4 `getPage`). */
export interface HubSpotAssociatedObject {
  readonly toObjectId: number | string
  readonly associationTypes: ReadonlyArray<{ readonly category: string; readonly typeId: number }>
}

/**
 * What every webhook event carries, whatever it reports (webhooks guide, "Webhook payloads"):
 * https://developers.hubspot.com/docs/api-reference/webhooks-webhooks-v3/guide
 */
export interface HubSpotWebhookEventCommon {
  readonly eventId: number
  readonly subscriptionId: number
  readonly portalId: number
  readonly appId: number
  readonly occurredAt: number
  readonly subscriptionType: string
  readonly attemptNumber: number
  readonly changeSource?: string
  readonly sourceId?: string
  readonly changeFlag?: string
}

/** An event about one record: creation, deletion, restore, property change or merge. */
export interface HubSpotObjectEvent extends HubSpotWebhookEventCommon {
  readonly objectId: number
  readonly propertyName?: string
  readonly propertyValue?: string
  /** Merge events: the record that won, the ones merged into it, and the record that resulted. */
  readonly primaryObjectId?: number
  readonly mergedObjectIds?: ReadonlyArray<number>
  readonly newObjectId?: number
  readonly numberOfPropertiesMoved?: number
}

/**
 * An `*.associationChange` event: it names both records (`fromObjectId` is the subscribed
 * object's) and carries no `objectId`.
 */
export interface HubSpotAssociationEvent extends HubSpotWebhookEventCommon {
  readonly associationType: string
  readonly fromObjectId: number
  readonly toObjectId: number
  readonly associationRemoved: boolean
  readonly isPrimaryAssociation?: boolean
}

/** A webhook event, as the delivered JSON array carries it. */
export type HubSpotWebhookEvent = HubSpotObjectEvent | HubSpotAssociationEvent

/** The token metadata endpoint's answer (`GET /oauth/v1/access-tokens/{token}`). */
export interface HubSpotTokenInfo {
  readonly app_id: number
  readonly hub_id: number
  readonly scopes?: ReadonlyArray<string>
}

/**
 * A team as an owner carries it (`PublicTeam` of the CRM owners v3 API): `primary` marks the
 * owner's main team. https://developers.hubspot.com/docs/api-reference/crm-owners-v3/guide
 */
export interface HubSpotOwnerTeam {
  readonly id: string
  readonly name: string
  readonly primary: boolean
}

/**
 * An owner (`PublicOwner` of `GET /crm/v3/owners`): `id` is what records are assigned to, `userId`
 * the HubSpot user behind it (absent for a deactivated user, whose id stays in
 * `userIdIncludingInactive`); `type` is `PERSON` or `QUEUE`; `archived` owners are listed only
 * with `archived=true`. HubSpot gives owners no manager, title or locale.
 */
export interface HubSpotOwner {
  readonly id: string
  readonly email?: string
  readonly firstName?: string
  readonly lastName?: string
  readonly userId?: number
  readonly userIdIncludingInactive?: number
  readonly type: "PERSON" | "QUEUE"
  readonly teams?: ReadonlyArray<HubSpotOwnerTeam>
  readonly archived: boolean
  readonly createdAt: Date | string
  readonly updatedAt: Date | string
}

/** One page of owners (`CollectionResponsePublicOwnerForwardPaging`): `paging.next.after` when more follow. */
export interface HubSpotOwnerPage {
  readonly results: ReadonlyArray<HubSpotOwner>
  readonly paging?: { readonly next?: { readonly after: string; readonly link?: string } }
}

/**
 * A team of `GET /settings/v3/users/teams` (`PublicTeam` of the settings users API): members as
 * user ids (not owner ids), no parent team and no team lead, and the listing is not paged.
 * https://developers.hubspot.com/docs/api-reference/settings-user-provisioning-v3/guide
 */
export interface HubSpotTeam {
  readonly id: string
  readonly name: string
  readonly userIds: ReadonlyArray<string>
  readonly secondaryUserIds: ReadonlyArray<string>
}
