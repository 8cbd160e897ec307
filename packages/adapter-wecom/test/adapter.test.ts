import { defaultApprovalForms } from "@tixi/adapter-kit"
import {
  type AnyForm,
  type ApprovalSubmission,
  approvalId,
  defineForm,
  field,
  label,
  personId,
} from "@tixi/core"
import { startCallbackEndpoint } from "@tixi/testing"
import { ConfigProvider, Effect, Layer, Result } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { layerConfig, make, WeCom, type WeComAdapter } from "../src/adapter.ts"
import { weComFailure } from "../src/client/vendor-errors.ts"
import { isApprovalEvent } from "../src/events/wecom-event.ts"
import { renderTemplate, TemplateRenderError } from "../src/forms/render-template.ts"
import { applyEvent } from "../src/operations/apply-event.ts"
import { createTemplate } from "../src/operations/create-template.ts"
import { resolveSettings } from "../src/settings.ts"
import type { WeComFake } from "../src/testing/wecom-fake.ts"
import { corpId, settingsFor, startCompanyFake } from "./support.ts"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(effect))

const submission = (key: string): ApprovalSubmission => ({
  key,
  requestType: "complaint.remedy",
  businessKey: "TS-20260105-0001",
  title: { "zh-CN": "投诉补偿审批", en: "Complaint remedy approval" },
  originator: personId("officer-wu"),
  formId: "complaint.remedyApproval",
  values: { complaintNumber: "TS-20260105-0001", amount: { minor: 300_000, currency: "CNY" } },
  steps: [
    { mode: "any", approvers: [personId("manager-qian"), personId("director-li")] },
    { mode: "all", approvers: [personId("finance-zhou"), personId("gm-zhao")] },
  ],
})

let fake: WeComFake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function installed(extra: Parameters<typeof settingsFor>[1] = {}): Promise<WeComAdapter> {
  fake ??= await startCompanyFake()
  const adapter = await run(make(settingsFor(fake.url, extra)))
  await run(adapter.install({ dryRun: false }))
  return adapter
}

describe("install", () => {
  it("plans, creates, then (with the id kept) reports unchanged and updates what changed", async () => {
    fake = await startCompanyFake()
    const adapter = await run(make(settingsFor(fake.url)))
    expect((await run(adapter.install({ dryRun: true })))[0]?.action).toBe("create")
    expect(fake.templates()).toEqual([])
    const [created] = await run(adapter.install({ dryRun: false }))
    expect(created?.detail).toContain("settings.templateIds")
    const template = fake.templates()[0]!
    expect(
      template.controls.map((control) => [
        control.property.control,
        control.property.id,
        control.property.title[0]?.text,
      ]),
    ).toEqual([
      ["Text", "Text-01", "受理编号"],
      ["Money", "Money-02", "补偿金额"],
      ["Text", "Text-90", "业务单号"],
      ["Text", "Text-91", "tixi 关联码"],
    ])
    const later = await run(
      make(settingsFor(fake.url, { templateIds: { "complaint.remedyApproval": template.id } })),
    )
    expect((await run(later.install({ dryRun: false })))[0]?.action).toBe("unchanged")
    fake.renameControl(template.id, "补偿金额", "金额")
    expect((await run(later.install({ dryRun: false })))[0]?.action).toBe("update")
    expect(fake.templates().length).toBe(1)
    expect(fake.templates()[0]!.controls[1]!.property.title[0]?.text).toBe("补偿金额")
  })

  it("renders the core's approval forms, 客户投诉处理表 included, tables and selectors too", async () => {
    fake = await startCompanyFake()
    const { forms: _forms, ...defaults } = settingsFor(fake.url)
    const plan = await run((await run(make(defaults))).install({ dryRun: false }))
    expect(plan.map((step) => step.action)).toEqual(Array(defaultApprovalForms.length).fill("create"))
    expect(plan.map((step) => step.formId)).toContain("complaint.handling")
    const handling = fake.templates().find((template) => template.names[0]?.text === "客户投诉处理表")
    const remedies = handling?.controls.find((control) => control.property.control === "Table")
    const columns = (remedies?.config?.table ?? { children: [] }) as {
      children: ReadonlyArray<{ property: { control: string } }>
    }
    expect(columns.children.map((child) => child.property.control)).toEqual([
      "Selector",
      "Money",
      "Number",
      "Text",
    ])
    const credit = fake.templates().find((template) => template.names[0]?.text === "信用等级变更申请")
    const grade = credit?.controls.find((control) => control.property.title[0]?.text === "原信用等级")
    expect(grade?.config).toMatchObject({
      selector: {
        type: "single",
        options: [{ key: "option-A" }, { key: "option-B" }, { key: "option-C" }, { key: "option-D" }],
      },
    })
  })

  it("refuses a form whose table column shares a label with another control, naming it", () => {
    const form = defineForm({
      id: "test.duplicateColumn",
      title: label("重复标题", "Duplicate title"),
      fields: {
        quantity: field.integer({ label: label("数量", "Quantity") }),
        lines: field.table({
          label: label("明细", "Lines"),
          columns: { quantity: field.integer({ label: label("数量", "Quantity") }) },
        }),
      },
    }) as unknown as AnyForm
    expect(() => renderTemplate(form, "zh-CN")).toThrow(TemplateRenderError)
    expect(() => renderTemplate(form, "zh-CN")).toThrow(/数量/)
  })
})

