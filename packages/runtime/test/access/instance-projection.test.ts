import { type AnyForm, Complaints, defaultAccessPolicy } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  compileInstanceProjection,
  defaultStateForms,
  instanceProjectionCache,
  projectInstance,
} from "../../src/access/instance-projection.ts"
import { defaultProcessModules } from "../../src/access/workflow-field.ts"
import type { InstanceView } from "../../src/engine/process-runtime.ts"
import { readerOf, readers } from "../fixtures/readers.ts"

const fieldKeys = Object.keys((Complaints.registrationForm as unknown as AnyForm).fields)
const viewOf = (process: string, state: unknown): InstanceView => ({
  process,
  instanceId: "C-1",
  state,
  status: "open",
  finished: false,
  turns: 1,
  parked: false,
})

describe("the compiled instance projection, cached per policy version, process and kind of reader", () => {
  it("a cached projection shows every post exactly what compiling afresh shows", () => {
    const projectionFor = instanceProjectionCache(defaultAccessPolicy, defaultStateForms)
    fc.assert(
      fc.property(
        fc.constantFrom(...readers),
        fc.constantFrom("complaint", "credit.standard", "a-process-tixi-cannot-place"),
        fc.dictionary(fc.constantFrom(...fieldKeys), fc.string(), { minKeys: 1 }),
        fc.dictionary(fc.constantFrom("stage", "handler", "constructor", "toString"), fc.string()),
        ({ post }, process, registration, workflow) => {
          const view = viewOf(process, { ...workflow, registration })
          const reader = readerOf(post)
          expect(projectionFor(process, reader).project(view)).toEqual(
            projectInstance(view, reader, defaultAccessPolicy, defaultStateForms),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it("compiles once per process and kind of reader: readers of the same posts share it, another post or process does not", () => {
    const projectionFor = instanceProjectionCache(defaultAccessPolicy, defaultStateForms)
    const officer = readerOf("complaintOfficer")
    const sameModules = { clearance: officer.clearance, modules: new Set([...officer.modules]) }
    const first = projectionFor("complaint", officer)
    expect(projectionFor("complaint", sameModules)).toBe(first)
    expect(projectionFor("complaint", readerOf("financeManager"))).not.toBe(first)
    expect(projectionFor("credit.standard", officer)).not.toBe(first)
  })

  it("a new policy version compiles afresh and applies its levels", () => {
    const stricter = {
      ...defaultAccessPolicy,
      version: "company-2027.1",
      formFields: { [Complaints.registrationForm.id]: { [fieldKeys[0]!]: "confidential" as const } },
    }
    const officer = readerOf("complaintOfficer")
    const view = viewOf("complaint", { registration: { [fieldKeys[0]!]: "value" } })
    const before = instanceProjectionCache(defaultAccessPolicy, defaultStateForms)("complaint", officer)
    const after = instanceProjectionCache(stricter, defaultStateForms)("complaint", officer)
    expect(before.project(view).masked).toHaveLength(0)
    expect(after.project(view).masked.map((entry) => entry.field)).toContain(`registration.${fieldKeys[0]}`)
    expect(before.project(view)).toEqual(
      compileInstanceProjection(
        "complaint",
        officer,
        defaultAccessPolicy,
        defaultStateForms,
        defaultProcessModules,
      ).project(view),
    )
  })
})
