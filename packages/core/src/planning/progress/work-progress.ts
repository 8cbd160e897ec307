import { Result } from "effect"
import { z } from "zod"
import type { BusinessCalendar } from "../../calendar/business-calendar.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { parseWith } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { Post } from "../../organisation/post.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import type { ProgressBand } from "../labels/progress-band.ts"

const openItemSchema = z.strictObject({
  process: z.string().min(1).max(200),
  instanceId: commandIdSchema,
  department: departmentIdSchema.optional(),
  ownerPost: Post.schema.optional(),
  ownerPerson: personIdSchema.optional(),
  /** The stage the instance stands at (its status line). */
  stage: commandTextSchema(200),
  nextDeadline: z.strictObject({ key: z.string().min(1).max(200), dueAt: instantSchema }).optional(),
  /** How many rungs the instance has been escalated (0: none). */
  escalationLevel: z.number().int().min(0).max(10),
})

/** One open instance as the runtime's status knows it: whose it is, where it stands, what it waits on. */
export interface OpenItem {
  readonly process: string
  readonly instanceId: string
  readonly department?: DepartmentId | undefined
  readonly ownerPost?: Post | undefined
  readonly ownerPerson?: PersonId | undefined
  readonly stage: string
  readonly nextDeadline?: { readonly key: string; readonly dueAt: Instant } | undefined
  readonly escalationLevel: number
}

/** An open item placed against its deadline in working time. */
export interface ProgressItem extends OpenItem {
  readonly band: ProgressBand
  /** Working minutes to the deadline (negative once overdue); undefined without a deadline. */
  readonly workingMinutesLeft: number | undefined
}

/** The items of one department or one owner, most urgent first, with the counts a head reads first. */
export interface ProgressGroup {
  /** The department id, the owner (a person's id, else the post's), or `unassigned`. */
  readonly key: string
  readonly items: ReadonlyArray<ProgressItem>
  readonly open: number
  readonly dueSoon: number
  readonly overdue: number
  readonly escalated: number
}

/** 工作进度控制: every open item, per department and per owner, at one instant. */
export interface WorkProgress {
  readonly at: Instant
  readonly departments: ReadonlyArray<ProgressGroup>
  readonly owners: ReadonlyArray<ProgressGroup>
}

/** Options of the progress view. */
export interface WorkProgressOptions {
  /** Working minutes before a deadline from which an item is due soon (default 240, half a day). */
  readonly dueSoonWorkingMinutes?: number
}

const bandOrder: Readonly<Record<ProgressBand, number>> = {
  overdue: 0,
  dueSoon: 1,
  onTrack: 2,
  noDeadline: 3,
}

/** Most urgent first: by band, then the most escalated, then the least working time left. */
const byUrgency = (left: ProgressItem, right: ProgressItem): number =>
  bandOrder[left.band] - bandOrder[right.band] ||
  right.escalationLevel - left.escalationLevel ||
  (left.workingMinutesLeft ?? 0) - (right.workingMinutesLeft ?? 0) ||
  left.instanceId.localeCompare(right.instanceId)

function groupsOf(items: ReadonlyArray<ProgressItem>, keyOf: (item: ProgressItem) => string) {
  const groups = new Map<string, Array<ProgressItem>>()
  for (const item of items) {
    const key = keyOf(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return [...groups.entries()]
    .map(
      ([key, members]): ProgressGroup => ({
        key,
        items: members,
        open: members.length,
        dueSoon: members.filter((item) => item.band === "dueSoon").length,
        overdue: members.filter((item) => item.band === "overdue").length,
        escalated: members.filter((item) => item.escalationLevel > 0).length,
      }),
    )
    .sort(
      (left, right) =>
        right.overdue - left.overdue || right.dueSoon - left.dueSoon || left.key.localeCompare(right.key),
    )
}

/**
 * 客户服务工作进度控制 (002 ch.2 2.6) as a view: the open instances of every process placed
 * against their next deadline in working time (`calendar`), grouped per department and per owner,
 * most urgent first, so the department head chases what is late rather than what is open. Input
 * that does not validate is refused naming the item and field (`items[3].nextDeadline.dueAt`).
 */
export function workProgress(
  input: ReadonlyArray<unknown>,
  at: Instant,
  calendar: BusinessCalendar,
  options: WorkProgressOptions = {},
): Result.Result<WorkProgress, ValidationError> {
  const parsed = parseWith("planning.progress", z.strictObject({ items: z.array(openItemSchema) }), {
    items: input,
  })
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const dueSoon = options.dueSoonWorkingMinutes ?? 240
  const items = (parsed.success.items as ReadonlyArray<OpenItem>)
    .map((item): ProgressItem => {
      if (item.nextDeadline === undefined)
        return { ...item, band: "noDeadline", workingMinutesLeft: undefined }
      const left = calendar.workingMinutesBetween(at, item.nextDeadline.dueAt)
      const band = item.nextDeadline.dueAt <= at ? "overdue" : left <= dueSoon ? "dueSoon" : "onTrack"
      return { ...item, band, workingMinutesLeft: left }
    })
    .sort(byUrgency)
  return Result.succeed({
    at,
    departments: groupsOf(items, (item) => item.department ?? "unassigned"),
    owners: groupsOf(items, (item) => item.ownerPerson ?? item.ownerPost ?? "unassigned"),
  })
}
