import type { Assignee } from "../../process/effect-request.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import type { Actor } from "../../roles/actor.ts"

/** The supervisor who opened a key-account cycle, or the post when none is recorded yet. */
export const supervisorOf = (supervisor: Actor | undefined): Assignee =>
  personOrPost(supervisor?.personId, "supervisor")
