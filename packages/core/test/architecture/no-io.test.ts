import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

// DESIGN rule 1: the core does no I/O and reads no clock or randomness of its own; time comes
// from Effect's Clock and randomness from Effect's Random. This test keeps it that way.
const forbidden: ReadonlyArray<[RegExp, string]> = [
  [/from\s+["']node:/, "imports a Node.js module"],
  [/\bprocess\.(env|argv|exit|stdout|stderr|cwd)/, "touches the process"],
  [/\bDate\.now\s*\(/, "reads the wall clock"],
  [/\bnew Date\s*\(/, "constructs a Date (use civil dates and Instants)"],
  [/\bMath\.random\s*\(/, "uses unseeded randomness"],
  [/\b(fetch|setTimeout|setInterval|XMLHttpRequest|WebSocket)\s*\(/, "does I/O or schedules timers"],
  [/\bperformance\.now\s*\(/, "reads a clock"],
]

function sources(folder: string): Array<string> {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : []
  })
}

describe("the core does no I/O", () => {
  const root = join(import.meta.dirname, "..", "..", "src")
  const files = sources(root)

  it("finds the core's sources", () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files.map((file) => [file.slice(root.length + 1), file]))("%s", (_name, file) => {
    const text = readFileSync(file, "utf8")
    const problems = forbidden.filter(([pattern]) => pattern.test(text)).map(([, why]) => why)
    expect(problems).toEqual([])
  })

  it("depends only on effect and zod", () => {
    const manifest = JSON.parse(readFileSync(join(root, "..", "package.json"), "utf8"))
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["effect", "zod"])
  })
})