describe("approvals", () => {
  it("never sends a value above the approvers' level: install gives the withheld amount a Text control that says （保密）", async () => {
    const clerks = await installed({ approverAudience: { clearance: "public" } })
    const record = await run(clerks.approvals.submit(submission("k-withheld")))
    const approval = fake!.approvals().find((candidate) => candidate.spNo === record.id)!
    expect(approval.contents.slice(0, 2).map((content) => [content.control, content.value])).toEqual([
      ["Text", { text: "（保密）" }],
      ["Text", { text: "（保密）" }],
    ])
    expect(JSON.stringify(approval)).not.toContain("3000")
  })

  it("sends the chain as approver nodes: 或签 apv_rel 2, 会签 apv_rel 1 (WeCom's numbering, not the legacy attr's)", async () => {
    const adapter = await installed()
    const record = await run(adapter.approvals.submit(submission("k-nodes")))
    const approval = fake!.approvals().find((candidate) => candidate.spNo === record.id)
    expect(approval?.nodes.map((node) => [node.apvRel, node.details.map((detail) => detail.userid)])).toEqual(
      [
        [2, ["wc-manager-qian", "wc-director-li"]],
        [1, ["wc-finance-zhou", "wc-gm-zhao"]],
      ],
    )
    expect(approval?.contents.find((content) => content.id === "Money-02")?.value).toEqual({
      new_money: "3000.00",
    })
  })

  it("summary lines stay within WeCom's 20 characters: a long title is cut with …, the reference keeps its number", async () => {
    const adapter = await installed()
    const plain = await run(adapter.approvals.submit(submission("k-summary")))
    expect(fake!.approvals().find((candidate) => candidate.spNo === plain.id)?.summary).toEqual([
      "投诉补偿审批",
      "单号 TS-20260105-0001",
    ])
    const long = await run(
      adapter.approvals.submit({
        ...submission("k-summary-long"),
        title: { "zh-CN": "投诉补偿审批：冷链运输途中货损的赔偿与后续服务补救方案", en: "Remedy" },
        businessKey: "TS-20260105-0001-REOPENED-2",
      }),
    )
    const summary = fake!.approvals().find((candidate) => candidate.spNo === long.id)?.summary ?? []
    expect(summary).toEqual(["投诉补偿审批：冷链运输途中货损的赔偿与…", "TS-20260105-0001-RE…"])
    for (const line of summary) expect(Array.from(line).length).toBeLessThanOrEqual(20)
  })

  it("the fake follows WeCom's apv_rel 3 (依次审批): everyone approves, in the order given", async () => {
    const adapter = await installed()
    const templateId = await run(
      createTemplate(adapter.client, {
        templateName: [{ text: "依次审批测试", lang: "zh_CN" }],
        controls: [
          { property: { control: "Text", id: "Text-01", title: [{ text: "说明", lang: "zh_CN" }] } },
        ],
      }),
    )
    const spNo = await run(
      applyEvent(adapter.client, {
        creator_userid: "wc-officer-wu",
        template_id: templateId,
        use_template_approver: 0,
        process: { node_list: [{ type: 1, apv_rel: 3, userid: ["wc-finance-zhou", "wc-gm-zhao"] }] },
        apply_data: { contents: [] },
        summary_list: [{ summary_info: [{ text: "依次审批", lang: "zh_CN" }] }],
      }),
    )
    expect(() => fake!.decide(spNo, "wc-gm-zhao", "approve")).toThrow(/not yet the approver in turn/)
    fake!.decide(spNo, "wc-finance-zhou", "approve")
    expect((await run(adapter.approvals.get(approvalId(spNo)))).state).toBe("pending")
    fake!.decide(spNo, "wc-gm-zhao", "approve")
    expect((await run(adapter.approvals.get(approvalId(spNo)))).state).toBe("approved")
  })

  it("a submission retried after a crash finds the approval instead of submitting another", async () => {
    const first = await installed()
    const opened = await run(first.approvals.submit(submission("k-crash")))
    const templateIds = { "complaint.remedyApproval": fake!.templates()[0]!.id }
    const restarted = await run(make(settingsFor(fake!.url, { templateIds })))
    expect((await run(restarted.approvals.submit(submission("k-crash")))).id).toBe(opened.id)
    expect(fake!.approvals().length).toBe(1)
    const found = await run(
      (await run(make(settingsFor(fake!.url, { templateIds })))).approvals.findByKey("k-crash"),
    )
    expect(found).toMatchObject({
      id: opened.id,
      key: "k-crash",
      businessKey: "TS-20260105-0001",
      state: "pending",
    })
  })

  it("a reply lost after WeCom took the approval: the retry finds it instead of submitting another", async () => {
    const adapter = await installed()
    fake!.loseNextReplies("/cgi-bin/oa/applyevent")
    const record = await run(adapter.approvals.submit(submission("k-lost")))
    expect(fake!.approvals().map((approval) => approval.spNo)).toEqual([record.id])
    expect(record).toMatchObject({ key: "k-lost", state: "pending" })
  })

  it("a field whose title no longer matches the template fails InvalidRequest naming the field", async () => {
    const adapter = await installed()
    fake!.renameControl(fake!.templates()[0]!.id, "补偿金额", "金额（元）")
    const templateIds = { "complaint.remedyApproval": fake!.templates()[0]!.id }
    const fresh = await run(make(settingsFor(fake!.url, { templateIds })))
    const failure = await fail(fresh.approvals.submit(submission("k-label")))
    expect(failure.reason._tag === "InvalidRequest" && failure.reason.fields).toEqual([
      { field: "values.amount", message: 'the template has no control titled "补偿金额": run install' },
    ])
    expect(fake!.calls("/cgi-bin/oa/applyevent")).toBe(0)
    void adapter
  })

  it("an expired token is refetched once; frequency limits are retried", async () => {
    const adapter = await installed()
    fake!.expireTokens()
    fake!.throttleNext(2, 45033)
    const record = await run(adapter.approvals.submit(submission("k-token")))
    expect(record.state).toBe("pending")
    expect(adapter.client.stats().tokenFetches).toBe(2)
  })

  it("maps WeCom's statuses and decisions; a 会签 step stays pending after one signature; withdrawal is refused while pending, accepted once done in the app", async () => {
    const adapter = await installed()
    const opened = await run(adapter.approvals.submit(submission("k-flow")))
    fake!.decide(opened.id, "wc-director-li", "approve", "同意")
    fake!.decide(opened.id, "wc-finance-zhou", "approve")
    expect((await run(adapter.approvals.get(opened.id))).state).toBe("pending")
    const refusal = await fail(adapter.approvals.withdraw(opened.id, "客户撤诉"))
    expect(refusal.reason._tag).toBe("InvalidRequest")
    expect(refusal.message).toContain("撤销")
    fake!.decide(opened.id, "wc-gm-zhao", "approve")
    const done = await run(adapter.approvals.get(opened.id))
    expect(done.state).toBe("approved")
    expect(done.decisions.map((decision) => [decision.step, decision.approver, decision.outcome])).toEqual([
      [0, "director-li", "approved"],
      [1, "finance-zhou", "approved"],
      [1, "gm-zhao", "approved"],
    ])
    const other = await run(adapter.approvals.submit(submission("k-app-withdraw")))
    fake!.withdrawInApp(other.id)
    expect((await run(adapter.approvals.withdraw(other.id, "again"))).state).toBe("withdrawn")
  })

  it("lists tixi's approvals in a window for reconciliation", async () => {
    const adapter = await installed()
    await run(adapter.approvals.submit(submission("k-1")))
    await run(adapter.approvals.submit(submission("k-2")))
    const listed = await run(adapter.approvals.list(Date.now() - 3_600_000, Date.now() + 1000))
    expect(listed.map((record) => record.key).sort()).toEqual(["k-1", "k-2"])
  })
})

