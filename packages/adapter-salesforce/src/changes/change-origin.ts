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
