import { Result } from "effect"
import { PostNotHeld, UnknownActor } from "../errors/refusals.ts"
import type { DirectorySnapshot, Person } from "../ports/directory.ts"
import type { Actor } from "./actor.ts"
import { managementLadder, type Role } from "./role.ts"

/**
 * The rung staff the directory knows without any tixi role act in (a quality inspector asked to
 * investigate): the lowest, which carries no authority beyond what every member of staff has.
 */
const lowestRung: Role = managementLadder[0]!

/** Whether the person may act in `role`: they hold it, or they hold no role and claim the lowest rung. */
const mayActIn = (person: Person, role: Role): boolean =>
  person.roles.includes(role) || (person.roles.length === 0 && role === lowestRung)

/**
 * The actor a command may act as, given the person the directory returned for it (undefined when
 * it has none by that id). The claimed role, and the claimed post when there is one, must be held:
 * a claim beyond them is refused with `PostNotHeld`, never downgraded, so the outcome a sender
 * gets is always the one for the post they asked for. Only staff without any role may claim the
 * lowest rung without holding it: they have no higher post to be confused with, and flows that
 * ask any member of staff to act (an investigation) need some rung.
 */
export function actorOf(
  person: Person | undefined,
  claimed: Actor,
): Result.Result<Actor, UnknownActor | PostNotHeld> {
  if (person === undefined)
    return Result.fail(new UnknownActor({ personId: claimed.personId, reason: "not in the directory" }))
  if (!person.active)
    return Result.fail(new UnknownActor({ personId: claimed.personId, reason: "inactive in the directory" }))
  if (!mayActIn(person, claimed.role))
    return Result.fail(
      new PostNotHeld({ personId: person.id, claimed: claimed.role, held: [...person.roles] }),
    )
  if (claimed.post !== undefined && !person.posts.includes(claimed.post))
    return Result.fail(
      new PostNotHeld({ personId: person.id, claimed: claimed.post, held: [...person.posts] }),
    )
  return Result.succeed(
    claimed.post === undefined
      ? { personId: person.id, role: claimed.role }
      : { personId: person.id, role: claimed.role, post: claimed.post },
  )
}

/**
 * The actor a command may act as, resolved over a snapshot of the directory: for embedders of the
 * core alone, who run deciders without the runtime. Agrees with `resolveActor` (the Effect over the
 * `Directory` port) because both go through `actorOf`.
 */
export const resolveActorIn = (
  snapshot: DirectorySnapshot,
  claimed: Actor,
): Result.Result<Actor, UnknownActor | PostNotHeld> =>
  actorOf(
    snapshot.people.find((person) => person.id === claimed.personId),
    claimed,
  )
