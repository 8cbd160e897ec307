import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { scrubVendorPayload, scrubVendorText } from "../src/http/scrub-vendor-text.ts"

const secret = "S3cr3t-Corp_Value.42"
const token = "aTokEn0123456789abcdefXYZ"

describe("scrubVendorText", () => {
  it("drops the query values a proxy's error page echoes, keeping the names", () => {
    // nginx's 502 page as a reverse proxy in front of qyapi.weixin.qq.com renders it, with a
    // debugging line that echoes the request URL.
    const page = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<p>upstream: GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1234567890&corpsecret=${secret}</p>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>`
    const scrubbed = scrubVendorText(page, 1_000)
    expect(scrubbed).not.toContain(secret)
    expect(scrubbed).not.toContain("ww1234567890")
    expect(scrubbed).toContain("https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=…&corpsecret=…")
    expect(scrubbed).toContain("502 Bad Gateway")
  })

  it("drops them HTML-escaped and percent-encoded too", () => {
    const escaped = scrubVendorText(
      `<a href="https://qyapi.weixin.qq.com/cgi-bin/message/send?access_token=${token}&amp;debug=1">retry</a>`,
    )
    expect(escaped).not.toContain(token)
    expect(escaped).toContain("?access_token=…&amp;debug=…")
    const encoded = scrubVendorText(
      `redirect=https%3A%2F%2Fqyapi.weixin.qq.com%2Fcgi-bin%2Fgettoken%3Fcorpid%3Dww1%26corpsecret%3D${secret}`,
    )
    expect(encoded).not.toContain(secret)
    expect(encoded).toContain("%3Fcorpid%3D…%26corpsecret%3D…")
  })

  it("drops credentials named outside a query string, and Authorization values", () => {
    for (const text of [
      `{"error":"invalid_client","client_secret":"${secret}"}`,
      `appsecret: ${secret}`,
      `refresh_token=${secret}`,
      `request headers: Authorization: Bearer ${token}`,
    ]) {
      expect(scrubVendorText(text)).not.toContain(secret.slice(0, 10))
      expect(scrubVendorText(text)).not.toContain(token.slice(0, 10))
    }
  })

  it("keeps a vendor's own error message readable, and cuts a long text", () => {
    expect(
      scrubVendorText("invalid credential, access_token is invalid or not latest, hint: [1700000000_1_abc]"),
    ).toBe("invalid credential, access_token is invalid or not latest, hint: [1700000000_1_abc]")
    expect(scrubVendorText("表单数据校验失败，失败控件：金额")).toBe("表单数据校验失败，失败控件：金额")
    expect(scrubVendorText("x".repeat(1_000), 300)).toBe(`${"x".repeat(300)}…`)
  })

  it("never lets a query value through, whatever it is", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_\-.~]{8,40}$/),
        fc.constantFrom("corpsecret", "access_token", "state", "corpid"),
        (value, name) => {
          const page = `<p>GET https://qyapi.weixin.qq.com/cgi-bin/x?agentid=1&${name}=${value} failed</p>`
          expect(scrubVendorText(page, 1_000)).not.toContain(`=${value}`)
        },
      ),
    )
  })
})

describe("scrubVendorPayload", () => {
  it("scrubs every string of a parsed body and drops values under a credential's name", () => {
    const payload = scrubVendorPayload({
      errcode: 40001,
      errmsg: `invalid credential, see https://example.test/x?access_token=${token}`,
      echo: { corpsecret: secret, nested: [`corpsecret=${secret}`] },
    })
    expect(JSON.stringify(payload)).not.toContain(secret)
    expect(JSON.stringify(payload)).not.toContain(token)
    expect(payload).toMatchObject({ errcode: 40001, echo: { corpsecret: "…" } })
    expect(scrubVendorPayload("x".repeat(600))).toBe(`${"x".repeat(500)}…`)
  })
})
