import type { Label } from "../labels/label.ts"
import type { FieldSpec } from "../ports/host-crm.ts"
import type { AccessModule } from "./access-module.ts"
import type { AccessPolicy } from "./access-policy.ts"
import type { Classification, FieldClassification } from "./classification.ts"
import type { ConfidentialityLevel } from "./confidentiality-level.ts"
import { moduleDefaultLevel } from "./module-default-level.ts"
import { compileProjection, type Projected } from "./projection.ts"
import type { Reader } from "./reader.ts"

/**
 * A customer attribute tixi stores or writes to a host (a HubSpot property, a Salesforce field),
 * with the module that writes it and its level resolved.
 */
export interface CustomerAttribute {
  /** tixi's field name, e.g. `credit_limit`. */
  readonly name: string
  readonly label: Label
  readonly module: AccessModule
  readonly level: ConfidentialityLevel
}

/** A module's host fields as attributes: each at its own level, else the module's default. */
export function attributesOf(
  module: AccessModule,
  specs: ReadonlyArray<FieldSpec>,
): ReadonlyArray<CustomerAttribute> {
  return specs.map((spec) => ({
    name: spec.name,
    label: spec.label,
    module,
    level: spec.confidentiality ?? moduleDefaultLevel[module],
  }))
}

/** Attributes classified under a company's policy: its level for an attribute where it has one. */
export function classifyAttributes(
  attributes: ReadonlyArray<CustomerAttribute>,
  policy: AccessPolicy,
): Classification {
  const classification: Record<string, FieldClassification> = {}
  for (const attribute of attributes) {
    classification[attribute.name] = {
      level: policy.attributes[attribute.name] ?? attribute.level,
      module: attribute.module,
    }
  }
  return classification
}

/**
 * What a reader may see of a customer record's attributes: each value above their clearance or
 * outside their need-to-know replaced by the marker, and the list of what was withheld. For many
 * records, `compileProjection(classifyAttributes(attributes, policy), reader, policy)` once.
 */
export function projectRecord<Values extends { readonly [attribute: string]: unknown }>(
  attributes: ReadonlyArray<CustomerAttribute>,
  values: Values,
  reader: Reader,
  policy: AccessPolicy,
): Projected<Values> {
  return compileProjection(classifyAttributes(attributes, policy), reader, policy).project(values)
}
