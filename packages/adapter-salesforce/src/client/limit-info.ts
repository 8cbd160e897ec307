import type { AllocationUsage } from "@tixi/adapter-kit"

/**
 * Reads `Sforce-Limit-Info: api-usage=10018/100000` (newer orgs add `; per-app-api-usage=…`),
 * which Salesforce puts on every REST reply. Undefined when the header is missing or unreadable.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
export function parseLimitInfo(header: string | null | undefined): AllocationUsage | undefined {
  if (!header) return undefined
  const match = /(?:^|[;,\s])api-usage=(\d+)\/(\d+)/.exec(header)
  if (!match) return undefined
  const used = Number(match[1])
  const max = Number(match[2])
  return max > 0 ? { used, max } : undefined
}
