import type { z } from "zod"
import { civilDateSchema } from "../time/civil-date.ts"

/**
 * The validator of a calendar date inside commands (a cycle's period, the day of a visit):
 * checked as `civilDateSchema` checks it (a real `YYYY-MM-DD` date in range), but typed as the
 * plain string callers write, so a command literal needs no `civilDate(…)` and a flow that
 * derives its command types from its validators keeps the types its callers already use.
 */
export const commandDateSchema: z.ZodType<string> = civilDateSchema
