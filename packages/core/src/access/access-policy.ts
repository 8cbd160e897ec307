import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../errors/validation-error.ts"
import type { AnyForm } from "../forms/form.ts"
import { AccessModule } from "./access-module.ts"
import { ConfidentialityLevel } from "./confidentiality-level.ts"

/**
 * A company's access rules (信息保密制度) over the handbook defaults: the level of any form field
 * or customer attribute it classifies differently (§17 ① 划分密级), and which modules keep their
 * fields to their own posts (传阅范围, the circulation list). Versioned like every policy, so a
 * refused read in the audit trail names the rules it was refused under.
 */
export interface AccessPolicy {
  readonly version: string
  /** Levels of form fields, by form id and field key, where the company differs from the form. */
  readonly formFields: { readonly [formId: string]: { readonly [field: string]: ConfidentialityLevel } }
  /** Levels of customer attributes (host fields), by attribute name. */
  readonly attributes: { readonly [attribute: string]: ConfidentialityLevel }
  /**
   * Need-to-know: a module's fields at or above the given level are read only by readers who work
   * in the module, however high their clearance.
   */
  readonly needToKnow: { readonly [M in AccessModule]?: ConfidentialityLevel }
}

/**
 * The handbook's rules: no company overrides; credit keeps its secret fields (the 客户信用分析表
 * answers, limits and scores) to the credit posts (000 ch.7: the credit supervisor and officer
 * keep the credit files); customer finance to finance; and the customer file (客户信息资料表,
 * natural persons' personal data) to the information posts, who lend it only on an approved
 * request (客户档案管理流程 ② 借阅手续).
 */
export const defaultAccessPolicy: AccessPolicy = {
  version: "handbook-2026.1",
  formFields: {},
  attributes: {},
  needToKnow: { credit: "secret", finance: "secret", information: "secret" },
}

const key = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters")

const policySchema = z.strictObject({
  version: key,
  formFields: z.record(key, z.record(key, ConfidentialityLevel.schema)),
  attributes: z.record(key, ConfidentialityLevel.schema),
  needToKnow: z.partialRecord(AccessModule.schema, ConfidentialityLevel.schema),
})

/** What a policy's overrides are checked against, so a misspelt field is refused rather than ignored. */
export interface AccessCatalogue {
  readonly forms?: ReadonlyArray<AnyForm>
  readonly attributes?: ReadonlyArray<string>
}

/**
 * Validates a company's access policy. With a catalogue, every override must name a known form,
 * field or attribute: an override that matches nothing would leave the field at its default
 * while the company believes it changed.
 */
export function parseAccessPolicy(
  input: unknown,
  catalogue: AccessCatalogue = {},
): Result.Result<AccessPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.access", parsed.error.issues))
  const policy = parsed.data as AccessPolicy
  const issues: Array<ValidationIssue> = []
  if (catalogue.forms !== undefined) {
    const forms = new Map(catalogue.forms.map((form) => [form.id, form]))
    for (const [formId, fields] of Object.entries(policy.formFields)) {
      const form = forms.get(formId)
      if (form === undefined) {
        issues.push({ path: ["formFields", formId], message: "no such form", code: "rule" })
        continue
      }
      for (const field of Object.keys(fields)) {
        if (!Object.hasOwn(form.fields, field)) {
          issues.push({ path: ["formFields", formId, field], message: "no such field", code: "rule" })
        }
      }
    }
  }
  if (catalogue.attributes !== undefined) {
    const known = new Set(catalogue.attributes)
    for (const attribute of Object.keys(policy.attributes)) {
      if (!known.has(attribute)) {
        issues.push({ path: ["attributes", attribute], message: "no such attribute", code: "rule" })
      }
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.access", issues }))
  return Result.succeed(policy)
}
