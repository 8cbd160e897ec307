/**
 * @tixi/adapter-wecom — tixi on WeCom (企业微信): approval templates from tixi's forms, approvals
 * (`applyevent`) with the tixi chain as approver nodes, detail and list queries, callback
 * verification and decryption mapped to tixi's approval events, and the address book as tixi's
 * directory. WeCom has no official Node SDK; this adapter speaks its HTTP API directly.
 */
export * from "./adapter.ts"
export type { WeComApprovals } from "./approvals/approvals-service.ts"
export { stateOf as weComApprovalState } from "./approvals/map-detail.ts"
export { weComFailure } from "./client/vendor-errors.ts"
export * from "./events/directory-change.ts"
export * from "./events/http-callback.ts"
export * from "./events/intake-source.ts"
export type { WeComTaskDecision } from "./events/map-outcome.ts"
export { parseXml, type XmlLimits, XmlSyntaxError } from "./events/parse-xml.ts"
export * from "./events/wecom-crypto.ts"
export * from "./events/wecom-event.ts"
export { renderTemplate, TemplateRenderError } from "./forms/render-template.ts"
export type { TemplatePlanStep } from "./install/install-templates.ts"
export * from "./settings.ts"
