import { commandShape, commandUnion, parseProcessCommand } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { parseKnownFields } from "../../src/process/known-field-parsing.ts"

// The quick path skips zod's search for unknown fields once the kit has seen that every field is
// the shape's own; whatever the command, the result must be the strict union's, issue for issue.
describe("parseKnownFields", () => {
  const commands = commandUnion(
    commandShape("Receive", { id: z.string().min(1), need: z.string().trim(), note: z.string().optional() }),
    commandShape("Close", { note: z.string() }),
  )
  const inherited = Object.assign(Object.create({ extra: 1 }) as object, { type: "Close", at: 0, note: "x" })

  it.each([
    ["a command with its own fields only", { type: "Receive", at: 5, id: "FK-1", need: " 发票 " }],
    [
      "an optional field given as undefined",
      { type: "Receive", at: 5, id: "FK-1", need: "n", note: undefined },
    ],
    ["an unknown field", { type: "Receive", at: 5, id: "FK-1", need: "n", extra: true }],
    ["an unknown field and a bad one", { type: "Receive", at: 5, id: "", need: "n", extra: true }],
    ["a missing field", { type: "Close", at: 5 }],
    ["an unknown type", { type: "Open", at: 5 }],
    ["a field inherited from a prototype", inherited],
    ["an own __proto__ field", JSON.parse('{"type":"Close","at":5,"note":"x","__proto__":{"a":1}}')],
    ["not an object", "Close"],
  ])("gives the strict validator's result for %s", (_case, input) => {
    const quick = parseKnownFields(commands, input)
    const strict = commands.safeParse(input)
    expect(quick.success).toBe(strict.success)
    expect(quick.data).toStrictEqual(strict.data)
    expect(quick.error?.issues).toStrictEqual(strict.error?.issues)
  })

  it("still names the unknown field when a flow's command carries one", () => {
    const parsed = parseProcessCommand("toy.command", commands, { type: "Close", at: 5, note: "x", nte: "y" })
    expect(Result.isFailure(parsed) && parsed.failure.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('"nte"'),
    ])
  })
})
