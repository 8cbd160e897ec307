import { PortFailure, Unavailable } from "@tixi/core"
import { Effect } from "effect"
import { scrubVendorText } from "./scrub-vendor-text.ts"

/** An HTTP request to a vendor. */
export interface HttpRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** A JSON body (sent as application/json) or raw text with its own content type header. */
  readonly json?: unknown
  readonly text?: string
  /** Abort after this many milliseconds (default 30 s). */
  readonly timeoutMillis?: number
}

/** A vendor's reply, whatever its status; the adapter decides what the status means. */
export interface HttpReply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  readonly json: unknown
}

/** Who is calling, for the failure a network problem turns into. */
export interface CallSite {
  readonly port: string
  readonly operation: string
  readonly vendor: string
}

/**
 * Sends one HTTP request with a deadline. A network failure or a timeout becomes a retryable
 * `PortFailure` (`Unavailable`), its message scrubbed (an unparsable URL is echoed whole); any
 * reply, of any status, is returned for the vendor's mapping, which scrubs what it shows.
 * Uses the global `fetch`, so tests fake vendors with msw.
 */
export const sendHttp = (site: CallSite, request: HttpRequest): Effect.Effect<HttpReply, PortFailure> =>
  Effect.tryPromise({
    try: async (signal) => {
      const timeout = AbortSignal.timeout(request.timeoutMillis ?? 30_000)
      const headers = new Headers(request.headers)
      let body: string | undefined
      if (request.json !== undefined) {
        body = JSON.stringify(request.json)
        if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=utf-8")
      } else if (request.text !== undefined) {
        body = request.text
      }
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.any([signal, timeout]),
      })
      const text = await response.text()
      let json: unknown
      if (text.length > 0) {
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
      }
      return { status: response.status, headers: response.headers, text, json }
    },
    catch: (cause) =>
      new PortFailure({
        port: site.port,
        operation: site.operation,
        reason: new Unavailable(),
        detail: `${request.method} ${redactUrl(request.url)} failed: ${scrubVendorText(describe(cause))}`,
        vendor: { vendor: site.vendor },
      }),
  })

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    if (cause.name === "TimeoutError") return "timed out"
    return cause.message
  }
  return String(cause)
}

/** Drops query values (they carry access tokens on some vendors) from a URL shown in errors. */
export function redactUrl(url: string): string {
  const question = url.indexOf("?")
  if (question < 0) return url
  const names = url
    .slice(question + 1)
    .split("&")
    .map((pair) => `${pair.split("=")[0]}=…`)
  return `${url.slice(0, question)}?${names.join("&")}`
}
