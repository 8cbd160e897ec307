import { Accounts, type EffectRequest } from "@tixi/core"
import { expect } from "vitest"

const typeOf = { boolean: "boolean", dateTime: "number", text: "string", choice: "string" } as const

/**
 * Checks that every customer field the effects write is one `keyAccountFieldSpecs` declares (so
 * install creates it on the host), with a value of its type, and a choice among its options.
 */
export function expectDeclaredFields(effects: ReadonlyArray<EffectRequest>): void {
  const updates = effects.flatMap((effect) =>
    effect.kind === "host.customer.update" ? Object.entries(effect.fields) : [],
  )
  expect(updates.length).toBeGreaterThan(0)
  for (const [name, value] of updates) {
    const spec = Accounts.keyAccountFieldSpecs.find((candidate) => candidate.name === name)
    expect(spec, name).toBeDefined()
    expect(typeof value, name).toBe(typeOf[spec!.type as keyof typeof typeOf])
    if (spec!.options)
      expect(
        spec!.options.map((option) => option.value),
        name,
      ).toContain(value)
  }
}
