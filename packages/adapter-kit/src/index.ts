/**
 * @tixi/adapter-kit — the parts every tixi adapter needs and the vendor clients do badly:
 * HTTP with deadlines, vendor-neutral failures, retries that honour Retry-After, token caching,
 * rolling-window rate limits with daily budgets, constant-time signature comparison, and the
 * callback crypto DingTalk and WeCom share.
 */
export * from "./access/host-audience.ts"
export * from "./approvals/approver-view.ts"
export * from "./approvals/default-approval-forms.ts"
export * from "./approvals/reference-controls.ts"
export * from "./auth/secret.ts"
export * from "./auth/token-cache.ts"
export * from "./batching/chunk.ts"
export * from "./crypto/constant-time-equal.ts"
export * from "./crypto/message-crypto.ts"
export * from "./dedupe/content-id.ts"
export * from "./dedupe/recent-ids.ts"
export * from "./directory/directory-mapping.ts"
export * from "./directory/people-query.ts"
export * from "./http/scrub-vendor-text.ts"
export * from "./http/send-http.ts"
export * from "./http/status-reason.ts"
export * from "./ids/id-mapping.ts"
export * from "./intake/approval-outcome-translator.ts"
export * from "./intake/callback-timestamp.ts"
export * from "./intake/change-feed.ts"
export * from "./intake/crypto-rejection.ts"
export * from "./intake/intake-source.ts"
export * from "./limits/allocation-guard.ts"
export * from "./limits/rate-limit-headers.ts"
export * from "./limits/rate-limiter.ts"
export * from "./notify/render-notification.ts"
export * from "./retry/create-once.ts"
export * from "./retry/retry-retryable.ts"
