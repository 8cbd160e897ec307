/**
 * HubSpot's request limits by subscription tier (usage guidelines, last modified 2025-08-22):
 * the burst is per app per 10 s, the daily limit per account, shared by every app installed.
 * Public (OAuth, marketplace) apps get 110 per 10 s per installing account whatever the tier.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
export const hubSpotTierLimits = {
  free: { burstPerTenSeconds: 100, daily: 250_000 },
  starter: { burstPerTenSeconds: 100, daily: 250_000 },
  professional: { burstPerTenSeconds: 190, daily: 625_000 },
  enterprise: { burstPerTenSeconds: 190, daily: 1_000_000 },
  "api-add-on": { burstPerTenSeconds: 250, daily: 1_000_000 },
} as const

/** A HubSpot subscription tier, as `HUBSPOT_TIER` names it. */
export type HubSpotTier = keyof typeof hubSpotTierLimits

/** Every tier name, for validating configuration. */
export const hubSpotTiers = Object.keys(hubSpotTierLimits) as ReadonlyArray<HubSpotTier>

/** The burst of public (OAuth) apps, per installing account. */
export const publicAppBurstPerTenSeconds = 110

/** Search endpoints allow 5 requests per second per account and send no rate-limit headers. */
export const searchRequestsPerSecond = 5
