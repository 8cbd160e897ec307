import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/models/AssociationSpec.js"
import { describe, expect, it } from "vitest"
import { clientEnum } from "../../src/vendor/client-enum.ts"

// Issue 12, item 21: every request the adapter sends is typed by @hubspot/api-client's own
// request models, so the compiler, not a reviewer, checks it against HubSpot's contract; and each
// one names its vendor source. This test keeps the casts that switched the check off from coming back.
const root = join(import.meta.dirname, "..", "..", "src")
const files = (readdirSync(root, { recursive: true }) as Array<string>)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name, text: readFileSync(join(root, name), "utf8") }))

describe("requests to HubSpot are checked by the compiler", () => {
  it("finds the adapter's sources and their requests", () => {
    expect(files.filter((file) => /\.send\s*[<(]/.test(file.text)).length).toBeGreaterThan(15)
  })

  it.each(files.map((file) => [file.name, file.text]))(
    "%s: no cast that hides a request's type",
    (_name, text) => {
      expect(text.match(/\bas\s+(never|any)\b/g) ?? []).toEqual([])
    },
  )

  it.each(files.filter((file) => /\.send\s*[<(]/.test(file.text)).map((file) => [file.name, file.text]))(
    "%s: every request names the vendor page it follows",
    (_name, text) => {
      const lines = text.split("\n")
      const unsourced = lines.flatMap((line, index) =>
        /\.send\s*[<(]/.test(line) &&
        !lines
          .slice(Math.max(0, index - 4), index)
          .some((above) => /\/\/ https:\/\/developers\.hubspot\.com\//.test(above))
          ? [index + 1]
          : [],
      )
      expect(unsourced).toEqual([])
    },
  )

  it("takes a client enum only from one of its wire values", () => {
    expect(clientEnum<AssociationSpecAssociationCategoryEnum>("HUBSPOT_DEFINED")).toBe("HUBSPOT_DEFINED")
    // @ts-expect-error HubSpot has no association category "HUBSPOT": the type check refuses it.
    expect(clientEnum<AssociationSpecAssociationCategoryEnum>("HUBSPOT")).toBe("HUBSPOT")
  })
})
