import {
  type Actor,
  Directory,
  type DirectoryService,
  type PortFailure,
  type PostNotHeld,
  resolveActor,
  type UnknownActor,
} from "@tixi/core"
import { Effect } from "effect"
import type { CommandInput, ProcessRuntimeService } from "./process-runtime.ts"

/**
 * Whether a command's value names someone acting in a post (`{ personId, role }`): the complaint's
 * `actor`, a credit override's `requestedBy`, a cycle's `owner`. The post it claims is not trusted.
 */
const isClaimedActor = (value: unknown): value is Actor =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { personId?: unknown }).personId === "string" &&
  typeof (value as { role?: unknown }).role === "string"

/**
 * The command with each person acting in it checked against the directory (see `resolveActor`):
 * a claimed role or post they do not hold refuses the whole command with `PostNotHeld`; a
 * directory that cannot answer fails it with a `PortFailure`, nothing stored. A command without
 * an actor (a timer, an approval outcome) passes unchanged. The command is stored with the
 * resolved actors, so replay never asks the directory again.
 */
export const withResolvedActor = (
  directory: DirectoryService,
  command: CommandInput,
): Effect.Effect<CommandInput, UnknownActor | PostNotHeld | PortFailure> => {
  const claims = Object.entries(command).filter(([, value]) => isClaimedActor(value))
  if (claims.length === 0) return Effect.succeed(command)
  return Effect.forEach(claims, ([key, value]) =>
    Effect.map(resolveActor(value as Actor), (actor) => [key, actor] as const),
  ).pipe(
    Effect.map((resolved): CommandInput => ({ ...command, ...Object.fromEntries(resolved) })),
    Effect.provideService(Directory, directory),
  )
}

/**
 * The runtime with every command a caller sends (start, deliver, dispatch, decide) acting only in
 * a post the `Directory` gives its actor: a claim beyond it is refused with `PostNotHeld`, people
 * the directory does not know with `UnknownActor`, and a directory outage fails the command closed
 * (retryable `PortFailure`), all before anything is stored. This is what refuses an officer who
 * claims `director` to promise beyond the service level. Events routed from hosts take their
 * actors from the directory already.
 */
export const withDirectoryActors = (
  runtime: ProcessRuntimeService,
  directory: DirectoryService,
): ProcessRuntimeService => ({
  ...runtime,
  start: (process, instanceId, command) =>
    Effect.flatMap(withResolvedActor(directory, command), (resolved) =>
      runtime.start(process, instanceId, resolved),
    ),
  deliver: (process, instanceId, command, options) =>
    Effect.flatMap(withResolvedActor(directory, command), (resolved) =>
      runtime.deliver(process, instanceId, resolved, options),
    ),
  dispatch: (process, instanceId, command) =>
    Effect.flatMap(withResolvedActor(directory, command), (resolved) =>
      runtime.dispatch(process, instanceId, resolved),
    ),
  decide: (process, instanceId, command) =>
    Effect.flatMap(withResolvedActor(directory, command), (resolved) =>
      runtime.decide(process, instanceId, resolved),
    ),
})
