import {
  AccessModule,
  type AccessPolicy,
  type Classification,
  ConfidentialityLevel,
  classifyAttributes,
  customerAttributes,
  defaultAccessPolicy,
  type FieldClassification,
  type FieldSpec,
  type HostWritePlan,
  keepWritable,
  moduleDefaultLevel,
  writableTo,
} from "@tixi/core"

/**
 * Who can see records in a host (a HubSpot portal, a Salesforce org): the level every one of its
 * users is cleared for and the modules they all work in. A CRM every salesperson reads is not the
 * finance department, so the default is `internal` with no need-to-know modules; the credit limit
 * and score (秘密) then stay in tixi until the company raises the audience.
 */
export interface HostAudience {
  readonly clearance: ConfidentialityLevel
  /** Modules every user of the host works in, so their need-to-know fields may go there. */
  readonly modules?: ReadonlyArray<AccessModule>
}

/** The audience of a host nobody configured: every user may read 内部, no module's secrets. */
export const defaultHostAudience: HostAudience = { clearance: "internal" }

/**
 * One adapter's filter of host writes, decided once from `writableTo`: each write keeps only the
 * fields the host's audience may read, so no write path re-derives levels.
 */
export interface HostAudienceFilter {
  readonly audience: HostAudience
  /** Whether the audience may receive a field; a name nobody classified may not. */
  readonly allows: (field: string) => boolean
  /**
   * Whether anyone classified the field (tixi's catalogue, a declared spec, the policy). An
   * adapter refuses a write naming an unclassified field rather than guess its level.
   */
  readonly classifies: (field: string) => boolean
  /** The values of one write the audience may receive, and the names held back. */
  readonly keep: <Value>(values: { readonly [field: string]: Value }) => {
    readonly values: { readonly [field: string]: Value }
    readonly heldBack: ReadonlyArray<string>
  }
  /** Classifies fields the adapter learns later (install, `ensureFields`), then decides again. */
  readonly declare: (specs: ReadonlyArray<FieldSpec>) => void
}

/**
 * The filter of a host's writes. tixi's catalogued attributes (`customerAttributes`) keep their
 * module and level; a field the company declared for the adapter and the catalogue does not know
 * is classified as the service organisation's, at the spec's level or 内部, since the company
 * described it; the policy's level for an attribute wins over both, and classifies a field the
 * company names only there. Anything else is unclassified, and never allowed.
 */
export function makeHostAudienceFilter(
  audience: HostAudience,
  specs: ReadonlyArray<FieldSpec>,
  policy: AccessPolicy = defaultAccessPolicy,
): HostAudienceFilter {
  const classification: Record<string, FieldClassification> = {
    ...classifyAttributes(customerAttributes, policy),
  }
  // A company's own field it classified in the policy, without a spec here, is classified too.
  for (const [name, level] of Object.entries(policy.attributes)) {
    if (!Object.hasOwn(classification, name)) classification[name] = { level, module: "organisation" }
  }
  const modules = new Set(audience.modules ?? [])
  let plan: HostWritePlan = { fields: new Set(), withheld: [] }
  const declare = (list: ReadonlyArray<FieldSpec>) => {
    for (const spec of list) {
      if (Object.hasOwn(classification, spec.name)) continue
      classification[spec.name] = {
        level: policy.attributes[spec.name] ?? spec.confidentiality ?? moduleDefaultLevel.organisation,
        module: "organisation",
      }
    }
    plan = writableTo(audience.clearance, classification as Classification, policy, modules)
  }
  declare(specs)
  return {
    audience,
    allows: (field) => plan.fields.has(field),
    classifies: (field) => Object.hasOwn(classification, field),
    keep: (values) => keepWritable(values, plan),
    declare,
  }
}

/**
 * What is wrong with a configured audience, naming the setting, or `undefined`: a misspelt level
 * or module must not quietly widen or narrow what a host receives.
 */
export function hostAudienceProblem(
  audience: HostAudience,
  setting = "audience",
): { readonly field: string; readonly message: string } | undefined {
  if (!ConfidentialityLevel.is(audience.clearance)) {
    return {
      field: `${setting}.clearance`,
      message: `must be one of ${ConfidentialityLevel.values.join(", ")}`,
    }
  }
  for (const [index, module] of (audience.modules ?? []).entries()) {
    if (!AccessModule.is(module)) {
      return {
        field: `${setting}.modules[${index}]`,
        message: `must be one of ${AccessModule.values.join(", ")}`,
      }
    }
  }
  return undefined
}
