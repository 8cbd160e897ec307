import { describe, expect, it } from "@effect/vitest"
import {
  InvalidTransition,
  isRefusal,
  NotWithinAuthority,
  PolicyRefusal,
  PortFailure,
  PostNotHeld,
  Unavailable,
  UnknownActor,
} from "@tixi/core"
import { Effect, Exit } from "effect"
import type { AuditRecord } from "../../src/audit/audit-entry.ts"
import type { AuditTrailService } from "../../src/audit/audit-trail.ts"
import { withAuditTrail } from "../../src/audit/audited-runtime.ts"
import {
  RuntimeStorageFailure,
  UnknownDeadLetter,
  UnknownInstance,
  UnknownProcess,
} from "../../src/engine/errors.ts"
import type { ProcessRuntimeService } from "../../src/engine/process-runtime.ts"

type CommandOperation = "start" | "deliver" | "dispatch" | "decide"

/** Every error the command path of the runtime can fail with, as its signature declares it. */
type CommandFailure = {
  [Operation in CommandOperation]: Effect.Error<ReturnType<ProcessRuntimeService[Operation]>>
}[CommandOperation]

/**
 * One instance of each, keyed by tag: the type demands a key for every tag of `CommandFailure`,
 * so an error added to the command path without being listed here fails the typecheck.
 */
const commandFailures: { readonly [Tag in CommandFailure["_tag"]]: Extract<CommandFailure, { _tag: Tag }> } =
  {
    UnknownProcess: new UnknownProcess({ process: "nope" }),
    UnknownInstance: new UnknownInstance({ process: "complaint", instanceId: "C-1" }),
    UnknownActor: new UnknownActor({ personId: "ghost", reason: "not in the directory" }),
    PostNotHeld: new PostNotHeld({ personId: "officer-wu", claimed: "director", held: ["officer"] }),
    RuntimeStorageFailure: new RuntimeStorageFailure({ operation: "deliver", detail: "disk full" }),
    PortFailure: new PortFailure({
      port: "Directory",
      operation: "person",
      reason: new Unavailable({}),
      detail: "directory down",
    }),
  }

/** How each must be filed: a refusal told the caller no; a failure is the runtime's or a port's. */
const expectedOutcome: { readonly [Tag in CommandFailure["_tag"]]: "refused" | "failed" } = {
  UnknownProcess: "refused",
  UnknownInstance: "refused",
  UnknownActor: "refused",
  PostNotHeld: "refused",
  RuntimeStorageFailure: "failed",
  PortFailure: "failed",
}

const failingRuntime = (error: CommandFailure) =>
  ({
    start: () => Effect.fail(error),
    deliver: () => Effect.fail(error),
    dispatch: () => Effect.fail(error),
    decide: () => Effect.fail(error),
  }) as unknown as ProcessRuntimeService

const recordingTrail = () => {
  const records: Array<AuditRecord> = []
  const trail = {
    record: (entry: AuditRecord) => Effect.sync(() => void records.push(entry)),
  } as unknown as AuditTrailService
  return { records, trail }
}

const command = { type: "register", actor: { personId: "officer-wu", role: "officer" } }

describe("refused or failed: every error of the command path is filed by what it says it is", () => {
  for (const [tag, error] of Object.entries(commandFailures) as Array<
    [CommandFailure["_tag"], CommandFailure]
  >) {
    for (const operation of ["start", "deliver", "dispatch", "decide"] as const) {
      it.effect(`${tag} from ${operation} is filed as ${expectedOutcome[tag]}`, () =>
        Effect.gen(function* () {
          const { records, trail } = recordingTrail()
          const runtime = withAuditTrail(failingRuntime(error), trail)
          const run: Effect.Effect<unknown, unknown> = runtime[operation]("complaint", "C-1", command)
          const exit = yield* Effect.exit(run)
          expect(Exit.isFailure(exit)).toBe(true)
          expect(records).toHaveLength(1)
          expect(records[0]).toMatchObject({
            outcome: expectedOutcome[tag],
            refusal: tag,
            reason: error.message,
          })
        }),
      )
    }
  }

  it("the refusals of the core and the runtime carry the mark; failures do not", () => {
    const refusals = [
      new InvalidTransition({ process: "p", instanceId: "i", state: "s", command: "c", reason: "r" }),
      new NotWithinAuthority({
        decision: "d",
        role: "officer",
        limitMinor: 1,
        requestedMinor: 2,
        currency: "CNY",
      }),
      new PolicyRefusal({ rule: "r", detail: "d" }),
      new UnknownDeadLetter({ id: "dl-1" }),
      ...Object.values(commandFailures).filter((error) => expectedOutcome[error._tag] === "refused"),
    ]
    for (const error of refusals) expect(isRefusal(error)).toBe(true)
    for (const error of Object.values(commandFailures).filter(
      (error) => expectedOutcome[error._tag] === "failed",
    ))
      expect(isRefusal(error)).toBe(false)
    expect(isRefusal(new Error("plain"))).toBe(false)
    expect(isRefusal({ isRefusal: "yes" })).toBe(false)
  })
})