describe("callbacks", () => {
  const callbackKeys = { token: "tixiWeCom1", encodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C" }

  it("a signed sys_approval_change maps to tixi's outcome; retries and duplicates give one event", async () => {
    fake = await startCompanyFake()
    const adapter = await run(
      make(settingsFor(fake.url, { callback: { ...callbackKeys, receiveId: corpId } })),
    )
    await run(adapter.install({ dryRun: false }))
    // Down for the first push: WeCom retries it.
    const server = await startCallbackEndpoint(adapter.handleCallback, { failFirst: 1 })
    fake.setCallback({
      url: server.url,
      ...callbackKeys,
      receiveId: corpId,
      duplicate: true,
      retryDelaysMillis: [30, 30, 30],
    })
    const opened = await run(
      adapter.approvals.submit({
        ...submission("k-callback"),
        steps: [{ mode: "any", approvers: [personId("manager-qian")] }],
      }),
    )
    fake.decide(opened.id, "wc-manager-qian", "approve", "同意补偿")
    await fake.settle()
    await server.close()
    const received = server.received.filter(isApprovalEvent)
    expect(fake.pushes().filter((push) => !push.delivered).length).toBe(1)
    // Two changes (提单, 同意), each pushed twice: one event each after dedupe.
    expect(received.map((event) => event.statusChangeEvent)).toEqual([1, 2])
    const outcome = await run(adapter.toOutcome(received[1]!))
    expect(outcome).toEqual({
      eventId: `wecom:${opened.id}:approved`,
      approvalId: opened.id,
      key: "k-callback",
      businessKey: "TS-20260105-0001",
      requestType: "complaint.remedy",
      outcome: "approved",
      decidedBy: "manager-qian",
      comment: "同意补偿",
      at: expect.any(Number),
    })
    expect(await run(adapter.toOutcome(received[0]!))).toBeUndefined()
    expect(await run(adapter.toTaskDecision(received[1]!))).toMatchObject({
      approver: "manager-qian",
      outcome: "approved",
      key: "k-callback",
    })
  })
})

describe("app messages", () => {
  it("a message resent by a restarted process is dropped by WeCom's duplicate check; unknown members are refused", async () => {
    fake = await startCompanyFake({ agentId: 3010040 })
    const draft = {
      key: "approval/REQ-1/3/notify",
      recipients: [personId("manager-qian")],
      severity: "warning" as const,
      title: { "zh-CN": "催办：超信用额度审批", en: "Reminder: credit-limit override" },
      body: { "zh-CN": "ORDER-77 等待您审批", en: "ORDER-77 is waiting for you" },
    }
    await run((await run(make(settingsFor(fake.url, { agentId: 3010040 })))).notifier.notify(draft))
    await run((await run(make(settingsFor(fake.url, { agentId: 3010040 })))).notifier.notify(draft))
    expect(fake.messages().map((message) => message.userid)).toEqual(["wc-manager-qian"])
    expect(fake.messages()[0]?.content).toContain("### 【提醒】催办：超信用额度审批")
    const unknown = await fail(
      (await run(make(settingsFor(fake.url, { agentId: 3010040 })))).notifier.notify({
        ...draft,
        key: "k2",
        recipients: [personId("nobody")],
      }),
    )
    expect(unknown.reason._tag).toBe("InvalidRequest")
  })
})

describe("errcodes and configuration", () => {
  const site = { port: "Approvals", operation: "get", resource: "approval", id: "sp-1" }
  it("maps WeCom's errcodes", () => {
    expect(weComFailure(site, 200, { errcode: 0, errmsg: "ok" }, "")).toBeUndefined()
    expect(weComFailure(site, 200, { errcode: 42001, errmsg: "access_token expired" }, "")?.reason._tag).toBe(
      "Unauthorized",
    )
    expect(
      weComFailure(site, 200, { errcode: 45009, errmsg: "api freq out of limit" }, "")?.reason,
    ).toMatchObject({ _tag: "RateLimited", retryAfterMillis: 60_000 })
    expect(
      weComFailure(
        site,
        200,
        { errcode: 301025, errmsg: "get approval param error:invalid control id Money-02" },
        "",
      )?.reason,
    ).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "Money-02" }],
    })
    expect(weComFailure(site, 200, { errcode: 301026, errmsg: "sp_no not exist" }, "")?.reason).toMatchObject(
      { _tag: "NotFound", id: "sp-1" },
    )
    expect(
      weComFailure(site, 200, { errcode: 301002, errmsg: "not allow operate another agent" }, "")?.reason
        ._tag,
    ).toBe("Unauthorized")
    expect(weComFailure(site, 200, { errcode: -1, errmsg: "system busy" }, "")?.vendor).toMatchObject({
      vendor: "wecom",
      code: "-1",
    })
  })

  it("reads the environment and names what is missing", async () => {
    const withEnv = (env: Record<string, string>) => ConfigProvider.layer(ConfigProvider.fromEnv({ env }))
    const program = Effect.gen(function* () {
      return (yield* WeCom).client.settings
    })
    const settings = await run(
      Effect.provide(
        program,
        layerConfig().pipe(
          Layer.provide(
            withEnv({
              TIXI_WECOM_CORP_ID: corpId,
              TIXI_WECOM_CORP_SECRET: "s",
              TIXI_WECOM_CALLBACK_TOKEN: "t",
              TIXI_WECOM_CALLBACK_AES_KEY: "k",
              TIXI_WECOM_CALLBACK_RECEIVE_ID: "suiteId:ww-suite",
            }),
          ),
        ),
      ),
    )
    expect(settings.callback?.receiveId).toEqual({ kind: "suiteId", value: "ww-suite" })
    const missing = await Effect.runPromise(
      Effect.result(
        Effect.provide(program, layerConfig().pipe(Layer.provide(withEnv({ TIXI_WECOM_CORP_ID: corpId })))),
      ),
    )
    expect(Result.isFailure(missing) && String(missing.failure)).toContain("TIXI_WECOM_CORP_SECRET")
  })
})

describe("settings", () => {
  it("refuses a mapping that names a post or role tixi does not have, naming the setting", () => {
    expect(() =>
      resolveSettings(
        settingsFor("http://127.0.0.1:9", { postNames: { complaintOfficr: ["投诉受理员"] } as never }),
      ),
    ).toThrow("WeCom postNames.complaintOfficr is not a post of the catalogue")
    expect(() =>
      resolveSettings(
        settingsFor("http://127.0.0.1:9", { departmentPosts: { finance: ["cashier" as never] } }),
      ),
    ).toThrow("WeCom departmentPosts.finance.0")
    expect(
      resolveSettings(settingsFor("http://127.0.0.1:9", { roleNames: { officer: ["客服专员"] } })).roleNames,
    ).toEqual({
      officer: ["客服专员"],
    })
  })
})
