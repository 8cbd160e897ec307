/**
 * One event as the runtime stores it, as plain data: the personal-data model reads and rewrites
 * these without knowing any process's types, so one model serves every flow.
 */
export interface StoredEvent {
  readonly process: string
  readonly instanceId: string
  readonly sequence: number
  readonly event: { readonly type: string } & Readonly<Record<string, unknown>>
}

/** Where a value sits inside an event: field names and row indexes from the event's root. */
export type PayloadPath = ReadonlyArray<string | number>
