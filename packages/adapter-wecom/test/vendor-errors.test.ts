import { describe, expect, it } from "vitest"
import { weComFailure } from "../src/client/vendor-errors.ts"

const site = { port: "Approvals", operation: "get", resource: "approval", id: "sp-1" }
const corpSecret = "Xw9vY8uT7sR6qP5oN4mL3kJ2iH1gF0eD-cBa"
const accessToken = "accesstoken000001abcdefghijklmnopqrstuvwxyz"

describe("WeCom errors keep secrets out", () => {
  it("a proxy's error page echoing gettoken's URL leaves no corpsecret in the failure", () => {
    // nginx in front of qyapi.weixin.qq.com, with the upstream URL in its error page.
    const page = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<p>upstream: https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww0123456789abcdef&corpsecret=${corpSecret}</p>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>`
    const failure = weComFailure(site, 502, undefined, page)!
    expect(failure.reason._tag).toBe("Unavailable")
    const shown = JSON.stringify({ message: failure.message, vendor: failure.vendor })
    expect(shown).not.toContain(corpSecret)
    expect(failure.detail).toContain("corpsecret=…")
  })

  it("nor an access_token, in an error page, a gateway's JSON or an errmsg", () => {
    const url = `https://qyapi.weixin.qq.com/cgi-bin/oa/getapprovaldetail?access_token=${accessToken}`
    const failures = [
      weComFailure(site, 504, undefined, `Gateway Timeout while requesting ${url}`),
      weComFailure(site, 503, { message: "upstream unavailable", path: url }, ""),
      weComFailure(site, 200, { errcode: 40058, errmsg: `invalid parameter, url: ${url}` }, ""),
    ]
    for (const failure of failures) {
      expect(
        JSON.stringify({ message: failure?.message, reason: failure?.reason, vendor: failure?.vendor }),
      ).not.toContain(accessToken)
    }
  })
})
