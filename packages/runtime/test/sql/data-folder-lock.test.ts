import { spawn, spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { hostname } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { dataFolderHolder, HeldDataFolder, lockDataFolder } from "../../src/sql/data-folder-lock.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { temporaryFolderPerTest } from "../fixtures/temporary-folder.ts"

const contenderScript = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "data-folder-contender.ts",
)

interface Contender {
  /** The first line it printed: `held <total>`, `in-use`, or `failed …`. */
  readonly answer: Promise<string>
  /** SIGKILL to the contender and everything it started (its pid namespace, under unshare). */
  readonly kill9: () => void
  readonly exited: Promise<void>
}

const contend = (
  mode: "lock" | "database",
  folder: string,
  prefix: ReadonlyArray<string> = [],
): Contender => {
  const command = [...prefix, process.execPath, "--conditions=@tixi/source", contenderScript, mode, folder]
  const [program = "", ...rest] = command
  const child = spawn(program, rest, { stdio: ["ignore", "pipe", "pipe"], detached: true })
  let output = ""
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const answer = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      const line = output.split("\n")
      if (line.length > 1) resolve(line[0] ?? "")
    })
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    void exited.then(() => reject(new Error(`the contender exited without answering: ${output}`)))
  })
  const kill9 = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL")
    } catch {
      // Already gone.
    }
  }
  return { answer, kill9, exited }
}

// Separate pid namespaces need root (or user namespaces) and util-linux's unshare.
const canUnshare =
  spawnSync("unshare", ["--pid", "--fork", "--kill-child", "true"], { stdio: "ignore" }).status === 0

describe("the data folder lock", () => {
  const folderNow = temporaryFolderPerTest("tixi-lock-")

  it("lets exactly one of two processes racing on a stale lock hold the folder, 100 rounds", {
    timeout: 600_000,
  }, async () => {
    const folder = folderNow()
    const answers: Array<string> = []
    for (let round = 0; round < 100; round++) {
      // The holder of the round before was killed with SIGKILL: its lock file and record stay.
      const both = [contend("lock", folder), contend("lock", folder)]
      const round_answers = await Promise.all(both.map((contender) => contender.answer))
      answers.push(round_answers.toSorted().join(" | "))
      for (const contender of both) contender.kill9()
      await Promise.all(both.map((contender) => contender.exited))
    }
    const expected = Array.from({ length: 100 }, (_, round) => `held ${round + 1} | in-use`)
    expect(answers).toEqual(expected)
    expect(Number(readFileSync(join(folder, "holders.count"), "utf8"))).toBe(100)
  })

  it.skipIf(!canUnshare)(
    "lets exactly one of two runners in separate pid namespaces hold the folder, losing no committed row",
    { timeout: 600_000 },
    async () => {
      const folder = folderNow()
      const unshare = ["unshare", "--pid", "--fork", "--kill-child"]
      const answers: Array<string> = []
      for (let round = 0; round < 3; round++) {
        const both = [contend("database", folder, unshare), contend("database", folder, unshare)]
        answers.push((await Promise.all(both.map((contender) => contender.answer))).toSorted().join(" | "))
        for (const contender of both) contender.kill9()
        await Promise.all(both.map((contender) => contender.exited))
      }
      // Each holder commits 10 rows and counts all of them: every round finds the rounds before.
      expect(answers).toEqual(["held 10 | in-use", "held 20 | in-use", "held 30 | in-use"])
    },
  )

  it("tells who holds the folder while it is held, nobody once released, and refuses a second opener here", async () => {
    const folder = folderNow()
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const held = yield* lockDataFolder(folder)
          expect(held.folder).toBe(folder)
          const holder = dataFolderHolder(folder)
          expect(holder).toMatchObject({ pid: process.pid, host: hostname() })
          const refusal = yield* Effect.flip(lockDataFolder(folder, { waitMillis: 0 }))
          expect(refusal._tag).toBe("DataFolderInUse")
          expect(refusal.message).toContain(`process ${process.pid} on ${hostname()}`)
          // The probe above and the refused opener must not have dropped the lock.
          expect(dataFolderHolder(folder)).toMatchObject({ pid: process.pid })
        }),
      ),
    )
    expect(dataFolderHolder(folder)).toBeUndefined()
  })

  it("says in the embedded database's context that the folder is held, so its holder's files can follow", {
    timeout: 120_000,
  }, async () => {
    const folder = folderNow()
    const seen = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const context = yield* Layer.build(pgliteLayer({ folder }))
          const held = yield* Effect.serviceOption(HeldDataFolder).pipe(Effect.provide(context))
          return { held, holder: dataFolderHolder(folder) }
        }),
      ),
    )
    expect(Option.getOrUndefined(seen.held)?.folder).toBe(folder)
    expect(seen.holder).toMatchObject({ pid: process.pid })
    const inMemory = await Effect.runPromise(
      Effect.serviceOption(HeldDataFolder).pipe(Effect.provide(pgliteLayer()), Effect.scoped),
    )
    expect(Option.isNone(inMemory)).toBe(true)
  })
})
