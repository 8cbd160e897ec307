import { describe, expect, it } from "vitest"
import { dingTalkFailure } from "../src/client/vendor-errors.ts"

const site = { port: "Approvals", operation: "submit", resource: "approval", id: "i-1" }
const reason = (status: number, body: unknown, text = JSON.stringify(body)) =>
  dingTalkFailure(site, { status, body, text })?.reason

describe("DingTalk errors → tixi reasons", () => {
  it("success is no failure, on both APIs", () => {
    expect(dingTalkFailure(site, { status: 200, body: { instanceId: "x" }, text: "" })).toBeUndefined()
    expect(
      dingTalkFailure(site, { status: 200, body: { errcode: 0, errmsg: "ok" }, text: "" }),
    ).toBeUndefined()
  })

  it("QPS and QPM throttling, system.busy and the global 90002 are recoverable rate limits", () => {
    expect(reason(403, { code: "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi" })).toMatchObject({
      _tag: "RateLimited",
      recoverable: true,
      retryAfterMillis: 1000,
    })
    expect(reason(403, { code: "Forbidden.AccessDenied.QpmLimitForAppkeyAndApi" })).toMatchObject({
      retryAfterMillis: 60_000,
    })
    expect(reason(429, { code: "system.busy" })?._tag).toBe("RateLimited")
    expect(reason(200, { errcode: 90002, errmsg: "超过调用频率" })?._tag).toBe("RateLimited")
  })

  it("an IP ban, JSON or HTML, waits the minutes DingTalk names", () => {
    expect(reason(200, { status: 1111, wait: 5 })).toMatchObject({
      _tag: "RateLimited",
      scope: "IP_BAN",
      retryAfterMillis: 300_000,
    })
    expect(reason(200, undefined, "<html><body>访问被拒绝</body></html>")).toMatchObject({ scope: "IP_BAN" })
  })

  it("60011 (no permission for this API) is Unauthorized, not NotFound", () => {
    expect(reason(200, { errcode: 60011, errmsg: "没有调用该接口的权限" })?._tag).toBe("Unauthorized")
  })

  it("invalid tokens on either API are Unauthorized", () => {
    expect(reason(401, { code: "InvalidAuthentication", message: "不合法的access_token" })?._tag).toBe(
      "Unauthorized",
    )
    expect(reason(200, { errcode: 40014, errmsg: "不合法的access_token" })?._tag).toBe("Unauthorized")
    expect(reason(200, { errcode: 42001, errmsg: "access_token超时" })?._tag).toBe("Unauthorized")
  })

  it("form validation names the failing control; unknown instances are NotFound; a fresh withdraw waits", () => {
    expect(
      reason(400, { code: "formConverterError", message: "表单数据校验失败，失败控件：补偿金额" }),
    ).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "补偿金额" }],
    })
    expect(reason(400, { code: "processInstanceIdError" })).toMatchObject({
      _tag: "NotFound",
      resource: "approval",
      id: "i-1",
    })
    expect(reason(200, { errcode: 60121, errmsg: "找不到该用户" })?._tag).toBe("NotFound")
    expect(
      reason(400, { code: "aflowProcessInstStatusException", message: "提交审批单后15秒内不能进行撤回" }),
    ).toMatchObject({ _tag: "RateLimited", retryAfterMillis: 15_000 })
    expect(reason(500, { code: "systemError" })?._tag).toBe("Unavailable")
  })

  it("keeps DingTalk's payload under vendor", () => {
    const failure = dingTalkFailure(site, {
      status: 400,
      body: { code: "formName.error", message: "已有相同名称表单" },
      text: "",
    })
    expect(failure?.vendor).toMatchObject({ vendor: "dingtalk", status: 400, code: "formName.error" })
    expect(failure?.reason._tag).toBe("Conflict")
  })

  it("keeps the access token and app secret a proxy's error text echoes out of the failure", () => {
    const secret = "dingSecretValue0123456789"
    const token = "a1b2c3d4e5f6a7b8c9d0e1f2"
    // A corporate proxy's plain-text error for the legacy oapi call, which carries the token in
    // the query, and for gettoken, which carries appkey and appsecret there.
    for (const text of [
      `502 Bad Gateway: error reading response from https://oapi.dingtalk.com/topapi/processinstance/get?access_token=${token}`,
      `Proxy Error: https://oapi.dingtalk.com/gettoken?appkey=dingkey1&appsecret=${secret} timed out`,
    ]) {
      const failure = dingTalkFailure(site, { status: 502, body: undefined, text })!
      const shown = JSON.stringify({ message: failure.message, vendor: failure.vendor })
      expect(shown).not.toContain(token)
      expect(shown).not.toContain(secret)
      expect(failure.reason._tag).toBe("Unavailable")
    }
    const echoed = dingTalkFailure(site, {
      status: 400,
      body: { code: "formschema.error", message: `bad schema, request was ?access_token=${token}` },
      text: "",
    })!
    expect(JSON.stringify(echoed.reason)).not.toContain(token)
    expect(JSON.stringify(echoed.vendor)).not.toContain(token)
  })
})
