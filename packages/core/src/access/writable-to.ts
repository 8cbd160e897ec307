import type { AccessModule } from "./access-module.ts"
import type { AccessPolicy } from "./access-policy.ts"
import type { Classification } from "./classification.ts"
import type { ConfidentialityLevel } from "./confidentiality-level.ts"
import type { MaskedField } from "./masked.ts"
import { maskReason } from "./projection.ts"

/** Which fields may go to a host, and which are held back and why. */
export interface HostWritePlan {
  readonly fields: ReadonlySet<string>
  readonly withheld: ReadonlyArray<MaskedField>
}

/**
 * Which fields a host's audience may receive: a HubSpot portal's users are not the finance
 * department, so an adapter writes only what every user of the host may read. The audience is
 * the level the company clears the host for and the modules its users all work in (usually
 * none); a field held back is never written, not written masked, since a host cannot show a
 * marker for what it should not hold.
 */
export function writableTo(
  audience: ConfidentialityLevel,
  classification: Classification,
  policy: AccessPolicy,
  modules: ReadonlySet<AccessModule> = new Set(),
): HostWritePlan {
  const reader = { clearance: audience, modules }
  const fields = new Set<string>()
  const withheld: Array<MaskedField> = []
  for (const [field, classified] of Object.entries(classification)) {
    const reason = maskReason(classified, reader, policy)
    if (reason === undefined) fields.add(field)
    else withheld.push({ field, ...classified, reason })
  }
  return { fields, withheld }
}

/**
 * The values of a write with only the fields the plan allows; the rest are left out (a host must
 * not hold them) and listed, so the adapter can record what it held back. A key the plan does not
 * know is held back too: nobody classified it.
 */
export function keepWritable<Value>(
  values: { readonly [field: string]: Value },
  plan: HostWritePlan,
): { readonly values: { readonly [field: string]: Value }; readonly heldBack: ReadonlyArray<string> } {
  const kept: Record<string, Value> = {}
  const heldBack: Array<string> = []
  for (const [field, value] of Object.entries(values)) {
    if (plan.fields.has(field)) kept[field] = value
    else heldBack.push(field)
  }
  return { values: kept, heldBack }
}
