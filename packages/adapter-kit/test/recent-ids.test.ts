import { makeRecentIds } from "@tixi/adapter-kit"
import { describe, expect, it } from "vitest"

describe("makeRecentIds", () => {
  it("reports the first sighting once and duplicates after", () => {
    const ids = makeRecentIds()
    expect(ids.firstSighting("e-1")).toBe(true)
    expect(ids.firstSighting("e-1")).toBe(false)
    expect(ids.has("e-1")).toBe(true)
    expect(ids.has("e-2")).toBe(false)
  })

  it("forgets the oldest beyond its capacity, keeping memory flat", () => {
    const ids = makeRecentIds(3)
    for (const id of ["a", "b", "c", "d"]) ids.firstSighting(id)
    expect(ids.size()).toBe(3)
    expect(ids.has("a")).toBe(false)
    expect(ids.firstSighting("d")).toBe(false)
  })

  it("forget lets a failed delivery be accepted again", () => {
    const ids = makeRecentIds()
    ids.firstSighting("e-1")
    ids.forget("e-1")
    expect(ids.firstSighting("e-1")).toBe(true)
  })

  it("rejects a bad capacity", () => {
    expect(() => makeRecentIds(0)).toThrow(RangeError)
  })
})
