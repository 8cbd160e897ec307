import { z } from "zod"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { labelSchema } from "../../labels/label.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { instantSchema } from "../../time/instant.ts"
import { ChainDriver, ExpiryAction, StepMode } from "../labels/approval-labels.ts"
import { RequestType } from "../labels/request-type.ts"
import type { ApprovalCommand } from "./approval-messages.ts"

const key = z.string().min(1).max(500)
const name = safeTextSchema(200)
/** Deadlines are at most a year, as in the approval policy, so a due instant stays in range. */
const hours = z
  .number()
  .positive()
  .max(24 * 365)
const counter = z.number().int().min(0).max(1_000_000)
const values = z.record(z.string(), z.unknown())

const resolvedStep = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, "must be a short name (letters, digits, _ -)"),
  label: labelSchema,
  mode: StepMode.schema,
  approvers: z.array(personIdSchema).max(100),
  deadline: z
    .strictObject({ hours, onExpiry: ExpiryAction.schema, escalateTo: z.array(personIdSchema).max(100) })
    .optional(),
})

const delegation = z.strictObject({
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  validFrom: instantSchema.optional(),
  validUntil: instantSchema.optional(),
  requestTypes: z.array(RequestType.schema).optional(),
})

const request = z.strictObject({
  requestType: RequestType.schema,
  businessKey: key,
  title: labelSchema,
  requester: personIdSchema,
  formId: z.string().min(1).max(200),
  values,
})

const comment = safeTextSchema(2000).optional()

/**
 * The shape of every approval command, checked before the decider reads it: approval commands
 * arrive from hosts' callbacks and from other processes, so bad input becomes a
 * `ValidationError` naming the field instead of a throw from deep inside the decider.
 */
export const approvalCommandSchema: z.ZodType<ApprovalCommand> = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("submit"),
    at: instantSchema,
    requestId: z.string().min(1).max(500),
    request,
    policyVersion: name,
    driver: ChainDriver.schema,
    steps: z.array(resolvedStep).max(20),
    deadline: z.strictObject({ hours, onExpiry: z.enum(["remind", "autoApprove", "autoReject"]) }).optional(),
    delegations: z.array(delegation).max(1000).optional(),
  }),
  z.strictObject({ type: z.literal("approve"), at: instantSchema, actor: personIdSchema, comment }),
  z.strictObject({ type: z.literal("reject"), at: instantSchema, actor: personIdSchema, comment }),
  z.strictObject({
    type: z.literal("hostOutcome"),
    at: instantSchema,
    key,
    approvalId: z.string().min(1).max(500),
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    decidedBy: personIdSchema.optional(),
    comment,
  }),
  z.strictObject({
    type: z.literal("withdraw"),
    at: instantSchema,
    actor: personIdSchema.optional(),
    reason: safeTextSchema(2000),
  }),
  z.strictObject({
    type: z.literal("comment"),
    at: instantSchema,
    author: personIdSchema,
    text: safeTextSchema(2000),
  }),
  z.strictObject({
    type: z.literal("resubmit"),
    at: instantSchema,
    actor: personIdSchema,
    values: values.optional(),
  }),
  z.strictObject({
    type: z.literal("redirect"),
    at: instantSchema,
    actor: personIdSchema,
    to: personIdSchema,
  }),
  z.strictObject({
    type: z.literal("expire"),
    at: instantSchema,
    scope: z.enum(["step", "chain"]),
    round: counter,
    stepIndex: counter,
    attempt: counter,
  }),
]) as unknown as z.ZodType<ApprovalCommand>
