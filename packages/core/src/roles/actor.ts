import { z } from "zod"
import type { PersonId } from "../ids/ids.ts"
import { Post } from "../organisation/post.ts"
import { Role } from "./role.ts"

/**
 * Who acts, where the flow charts care who acts (who investigates, who approves, who registers a
 * change): the person and the post they act in. The post decides authority (权责内 / 权责外).
 */
export interface Actor {
  readonly personId: PersonId
  readonly role: Role
  /**
   * The post (岗位) the person acts in, where the step cares which post (the credit supervisor,
   * not any supervisor). Optional: most commands only need the rung. Checked against the
   * directory like the role, never trusted as claimed.
   */
  readonly post?: Post | undefined
}

/**
 * The zod validator of a person id inside commands. A cast rather than a `.transform`: the brand
 * exists only for the type checker, and a transform makes every command parse several times slower.
 */
export const personIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/,
    "must be an id (letters, digits, . _ : @ / -)",
  ) as unknown as z.ZodType<PersonId>

/** The zod validator of an actor inside commands. */
export const actorSchema = z.strictObject({
  personId: personIdSchema,
  role: Role.schema,
  post: Post.schema.optional(),
})
