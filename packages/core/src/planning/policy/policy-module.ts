import type { Result } from "effect"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { Label } from "../../labels/label.ts"

/**
 * A module whose policy a service standard (客户服务标准) changes: its id, its name, and the
 * parser that validates a new version. Every module's policy is versioned data with a
 * `parse…Policy` function, so one standard-setting flow serves them all.
 */
export interface PolicyModule<Policy extends { readonly version: string }> {
  /** A stable id (`credit`, `complaints`): part of the flow's process name, so never change it. */
  readonly id: string
  readonly title: Label
  /** The module's own parser: its typed errors name the field a draft got wrong. */
  readonly parse: (input: unknown) => Result.Result<Policy, ValidationError>
}

/** A policy module from its parser, for modules a company adds beside the built-in ones. */
export const policyModule = <Policy extends { readonly version: string }>(
  id: string,
  title: Label,
  parse: (input: unknown) => Result.Result<Policy, ValidationError>,
): PolicyModule<Policy> => ({ id, title, parse })
