import { describe, expect, it } from "vitest"
import { checkCallbackTimestamp, contentId } from "../src/index.ts"

describe("checkCallbackTimestamp", () => {
  const now = Date.UTC(2026, 11, 7, 15, 0)

  it("accepts seconds or milliseconds within the tolerance and refuses beyond it, both ways", () => {
    expect(checkCallbackTimestamp(String(now / 1000 - 299), now)).toBeUndefined()
    expect(checkCallbackTimestamp(String(now + 299_000), now)).toBeUndefined()
    expect(checkCallbackTimestamp(String(now / 1000 - 301), now)?.message).toBe(
      `timestamp ${now / 1000 - 301} is 301 s old, outside the 300 s tolerance`,
    )
    expect(checkCallbackTimestamp(String(now + 301_000), now)?.message).toMatch(/301 s ahead/)
    expect(checkCallbackTimestamp(String(now / 1000 - 301), now, 600_000)).toBeUndefined()
  })

  it("refuses a timestamp that is not a number of seconds or milliseconds", () => {
    for (const timestamp of ["", "1e9", "-1", "0x5f5e100", "12.5", "9".repeat(40)]) {
      expect(checkCallbackTimestamp(timestamp, now)?._tag, timestamp).toBe("StaleCallback")
    }
  })
})

describe("contentId", () => {
  it("is the same for the same content and differs for different content", () => {
    expect(contentId('{"a":1}')).toBe(contentId('{"a":1}'))
    expect(contentId('{"a":1}')).not.toBe(contentId('{"a":2}'))
    expect(contentId("")).toMatch(/^[0-9a-f]{32}$/)
  })
})
