import type { DirectoryService, Person, PersonId } from "@tixi/core"
import { Clock, Effect } from "effect"
import type { InboundEvent } from "./hosted-process.ts"
import type { ProcessRuntimeService } from "./process-runtime.ts"

/** How long a runner trusts a person the directory returned (`runtimeLayer`'s `personCache`). */
export interface PersonCacheOptions {
  /**
   * How long a person is reused before the directory is asked again (default 60 s): long enough
   * that a burst of commands asks once, short enough that a post taken away stops being usable soon.
   */
  readonly ttlMillis?: number
  /**
   * Which intake events say the directory changed (`isDingTalkDirectoryChange`,
   * `isWeComDirectoryChange`): each one empties the cache, so a post taken away in the host stops
   * being usable at once rather than after the TTL.
   */
  readonly isDirectoryChange?: (event: InboundEvent) => boolean
}

/** A directory whose `person` lookups are reused for a while, and forgotten on a change event. */
export interface CachedDirectory extends DirectoryService {
  /**
   * Forgets one person (a DingTalk `user_modify_org`, a WeCom `change_contact` for them), or
   * everyone when no id is given, so the next command asks the directory again.
   */
  readonly invalidate: (personId?: PersonId) => Effect.Effect<void>
}

/** The default of `PersonCacheOptions.ttlMillis`. */
export const defaultPersonCacheMillis = 60_000

/**
 * The directory with a small per-runner cache of persons: every staff command resolves its actor,
 * so without one a burst of commands asks the host once each. Only answers are kept: a lookup that
 * fails (the host is down, the person is unknown) is asked again next time, so an outage never
 * turns into a stale "yes".
 */
export function cachedDirectory(
  directory: DirectoryService,
  options: PersonCacheOptions = {},
): CachedDirectory {
  const ttlMillis = options.ttlMillis ?? defaultPersonCacheMillis
  const people = new Map<string, { readonly person: Person; readonly until: number }>()
  return {
    ...directory,
    person: (id) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const kept = people.get(id)
        if (kept !== undefined && now < kept.until) return kept.person
        const person = yield* directory.person(id)
        people.set(id, { person, until: now + ttlMillis })
        return person
      }),
    invalidate: (personId) =>
      Effect.sync(() => {
        if (personId === undefined) people.clear()
        else people.delete(personId)
      }),
  }
}

/**
 * The runtime with the person cache emptied whenever an event the intake routes says the
 * directory changed (`PersonCacheOptions.isDirectoryChange`); other events route unchanged.
 */
export const withDirectoryChanges = (
  runtime: ProcessRuntimeService,
  cache: CachedDirectory,
  isDirectoryChange: ((event: InboundEvent) => boolean) | undefined,
): ProcessRuntimeService =>
  isDirectoryChange === undefined
    ? runtime
    : {
        ...runtime,
        routeEvent: (event) =>
          isDirectoryChange(event)
            ? Effect.andThen(cache.invalidate(), runtime.routeEvent(event))
            : runtime.routeEvent(event),
      }
