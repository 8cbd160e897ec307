/**
 * @tixi/adapter-dingtalk — tixi on DingTalk (钉钉): approval templates from tixi's forms,
 * approvals with explicit AND/OR chains, HTTP callbacks and Stream mode mapped to tixi's approval
 * events, failed-delivery recovery, and the address book as tixi's directory.
 */
export * from "./adapter.ts"
export type { DingTalkApprovals } from "./approvals/approvals-service.ts"
export { dingTalkFailure } from "./client/vendor-errors.ts"
export * from "./events/dingtalk-crypto.ts"
export * from "./events/dingtalk-event.ts"
export * from "./events/directory-change.ts"
export * from "./events/http-callback.ts"
export * from "./events/intake-source.ts"
export type { ApprovalTaskDecision } from "./events/map-outcome.ts"
export * from "./events/stream-client.ts"
export { renderTemplate, TemplateRenderError } from "./forms/render-template.ts"
export { renderValues } from "./forms/render-values.ts"
export type { TemplatePlanStep } from "./install/install-templates.ts"
export * from "./settings.ts"
