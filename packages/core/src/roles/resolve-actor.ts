import { Effect } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import { UnknownActor } from "../errors/refusals.ts"
import { Directory, type Person } from "../ports/directory.ts"
import type { Actor } from "./actor.ts"
import { managementLadder, type Role, rankOf } from "./role.ts"

/**
 * The post a person acts in: the one claimed when the person holds it (a manager who is also on
 * the finance rota may act for finance), otherwise the highest post on the ladder they hold (or
 * their first post off it). Undefined for a person without posts.
 */
export function postOf(person: Person, claimed?: Role): Role | undefined {
  if (claimed !== undefined && person.roles.includes(claimed)) return claimed
  const onLadder = person.roles.filter((role) => rankOf(role) >= 0)
  if (onLadder.length > 0) return managementLadder[Math.max(...onLadder.map(rankOf))]
  return person.roles[0]
}

/** The post of staff the directory knows but gives no tixi post (a quality inspector): the lowest rung. */
const postOfStaffWithoutPost: Role = managementLadder[0]!

/**
 * The actor as the company's directory knows them: the post comes from the `Directory`, never from
 * what a command claims (an officer who claims `director` acts as an officer; staff the
 * directory knows without a post, such as a quality inspector asked to investigate, act in the
 * lowest post, whatever they claim). A person the directory does not know, or knows as inactive,
 * is refused with `UnknownActor`; a directory that cannot answer fails with its `PortFailure`, so
 * the command can be sent again.
 */
export const resolveActor = (claimed: Actor): Effect.Effect<Actor, UnknownActor | PortFailure, Directory> =>
  Effect.gen(function* () {
    const directory = yield* Directory
    const person = yield* directory.person(claimed.personId).pipe(
      Effect.catchIf(
        (failure) => failure.reason._tag === "NotFound",
        () => Effect.fail(new UnknownActor({ personId: claimed.personId, reason: "not in the directory" })),
      ),
    )
    if (!person.active)
      return yield* Effect.fail(
        new UnknownActor({ personId: claimed.personId, reason: "inactive in the directory" }),
      )
    return { personId: person.id, role: postOf(person, claimed.role) ?? postOfStaffWithoutPost }
  })
