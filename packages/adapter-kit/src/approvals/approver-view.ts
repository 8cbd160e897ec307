import {
  AccessModule,
  type AccessPolicy,
  type AnyForm,
  classifyForm,
  compileProjection,
  defaultAccessPolicy,
  type Label,
  label,
  projectForm,
} from "@tixi/core"
import { type HostAudience, hostAudienceProblem } from "../access/host-audience.ts"

/**
 * Who approves tixi's requests in DingTalk or WeCom, as far as access goes. Default `secret` with
 * every module: the approvers of credit overrides, write-offs and policy changes are the credit,
 * finance and service managers the handbook routes them to, and they must see the amounts and
 * scores they decide on; 机密 fields (a natural person's identity papers, strategy) still go masked.
 * One audience for every form, because the approval chain already picks who reads the request.
 */
export const defaultApproverAudience: HostAudience = { clearance: "secret", modules: AccessModule.values }

/** The text sent in place of a value the approvers may not read, so a required control is still filled. */
export const withheldMarker: Label = label("（保密）", "(withheld)")

/**
 * The fields of a submission the approvers may not read: `projectForm` for the approvers as one
 * reader. The adapter renders these as `withheldMarker` rather than leave them out.
 */
export function withheldFromApprovers(
  form: AnyForm,
  values: { readonly [field: string]: unknown },
  audience: HostAudience = defaultApproverAudience,
  policy: AccessPolicy = defaultAccessPolicy,
): ReadonlySet<string> {
  const reader = { clearance: audience.clearance, modules: new Set(audience.modules ?? []) }
  const projected = projectForm(form, values as never, reader, policy)
  return new Set(projected.masked.map((entry) => entry.field))
}

/**
 * Checks a configured `approverAudience` the way the approval adapters check their settings (a
 * `TypeError` naming the host and the setting): a misspelt level must not mask or show everything.
 */
export function checkApproverAudience(host: string, audience: HostAudience | undefined): void {
  const problem = audience === undefined ? undefined : hostAudienceProblem(audience, "approverAudience")
  if (problem !== undefined) throw new TypeError(`${host} ${problem.field} ${problem.message}`)
}

/**
 * The fields of a form the approvers may never read, whatever the values: what an install needs
 * to shape a template whose control types are fixed before any request is sent (WeCom), so a
 * withheld number, date or contact still has a control that can say "（保密）".
 */
export function fieldsAboveApprovers(
  form: AnyForm,
  audience: HostAudience = defaultApproverAudience,
  policy: AccessPolicy = defaultAccessPolicy,
): ReadonlySet<string> {
  const reader = { clearance: audience.clearance, modules: new Set(audience.modules ?? []) }
  return new Set(
    compileProjection(classifyForm(form, policy), reader, policy).withheld.map((entry) => entry.field),
  )
}
