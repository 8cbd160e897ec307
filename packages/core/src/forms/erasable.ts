import { z } from "zod"

/**
 * What an erasure (PIPL art. 47) leaves where a natural person's value was: `⟦erased:kind⟧`. The
 * marker's model is `information/personal/erased.ts`; its pattern lives here because a form must
 * accept it back.
 */
export const erasedPattern = /^⟦erased:([A-Za-z]+)⟧$/

/**
 * A field schema that also accepts an erasure marker: a stored command whose person was erased is
 * decided again when an engine replays it (the cluster engine's workflows do), and must be decided
 * the same way, not refused for the marker's format.
 */
export const erasable = (schema: z.ZodType<string>): z.ZodType<string> =>
  z.string().transform((value, context) => {
    if (erasedPattern.test(value)) return value
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    // The field's own messages, not a union's "invalid input": the form names what is wrong.
    for (const issue of parsed.error.issues)
      context.addIssue({ code: "custom", message: issue.message, path: [...issue.path] })
    return z.NEVER
  })
