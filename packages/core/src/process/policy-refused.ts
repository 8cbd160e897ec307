import { Result } from "effect"
import { PolicyRefusal } from "../errors/refusals.ts"

/**
 * A step's refusal under a company rule (the policy's minimum of responses, one answer per
 * customer): the rule's id lets a caller tell which rule held without reading the text.
 */
export const policyRefused = (rule: string, detail: string): Result.Result<never, PolicyRefusal> =>
  Result.fail(new PolicyRefusal({ rule, detail }))
