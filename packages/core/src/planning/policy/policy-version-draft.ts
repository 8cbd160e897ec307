import { Result } from "effect"
import { ValidationError } from "../../errors/validation-error.ts"
import { issuesUnderField } from "../../process/field-issues.ts"
import { changedPaths } from "../../quality/policy/policy-changes.ts"
import type { PolicyModule } from "./policy-module.ts"

/** A drafted policy version: validated by its module, with what it changes against the one in force. */
export interface PolicyVersionDraft<Policy> {
  readonly policy: Policy
  /** Paths of the values that differ from the version in force (`sla.normal`), `version` left out. */
  readonly changes: ReadonlyArray<string>
}

/**
 * Validates a draft of a new policy version under the command's `field`: the module's parser
 * names each bad field (`policy.sla.normal`), and a draft that keeps the version in force or
 * changes nothing is refused on `policy.version`, so the approvers only ever see a real change.
 */
export function draftPolicyVersion<Policy extends { readonly version: string }>(
  module: PolicyModule<Policy>,
  current: Policy,
  input: unknown,
  subject: string,
  field = "policy",
): Result.Result<PolicyVersionDraft<Policy>, ValidationError> {
  const parsed = module.parse(input)
  if (Result.isFailure(parsed)) return Result.fail(issuesUnderField(subject, field, parsed.failure))
  const policy = parsed.success
  const refuse = (message: string) =>
    Result.fail(
      new ValidationError({ subject, issues: [{ path: [field, "version"], message, code: "rule" }] }),
    )
  if (policy.version === current.version)
    return refuse(`must differ from ${current.version}, the version in force`)
  const changes = changedPaths(current, policy).filter((path) => path !== "version")
  if (changes.length === 0) return refuse(`the draft changes nothing in ${current.version} but its version`)
  return Result.succeed({ policy, changes })
}
