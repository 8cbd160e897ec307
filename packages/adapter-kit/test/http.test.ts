import {
  chunk,
  constantTimeEqual,
  parseRetryAfter,
  reasonForStatus,
  redactUrl,
  sendHttp,
} from "@tixi/adapter-kit"
import { Effect } from "effect"
import { delay, HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

const server = setupServer(
  http.post("https://vendor.test/echo", async ({ request }) =>
    HttpResponse.json({ received: await request.json(), type: request.headers.get("content-type") }),
  ),
  http.get("https://vendor.test/broken", () => HttpResponse.json({ message: "boom" }, { status: 500 })),
  http.get("https://vendor.test/slow", async () => {
    await delay(2_000)
    return HttpResponse.json({})
  }),
  http.get("https://vendor.test/down", () => HttpResponse.error()),
)
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const site = { port: "HostCrm", operation: "test", vendor: "test" }

describe("sendHttp", () => {
  it("sends JSON and parses the reply", async () => {
    const reply = await Effect.runPromise(
      sendHttp(site, { method: "POST", url: "https://vendor.test/echo", json: { a: 1 } }),
    )
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ received: { a: 1 }, type: "application/json; charset=utf-8" })
  })

  it("returns error replies for the vendor's own mapping", async () => {
    const reply = await Effect.runPromise(
      sendHttp(site, { method: "GET", url: "https://vendor.test/broken" }),
    )
    expect(reply.status).toBe(500)
    expect(reply.json).toEqual({ message: "boom" })
  })

  it("turns a network failure into a retryable Unavailable", async () => {
    const failure = await Effect.runPromise(
      Effect.flip(sendHttp(site, { method: "GET", url: "https://vendor.test/down?access_token=secret" })),
    )
    expect(failure.reason._tag).toBe("Unavailable")
    expect(failure.isRetryable).toBe(true)
    expect(failure.detail).not.toContain("secret")
  })

  it("keeps secrets out of a failure whose message echoes the URL (an unparsable URL)", async () => {
    const failure = await Effect.runPromise(
      Effect.flip(
        sendHttp(site, {
          method: "GET",
          url: "https://qyapi weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=S3cr3tValue",
        }),
      ),
    )
    expect(failure.reason._tag).toBe("Unavailable")
    expect(failure.detail).toContain("corpsecret=…")
    expect(failure.message).not.toContain("S3cr3tValue")
  })

  it("turns a timeout into a retryable Unavailable", async () => {
    const failure = await Effect.runPromise(
      Effect.flip(sendHttp(site, { method: "GET", url: "https://vendor.test/slow", timeoutMillis: 50 })),
    )
    expect(failure.reason._tag).toBe("Unavailable")
    expect(failure.detail).toContain("timed out")
  })
})

describe("status, Retry-After and the rest", () => {
  it("maps statuses to reasons", () => {
    expect(reasonForStatus(401)._tag).toBe("Unauthorized")
    expect(reasonForStatus(404, { resource: "ticket", id: "7" })).toMatchObject({ _tag: "NotFound", id: "7" })
    expect(reasonForStatus(409)._tag).toBe("Conflict")
    expect(reasonForStatus(429, { retryAfterMillis: 2000 })).toMatchObject({
      _tag: "RateLimited",
      retryAfterMillis: 2000,
    })
    expect(reasonForStatus(503)._tag).toBe("Unavailable")
    expect(reasonForStatus(400)._tag).toBe("InvalidRequest")
  })

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("2", 0)).toBe(2000)
    expect(
      parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", Date.parse("Wed, 21 Oct 2026 07:27:50 GMT")),
    ).toBe(10_000)
    expect(parseRetryAfter("soon", 0)).toBeUndefined()
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })

  it("compares signatures whatever their lengths", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true)
    expect(constantTimeEqual("abc", "abd")).toBe(false)
    expect(constantTimeEqual("abc", "abcd")).toBe(false)
  })

  it("chunks in order without losing items", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 100)).toEqual([])
    expect(() => chunk([1], 0)).toThrow(RangeError)
  })

  it("redacts query values in URLs shown in errors", () => {
    expect(redactUrl("https://x.test/a?access_token=s&b=2")).toBe("https://x.test/a?access_token=…&b=…")
  })
})
