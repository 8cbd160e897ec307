import type { PersonId } from "../ids/ids.ts"
import type { Role } from "../roles/role.ts"
import type { Assignee } from "./effect-request.ts"

/**
 * Whom a task or notice goes to: the person the instance recorded (the plan's owner, the
 * appraising supervisor), or the post's holders before anyone is recorded — so an effect of an
 * instance opened without a named owner still reaches someone.
 */
export const personOrPost = (person: PersonId | undefined, post: Role): Assignee =>
  person === undefined || person === "" ? { role: post } : { person }
