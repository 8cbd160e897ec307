import { createPrivateKey, createSign } from "node:crypto"

/** The claims of a JWT bearer assertion. */
export interface JwtClaims {
  /** The connected app's consumer key. */
  readonly issuer: string
  /** The username the token is issued for. */
  readonly subject: string
  /** `https://login.salesforce.com` or `https://test.salesforce.com`. */
  readonly audience: string
  /** Seconds since the epoch at which the assertion expires (Salesforce allows up to 3 minutes ahead). */
  readonly expiresAt: number
}

const base64Url = (input: string | Buffer) =>
  Buffer.from(input).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")

/**
 * Signs an RS256 JWT bearer assertion with a PEM key held in memory.
 *
 * Why not `@salesforce/core`: its `AuthInfo` reads the key only from a file path
 * (`readJwtKey` → `fs.readFile`), so a key from a secret manager would have to be written to
 * disk; it also resolves the instance URL by DNS, tries several audiences in turn and keeps state
 * in `~/.sf`. The flow itself is one signed assertion and one POST, so tixi does it here.
 */
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
export function signJwtAssertion(claims: JwtClaims, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem)
  const header = base64Url(JSON.stringify({ alg: "RS256", typ: "JWT" }))
  const payload = base64Url(
    JSON.stringify({ iss: claims.issuer, sub: claims.subject, aud: claims.audience, exp: claims.expiresAt }),
  )
  const signer = createSign("RSA-SHA256")
  signer.update(`${header}.${payload}`)
  return `${header}.${payload}.${base64Url(signer.sign(key))}`
}

/** The JWT audience for a login URL: the sandbox audience for sandbox hosts, production otherwise. */
export function audienceFor(loginUrl: string): string {
  const host = new URL(loginUrl).hostname
  return host === "test.salesforce.com" || host.includes(".sandbox.")
    ? "https://test.salesforce.com"
    : "https://login.salesforce.com"
}
