import { createHash, createHmac } from "node:crypto"
import { constantTimeEqual } from "@tixi/adapter-kit"
import { Redacted } from "effect"

/** Why a webhook delivery was refused. */
export type SignatureRejection =
  | "missing-signature"
  | "unsupported-version"
  | "missing-timestamp"
  | "stale-timestamp"
  | "bad-signature"

/** HubSpot's three signature schemes: v3 is the only one with a timestamp, so the only one safe from replay. */
export type SignatureVersion = "v1" | "v2" | "v3"

/** What is accepted when nothing says otherwise: v3 alone, since v1 and v2 can be replayed. */
export const defaultSignatureVersions: ReadonlyArray<SignatureVersion> = ["v3"]

/** The outcome of checking a delivery's signature. */
export type SignatureCheck =
  | { readonly valid: true; readonly version: SignatureVersion }
  | { readonly valid: false; readonly rejection: SignatureRejection; readonly detail: string }

/** A delivery as it reached the server, before anything parsed it. */
export interface SignedRequest {
  readonly method: string
  /** The exact URL HubSpot called, with protocol, host, path and query in their order. */
  readonly uri: string
  /** The body exactly as received: its bytes, or its text. */
  readonly rawBody: string | Uint8Array
  readonly headers: Headers | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
}

/** HubSpot rejects v3 signatures older than five minutes (the SDKs' MAX_ALLOWED_TIMESTAMP). */
export const maxSignatureAgeMillis = 300_000

const header = (headers: SignedRequest["headers"], name: string): string | undefined => {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue
    return typeof value === "string" ? value : value[0]
  }
  return undefined
}

/**
 * The URI as HubSpot signs it for v3: the docs say to decode only `%3A %2F %3F %40 %21 %24 %27 %28
 * %29 %2A %2C %3B` (the SDKs decode nothing), so both forms are tried.
 */
export function signedUriForms(uri: string): ReadonlyArray<string> {
  const decoded = uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (encoded) =>
    decodeURIComponent(encoded),
  )
  return decoded === uri ? [uri] : [uri, decoded]
}

const bytes = (body: string | Uint8Array) =>
  typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body)

/**
 * Verifies a HubSpot webhook delivery on its raw body and exact URI, before anything trusts it:
 * - v3 (`X-HubSpot-Signature-v3`): base64 HMAC-SHA256 keyed with the client secret over
 *   method + URI + body + `X-HubSpot-Request-Timestamp`; timestamps more than five minutes away
 *   from `now` are refused, so a captured delivery cannot be replayed later;
 * - v2 (`X-HubSpot-Signature`, version v2): hex SHA-256 of secret + method + URI + body;
 * - v1 (`X-HubSpot-Signature`, version v1 or none): hex SHA-256 of secret + body.
 * Only v3 is accepted unless `versions` says otherwise: v1 and v2 carry no timestamp, so a
 * delivery captured once could be replayed for ever. Every comparison takes the same time
 * wherever the signatures differ.
 * https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests
 */
export function verifyHubSpotSignature(
  request: SignedRequest,
  options: {
    readonly clientSecret: string | Redacted.Redacted<string>
    /** The current time in epoch milliseconds. */
    readonly now: number
    readonly maxAgeMillis?: number
    /**
     * Versions accepted (default v3 only). Add v2 or v1 only for what HubSpot still signs that
     * way (workflow custom actions sign v2); they have no timestamp, so they can be replayed.
     */
    readonly versions?: ReadonlyArray<SignatureVersion>
  },
): SignatureCheck {
  const secret = Redacted.isRedacted(options.clientSecret)
    ? Redacted.value(options.clientSecret)
    : options.clientSecret
  const versions = options.versions ?? defaultSignatureVersions
  const body = bytes(request.rawBody)
  const method = request.method.toUpperCase()
  const v3 = header(request.headers, "X-HubSpot-Signature-v3")
  if (v3 !== undefined) {
    if (!versions.includes("v3"))
      return { valid: false, rejection: "unsupported-version", detail: "v3 signatures are not accepted" }
    const timestamp = header(request.headers, "X-HubSpot-Request-Timestamp")
    if (timestamp === undefined || !/^\d+$/.test(timestamp)) {
      return {
        valid: false,
        rejection: "missing-timestamp",
        detail: "X-HubSpot-Request-Timestamp is missing or not epoch milliseconds",
      }
    }
    const age = options.now - Number(timestamp)
    if (Math.abs(age) > (options.maxAgeMillis ?? maxSignatureAgeMillis)) {
      return {
        valid: false,
        rejection: "stale-timestamp",
        detail: `the delivery is signed ${Math.round(age / 1000)} s from now`,
      }
    }
    const matches = signedUriForms(request.uri).map((uri) => {
      const expected = createHmac("sha256", secret)
        .update(Buffer.concat([Buffer.from(`${method}${uri}`, "utf8"), body, Buffer.from(timestamp, "utf8")]))
        .digest("base64")
      return constantTimeEqual(expected, v3)
    })
    return matches.some(Boolean)
      ? { valid: true, version: "v3" }
      : { valid: false, rejection: "bad-signature", detail: "X-HubSpot-Signature-v3 does not match" }
  }
  const signature = header(request.headers, "X-HubSpot-Signature")
  if (signature === undefined) {
    return {
      valid: false,
      rejection: "missing-signature",
      detail: "no X-HubSpot-Signature-v3 or X-HubSpot-Signature header",
    }
  }
  const version = (header(request.headers, "X-HubSpot-Signature-Version") ?? "v1").toLowerCase()
  if (version !== "v1" && version !== "v2") {
    return {
      valid: false,
      rejection: "unsupported-version",
      detail: `signature version ${version} is unknown`,
    }
  }
  if (!versions.includes(version)) {
    return {
      valid: false,
      rejection: "unsupported-version",
      detail: `signature version ${version} is not accepted (accepted: ${versions.join(", ")}); it has no timestamp, so list it in versions only if HubSpot signs this endpoint that way`,
    }
  }
  const source =
    version === "v1"
      ? Buffer.concat([Buffer.from(secret, "utf8"), body])
      : Buffer.concat([Buffer.from(`${secret}${method}${request.uri}`, "utf8"), body])
  const expected = createHash("sha256").update(source).digest("hex")
  return constantTimeEqual(expected, signature.toLowerCase())
    ? { valid: true, version }
    : { valid: false, rejection: "bad-signature", detail: `X-HubSpot-Signature (${version}) does not match` }
}
