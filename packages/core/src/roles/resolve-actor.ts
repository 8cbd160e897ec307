import { Effect } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import type { PostNotHeld, UnknownActor } from "../errors/refusals.ts"
import { Directory, type Person } from "../ports/directory.ts"
import type { Actor } from "./actor.ts"
import { actorOf } from "./resolve-actor-in.ts"
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

/**
 * The actor as the company's directory knows them: authority is resolved, not claimed. A command
 * whose actor claims a role or post the directory does not give them is refused with
 * `PostNotHeld` (an officer who claims `director` is refused, not run as an officer); a person the
 * directory does not know, or knows as inactive, with `UnknownActor`. A directory that cannot
 * answer fails with its `PortFailure` (retryable when the host is down), so the command fails
 * closed and can be sent again. Same rules as `resolveActorIn`, through `actorOf`.
 */
export const resolveActor = (
  claimed: Actor,
): Effect.Effect<Actor, UnknownActor | PostNotHeld | PortFailure, Directory> =>
  Effect.gen(function* () {
    const directory = yield* Directory
    const person = yield* directory.person(claimed.personId).pipe(
      Effect.catchIf(
        (failure) => failure.reason._tag === "NotFound",
        () => Effect.succeed(undefined),
      ),
    )
    return yield* Effect.fromResult(actorOf(person, claimed))
  })
