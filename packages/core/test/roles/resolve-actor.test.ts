import { describe, expect, it } from "@effect/vitest"
import {
  type Actor,
  Directory,
  type DirectorySnapshot,
  departmentId,
  inMemoryDirectoryLayer,
  makeInMemoryDirectory,
  type Person,
  PortFailure,
  personId,
  resolveActor,
  resolveActorIn,
  Unavailable,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"

const actor = (id: string, role: Actor["role"], post?: Actor["post"]): Actor =>
  post === undefined ? { personId: personId(id), role } : { personId: personId(id), role, post }

/** A member of staff as the directory returns them. */
const staff = (id: string, roles: Person["roles"], posts: Person["posts"], active = true): Person => ({
  id: personId(id),
  name: id,
  roles,
  posts,
  departmentId: departmentId("complaints-desk"),
  managerId: undefined,
  locale: "zh-CN",
  active,
  accounts: {},
})

/** A complaints desk with a quality inspector the directory knows but gives no role or post. */
const company: DirectorySnapshot = {
  departments: [],
  people: [
    staff("officer-wu", ["officer"], ["complaintOfficer"]),
    staff("supervisor-sun", ["supervisor"], ["complaintSupervisor"]),
    staff("officer-former", ["officer"], ["complaintOfficer"], false),
    staff("inspector-han", [], []),
  ],
}

/** Claims and what the directory makes of them, checked on both resolvers. */
const claims: ReadonlyArray<readonly [string, Actor, string]> = [
  ["the role held", actor("officer-wu", "officer"), "officer-wu/officer"],
  [
    "the role and post held",
    actor("supervisor-sun", "supervisor", "complaintSupervisor"),
    "supervisor-sun/supervisor",
  ],
  ["a role not held (an officer claiming director)", actor("officer-wu", "director"), "PostNotHeld"],
  [
    "a lower role not held (a supervisor claiming officer)",
    actor("supervisor-sun", "officer"),
    "PostNotHeld",
  ],
  ["a post not held", actor("officer-wu", "officer", "creditOfficer"), "PostNotHeld"],
  ["the lowest rung, by staff without a post", actor("inspector-han", "officer"), "inspector-han/officer"],
  ["a higher rung, by staff without a post", actor("inspector-han", "supervisor"), "PostNotHeld"],
  ["a person the directory does not know", actor("someone-else", "officer"), "UnknownActor"],
  ["a person the directory knows as inactive", actor("officer-former", "officer"), "UnknownActor"],
]

const outcomeOf = (result: Result.Result<Actor, { readonly _tag: string }>): string =>
  Result.isSuccess(result) ? `${result.success.personId}/${result.success.role}` : result.failure._tag

describe("authority is resolved, not claimed", () => {
  for (const [name, claimed, expected] of claims) {
    it(`resolveActorIn over a snapshot: ${name} → ${expected}`, () => {
      expect(outcomeOf(resolveActorIn(company, claimed))).toBe(expected)
    })

    it.effect(`resolveActor over the Directory port agrees: ${name} → ${expected}`, () =>
      Effect.gen(function* () {
        const result = yield* Effect.result(resolveActor(claimed))
        expect(outcomeOf(result)).toBe(expected)
      }).pipe(Effect.provide(inMemoryDirectoryLayer(company))),
    )
  }

  it("names the person, the claim and what they hold in the refusal", () => {
    const result = resolveActorIn(company, actor("officer-wu", "director"))
    expect(Result.isFailure(result) && result.failure).toMatchObject({
      _tag: "PostNotHeld",
      personId: "officer-wu",
      claimed: "director",
      held: ["officer"],
    })
    expect(Result.isFailure(result) && result.failure.message).toBe(
      "officer-wu claims director but the directory gives them officer",
    )
  })

  it("keeps the claimed post on the resolved actor", () => {
    const result = resolveActorIn(company, actor("officer-wu", "officer", "complaintOfficer"))
    expect(Result.isSuccess(result) && result.success).toEqual(
      actor("officer-wu", "officer", "complaintOfficer"),
    )
  })

  it.effect("a directory that cannot answer fails with its retryable PortFailure, not a refusal", () =>
    Effect.gen(function* () {
      const down = new PortFailure({
        port: "Directory",
        operation: "person",
        reason: new Unavailable({}),
        detail: "host unreachable",
      })
      const directory = { ...makeInMemoryDirectory(company), person: () => Effect.fail(down) }
      const failure = yield* Effect.flip(
        resolveActor(actor("officer-wu", "officer")).pipe(
          Effect.provide(Layer.succeed(Directory, directory)),
        ),
      )
      expect(failure).toBe(down)
      expect(failure instanceof PortFailure && failure.isRetryable).toBe(true)
    }),
  )
})
