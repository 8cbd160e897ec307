import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as Core from "@tixi/core"

/** Every form the core exports, by id, found by shape so no test keeps a hand-written list. */
export const exportedForms: ReadonlyMap<string, { readonly source: string }> = (() => {
  const forms = new Map<string, { readonly source: string }>()
  for (const namespace of Object.values(Core)) {
    if (typeof namespace !== "object" || namespace === null) continue
    for (const value of Object.values(namespace)) {
      if (
        typeof value === "object" &&
        value !== null &&
        "id" in value &&
        "source" in value &&
        "fields" in value
      )
        forms.set(String(value.id), value as { source: string })
    }
  }
  return forms
})()

/** An export of one of the core's namespaces (`Credit`, `Quality`, …), or undefined. */
export const moduleExport = (module: string, name: string): unknown =>
  (Core as unknown as Record<string, Record<string, unknown> | undefined>)[module]?.[name]

const source = join(import.meta.dirname, "../../src")

/** The source of every process definition, where each process names itself in a string literal. */
export const processSources: string = readdirSync(source, { recursive: true, encoding: "utf8" })
  .filter((path) => path.includes("process") && path.endsWith(".ts"))
  .map((path) => readFileSync(join(source, path), "utf8"))
  .join("\n")
