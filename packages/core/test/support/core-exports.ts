import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as Core from "@tixi/core"
import type { AnyForm } from "../../src/forms/form.ts"
import { coreForms } from "./core-forms.ts"

/** Every form the core exports, by id (see `coreForms`). */
export const exportedForms: ReadonlyMap<string, AnyForm> = new Map(coreForms().map((form) => [form.id, form]))

/** An export of one of the core's namespaces (`Credit`, `Quality`, …), or undefined. */
export const moduleExport = (module: string, name: string): unknown =>
  (Core as unknown as Record<string, Record<string, unknown> | undefined>)[module]?.[name]

const source = join(import.meta.dirname, "../../src")

/** The source of every process definition, where each process names itself in a string literal. */
export const processSources: string = readdirSync(source, { recursive: true, encoding: "utf8" })
  .filter((path) => path.includes("process") && path.endsWith(".ts"))
  .map((path) => readFileSync(join(source, path), "utf8"))
  .join("\n")
