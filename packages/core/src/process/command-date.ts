import type { z } from "zod"
import { civilDateSchema } from "../time/civil-date.ts"

/**
 * A calendar date in a command (a visit day, a period's bounds), written YYYY-MM-DD and checked to
 * be a real date. Typed as the plain string the caller sends, so a command type derived from its
 * validator (`ShapedCommand`) accepts `"2026-05-19"` without the caller branding it a `CivilDate`.
 */
export const commandDateSchema: z.ZodType<string> = civilDateSchema
