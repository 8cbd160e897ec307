/** What a scrubbed vendor text is cut to, by default: enough to read an error, not a whole page. */
export const vendorTextLimit = 300

/**
 * Names of values that are credentials wherever they appear: WeCom's `corpsecret` and
 * `access_token` (in the query string), DingTalk's `appsecret`, OAuth's `client_secret`,
 * `refresh_token`, `code` exchanges' `code_verifier`, HubSpot's legacy `hapikey`, and the like.
 */
const secretName =
  /(?:access_?token|refresh_?token|id_?token|[a-z]*_?secret|password|passwd|api_?key|hapikey|session_?id|signature|code_verifier|assertion)/i

/**
 * A query parameter (after `?`, `&`, an HTML-escaped `&amp;`, or their percent-encoded forms):
 * its name is kept, its value dropped.
 */
const queryParameter = /([?&;]|%3F|%26)([^\s=&;?#%"'<>]{1,100})(=|%3D)(?:[^\s&;#%"'<>]|%(?!26)[0-9A-F]{2})*/gi

/** `name=value`, `name: value`, `"name":"value"` for a credential's name, outside query strings too. */
const namedSecret = new RegExp(`(${secretName.source}["']?\\s*(?:[:=]|%3D)\\s*["']?)[^\\s"'&;,<>}]+`, "gi")

/** An `Authorization` header's credentials, echoed back by a proxy or a debug page. */
const bearer = /\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi

/**
 * A vendor's text made fit for an error: query values and credentials dropped, whitespace
 * folded, cut to `limit` characters. Vendor error bodies are not always the vendor's JSON: a
 * proxy or gateway page may echo the request URL, and WeCom puts `corpsecret` and
 * `access_token` in the query string. Whatever becomes a `PortFailure` (its detail, its payload)
 * is logged, kept in dead letters and shown by `tixi status --json`, so it goes through here.
 */
export function scrubVendorText(text: string, limit: number = vendorTextLimit): string {
  const scrubbed = text
    .replace(queryParameter, "$1$2$3…")
    .replace(namedSecret, "$1…")
    .replace(bearer, "$1 …")
    .replace(/\s+/g, " ")
    .trim()
  return scrubbed.length > limit ? `${scrubbed.slice(0, limit)}…` : scrubbed
}

/**
 * A vendor's reply body, parsed or not, with every string in it scrubbed (`scrubVendorText`, not
 * cut), for `PortFailure.vendor.payload`: kept for diagnosis, never holding a secret the vendor or
 * a proxy echoed. A text body is cut to `textLimit`.
 */
export function scrubVendorPayload(payload: unknown, textLimit: number = 500): unknown {
  if (typeof payload === "string") return scrubVendorText(payload, textLimit)
  if (Array.isArray(payload)) return payload.map((item) => scrubVendorPayload(item, Number.POSITIVE_INFINITY))
  if (typeof payload === "object" && payload !== null) {
    return Object.fromEntries(
      Object.entries(payload).map(([key, value]) => [
        key,
        secretName.test(key) && typeof value === "string"
          ? "…"
          : scrubVendorPayload(value, Number.POSITIVE_INFINITY),
      ]),
    )
  }
  return payload
}
