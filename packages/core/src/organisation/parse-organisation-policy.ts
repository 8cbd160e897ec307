import { Result } from "effect"
import { z } from "zod"
import { AccessModule } from "../access/access-module.ts"
import { ConfidentialityLevel } from "../access/confidentiality-level.ts"
import { fromZodIssues, type ValidationError } from "../errors/validation-error.ts"
import { labelSchema } from "../labels/label.ts"
import { Role } from "../roles/role.ts"
import { Department } from "./department.ts"
import { resolveOrganisation } from "./organisation-chart.ts"
import type { OrganisationPolicy } from "./organisation-policy.ts"

const postIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, "must be a post id (letters and digits)")
const limitSchema = z.union([z.number().int().min(0).refine(Number.isSafeInteger), z.literal("unlimited")])
const processPartSchema = z.strictObject({
  process: z.strictObject({
    kind: z.literal("process"),
    module: z.string().min(1).max(100),
    export: z.string().min(1).max(100),
    name: z.string().min(1).max(100),
  }),
  steps: labelSchema,
})
const addedPostSchema = z.strictObject({
  label: labelSchema,
  rank: Role.schema,
  department: Department.schema,
  reportsTo: postIdSchema,
  duties: z.array(labelSchema).min(1, "a post needs at least one duty"),
  forms: z.array(z.string().min(1).max(100)).default([]),
  processes: z.array(processPartSchema).default([]),
  clearance: ConfidentialityLevel.schema,
  needToKnow: z.array(AccessModule.schema).default([]),
})
const policySchema = z.strictObject({
  version: z.string().trim().min(1).max(100),
  preset: z.enum(["smallEnterprise", "largeEnterprise"]),
  labels: z.record(postIdSchema, labelSchema).default({}),
  merges: z.record(postIdSchema, postIdSchema).default({}),
  added: z.record(postIdSchema, addedPostSchema).default({}),
  authority: z.record(postIdSchema, z.record(z.string().min(1).max(100), limitSchema)).default({}),
})

/**
 * Validates a company's organisation policy and checks that it resolves: every post it names
 * exists, merges go into posts that remain, reporting lines end at the general manager and no two
 * posts share a name. Errors name the field (`merges.researchOfficer`, `added.hotline.reportsTo`).
 * Sections left out are empty, so `{ version: "acme-1", preset: "smallEnterprise" }` is a policy.
 */
export function parseOrganisationPolicy(input: unknown): Result.Result<OrganisationPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.organisation", parsed.error.issues))
  const policy: OrganisationPolicy = parsed.data
  const resolved = resolveOrganisation(policy)
  return Result.isFailure(resolved) ? Result.fail(resolved.failure) : Result.succeed(policy)
}
