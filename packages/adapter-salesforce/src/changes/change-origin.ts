import { shortId } from "../mapping/record-ids.ts"

/**
 * The client name in a Change Data Capture `changeOrigin`
 * (`com/salesforce/api/rest/66.0;client=tixi`), or undefined for changes made in the UI or by
 * clients that send no `Sforce-Call-Options`. tixi sends its own name on every call, so events
 * carrying it are tixi's writes coming back, and are not acted on again.
 */
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
export function clientOfChangeOrigin(changeOrigin: string | null | undefined): string | undefined {
  if (!changeOrigin) return undefined
  const match = /(?:^|;)\s*client=([^;]+)/.exec(changeOrigin)
  return match ? match[1]!.trim() : undefined
}

/**
 * Whether a Change Data Capture event is tixi's own write coming back. `changeOrigin` carries
 * `Sforce-Call-Options` only where Salesforce documents it, which does not include every resource
 * tixi writes through (sObject Collections, `composite/sobjects`), so the documented fallback
 * decides the rest: the transaction's `commitUser` is tixi's integration user. A dedicated
 * integration user is therefore assumed; anything else that signs in as it counts as tixi.
 */
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
export function isOwnChange(
  header: {
    readonly changeOrigin: string | null | undefined
    readonly commitUser: string | null | undefined
  },
  own: { readonly client: string; readonly integrationUserId: string },
): boolean {
  if (clientOfChangeOrigin(header.changeOrigin) === own.client) return true
  const user = header.commitUser ?? ""
  return user !== "" && shortId(user) === shortId(own.integrationUserId)
}
