import { defaultApprovalForms } from "@tixi/adapter-kit"
import { type AnyForm, type ApprovalSubmission, defineForm, field, label, personId } from "@tixi/core"
import { startCallbackEndpoint } from "@tixi/testing"
import { ConfigProvider, Effect, Layer, Result } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { DingTalk, type DingTalkAdapter, layerConfig, make } from "../src/adapter.ts"
import { renderTemplate, TemplateRenderError } from "../src/forms/render-template.ts"
import { sendWorkNotice, workNoticeMaxBytes } from "../src/operations/send-work-notice.ts"
import { resolveSettings } from "../src/settings.ts"
import type { DingTalkFake } from "../src/testing/dingtalk-fake.ts"
import {
  appKey,
  callbackKeys,
  companyUsers,
  remedyApprovalForm,
  settingsFor,
  startCompanyFake,
} from "./support.ts"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(effect))

const submission = (key: string, amountMinor = 300_000): ApprovalSubmission => ({
  key,
  requestType: "complaint.remedy",
  businessKey: "TS-20260105-0001",
  title: { "zh-CN": "投诉补偿审批", en: "Complaint remedy approval" },
  originator: personId("officer-wu"),
  formId: "complaint.remedyApproval",
  values: { complaintNumber: "TS-20260105-0001", amount: { minor: amountMinor, currency: "CNY" } },
  steps: [
    { mode: "any", approvers: [personId("manager-qian")] },
    { mode: "all", approvers: [personId("finance-zhou"), personId("gm-zhao")] },
  ],
})

let fake: DingTalkFake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function installed(extra: Parameters<typeof settingsFor>[1] = {}): Promise<DingTalkAdapter> {
  fake ??= await startCompanyFake()
  const adapter = await run(make(settingsFor(fake.url, extra)))
  await run(adapter.install({ dryRun: false }))
  return adapter
}

describe("install", () => {
  it("plans without applying, creates once, then reports unchanged", async () => {
    fake = await startCompanyFake()
    const adapter = await run(make(settingsFor(fake.url)))
    const plan = await run(adapter.install({ dryRun: true }))
    expect(plan.map((step) => [step.formId, step.action])).toEqual([["complaint.remedyApproval", "create"]])
    expect(fake.templates()).toEqual([])
    const applied = await run(adapter.install({ dryRun: false }))
    expect(applied[0]?.action).toBe("create")
    const [template] = fake.templates()
    expect(template?.name).toBe("投诉补偿审批")
    expect(
      template?.components.map((component) => [
        component.componentType,
        (component.props as { label: string }).label,
      ]),
    ).toEqual([
      ["TextField", "受理编号"],
      ["MoneyField", "补偿金额"],
      ["TextField", "业务单号"],
      ["TextField", "tixi 关联码"],
    ])
    const again = await run(adapter.install({ dryRun: false }))
    expect(again[0]).toMatchObject({ action: "unchanged", processCode: template?.processCode })
  })

  it("updates a template whose controls changed, in place", async () => {
    const adapter = await installed()
    const [template] = fake!.templates()
    fake!.renameControl(template!.processCode, "补偿金额", "金额")
    const plan = await run(adapter.install({ dryRun: true }))
    expect(plan[0]).toMatchObject({ action: "update", detail: "add 补偿金额, remove 金额" })
    await run(adapter.install({ dryRun: false }))
    expect(fake!.templates().length).toBe(1)
    expect((await run(adapter.install({ dryRun: true })))[0]?.action).toBe("unchanged")
  })

  it("never touches a template of the same name that tixi did not create", async () => {
    fake = await startCompanyFake()
    const english = await run(make(settingsFor(fake.url, { locale: "en" })))
    await run(english.install({ dryRun: false }))
    const renamed = { ...remedyApprovalForm, title: { "zh-CN": "Complaint remedy approval", en: "x" } }
    const chinese = await run(make(settingsFor(fake.url, { forms: [renamed] })))
    const plan = await run(chinese.install({ dryRun: false }))
    expect(plan[0]?.action).toBe("conflict")
  })

  it("renders every field kind of the core's approval forms, 客户投诉处理表 included", async () => {
    fake = await startCompanyFake()
    const { forms: _forms, ...defaults } = settingsFor(fake.url)
    const adapter = await run(make(defaults))
    const plan = await run(adapter.install({ dryRun: false }))
    expect(plan.map((step) => step.formId)).toEqual(defaultApprovalForms.map((form) => form.id))
    expect(plan.every((step) => step.action === "create")).toBe(true)
    const handling = fake.templates().find((template) => template.name === "客户投诉处理表")
    const remedies = handling?.components.find((component) => component.componentType === "TableField")
    expect(
      ((remedies?.children ?? []) as ReadonlyArray<{ componentType: string }>).map(
        (child) => child.componentType,
      ),
    ).toEqual(["DDSelectField", "MoneyField", "NumberField", "TextField"])
    const gift = fake.templates().find((template) => template.name === "礼品馈赠申请表")
    const table = gift?.components.find((component) => component.componentType === "TableField")
    expect(
      ((table?.children ?? []) as ReadonlyArray<{ componentType: string }>).map(
        (child) => child.componentType,
      ),
    ).toEqual(["TextField", "NumberField", "MoneyField", "TextField"])
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
  it("sends a value above the approvers' level as （保密）, so the required control is filled; the default approvers see it", async () => {
    const clerks = await installed({ approverAudience: { clearance: "public" } })
    const masked = await run(clerks.approvals.submit(submission("k-withheld")))
    const sent = fake!.instances().find((candidate) => candidate.id === masked.id)
    expect(sent?.values.find((value) => value.name === "补偿金额")?.value).toBe("（保密）")
    expect(JSON.stringify(sent?.values)).not.toContain("3000.00")
    const managers = await installed()
    const shown = await run(managers.approvals.submit(submission("k-shown")))
    const sentShown = fake!.instances().find((candidate) => candidate.id === shown.id)
    expect(sentShown?.values.find((value) => value.name === "补偿金额")?.value).toBe("3000.00")
  })

  it("sends the chain as DingTalk nodes: one approver NONE, 会签 AND, 或签 OR", async () => {
    const adapter = await installed()
    const record = await run(
      adapter.approvals.submit({
        ...submission("k-nodes"),
        steps: [
          { mode: "any", approvers: [personId("manager-qian")] },
          { mode: "any", approvers: [personId("supervisor-sun"), personId("director-li")] },
          { mode: "all", approvers: [personId("finance-zhou"), personId("gm-zhao")] },
        ],
      }),
    )
    const instance = fake!.instances().find((candidate) => candidate.id === record.id)
    expect(instance?.nodes.map((node) => [node.actionType, node.userIds])).toEqual([
      ["NONE", ["dt-manager-qian"]],
      ["OR", ["dt-supervisor-sun", "dt-director-li"]],
      ["AND", ["dt-finance-zhou", "dt-gm-zhao"]],
    ])
    expect(instance?.values.find((value) => value.name === "补偿金额")?.value).toBe("3000.00")
    expect(instance?.values.find((value) => value.name === "tixi 关联码")?.value).toBe(
      "complaint.remedy k-nodes",
    )
  })

  it("a submission retried after a crash finds the instance instead of opening another", async () => {
    const first = await installed()
    const opened = await run(first.approvals.submit(submission("k-crash")))
    // A new process: nothing in memory, only what DingTalk holds.
    const restarted = await run(make(settingsFor(fake!.url)))
    const again = await run(restarted.approvals.submit(submission("k-crash")))
    expect(again.id).toBe(opened.id)
    expect(fake!.instances().length).toBe(1)
    const found = await run((await run(make(settingsFor(fake!.url)))).approvals.findByKey("k-crash"))
    expect(found?.id).toBe(opened.id)
    expect(found).toMatchObject({
      key: "k-crash",
      businessKey: "TS-20260105-0001",
      requestType: "complaint.remedy",
    })
  })

  it("a reply lost after DingTalk opened the instance: the retry finds it instead of opening another", async () => {
    const adapter = await installed()
    fake!.loseNextReplies("/v1.0/workflow/processInstances")
    const record = await run(adapter.approvals.submit(submission("k-lost")))
    expect(fake!.instances().map((instance) => instance.id)).toEqual([record.id])
    expect(record).toMatchObject({ key: "k-lost", state: "pending" })
  })

  it("refuses bad values before calling DingTalk, naming the field", async () => {
    const adapter = await installed()
    const calls = fake!.calls("/v1.0/workflow/processInstances")
    const failure = await fail(
      adapter.approvals.submit({
        ...submission("k-bad"),
        values: { complaintNumber: "", amount: { minor: 1.5, currency: "CNY" } },
      }),
    )
    expect(failure.reason._tag).toBe("InvalidRequest")
    const fields =
      failure.reason._tag === "InvalidRequest" ? failure.reason.fields?.map((entry) => entry.field) : []
    expect(fields).toEqual(["values.complaintNumber", "values.amount.minor"])
    expect(fake!.calls("/v1.0/workflow/processInstances")).toBe(calls)
  })

  it("a value whose label no longer matches the template fails InvalidRequest naming the tixi field", async () => {
    const adapter = await installed()
    fake!.renameControl(fake!.templates()[0]!.processCode, "补偿金额", "金额（元）")
    const failure = await fail(adapter.approvals.submit(submission("k-label")))
    expect(failure.reason._tag).toBe("InvalidRequest")
    expect(failure.reason._tag === "InvalidRequest" && failure.reason.fields?.[0]?.field).toBe(
      "values.amount",
    )
    expect(failure.message).toContain("run install")
    expect(failure.vendor?.code).toBe("formConverterError")
  })

  it("an expired token is refetched once, transparently", async () => {
    const adapter = await installed()
    const before = fake!.tokensIssued()
    fake!.expireTokens()
    await run(adapter.approvals.submit(submission("k-token")))
    expect(fake!.tokensIssued()).toBe(before + 1)
    expect(adapter.client.stats().tokenFetches).toBe(2)
  })

  it("QPS-limit replies are retried within the limit", async () => {
    const adapter = await installed()
    fake!.throttleNext(2, "qps")
    const record = await run(adapter.approvals.submit(submission("k-qps")))
    expect(record.state).toBe("pending")
  })

  it("withdraws a pending approval; a decided one cannot be withdrawn", async () => {
    const adapter = await installed()
    const opened = await run(adapter.approvals.submit(submission("k-withdraw")))
    expect((await run(adapter.approvals.withdraw(opened.id, "客户撤诉"))).state).toBe("withdrawn")
    const other = await run(
      adapter.approvals.submit({
        ...submission("k-decided"),
        steps: [{ mode: "any", approvers: [personId("manager-qian")] }],
      }),
    )
    fake!.decide(other.id, "dt-manager-qian", "refuse", "金额过高")
    const record = await run(adapter.approvals.get(other.id))
    expect(record).toMatchObject({
      state: "rejected",
      decisions: [{ approver: "manager-qian", outcome: "rejected", comment: "金额过高", step: 0 }],
    })
    expect((await fail(adapter.approvals.withdraw(other.id, "late"))).reason._tag).toBe("InvalidRequest")
  })
})

describe("events", () => {
  it("a signed callback carries the approval, and it maps to tixi's outcome; duplicates are dropped", async () => {
    fake = await startCompanyFake()
    const adapter = await run(
      make(
        settingsFor(fake.url, { callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } } }),
      ),
    )
    await run(adapter.install({ dryRun: false }))
    const server = await startCallbackEndpoint(adapter.handleCallback)
    fake.setCallback({
      url: server.url,
      ...callbackKeys,
      ownerKey: appKey,
      duplicate: true,
      retryDelaysMillis: [50, 100],
    })
    const opened = await run(
      adapter.approvals.submit({
        ...submission("k-event"),
        steps: [{ mode: "any", approvers: [personId("manager-qian")] }],
      }),
    )
    fake.decide(opened.id, "dt-manager-qian", "agree", "同意补偿")
    await fake.settle()
    await server.close()
    const finishes = server.received.filter(
      (event) =>
        (event as { eventType: string; type?: string }).eventType === "bpms_instance_change" &&
        (event as { type?: string }).type === "finish",
    )
    expect(finishes.length).toBe(1)
    expect(fake.pushes().filter((push) => push.delivered).length).toBe(6)
    const outcome = await run(adapter.toOutcome(finishes[0] as never))
    expect(outcome).toEqual({
      eventId: `dingtalk:${opened.id}:approved`,
      approvalId: opened.id,
      key: "k-event",
      businessKey: "TS-20260105-0001",
      requestType: "complaint.remedy",
      outcome: "approved",
      decidedBy: "manager-qian",
      comment: "同意补偿",
      at: expect.any(Number),
    })
    const task = server.received.find(
      (event) => (event as { eventType: string }).eventType === "bpms_task_change",
    )
    expect(await run(adapter.toTaskDecision(task as never))).toMatchObject({
      approver: "manager-qian",
      outcome: "approved",
      key: "k-event",
    })
  })

  it("a callback encrypted for the corpId while the app key is configured is refused, naming the corpId", async () => {
    fake = await startCompanyFake()
    const adapter = await run(
      make(
        settingsFor(fake.url, { callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } } }),
      ),
    )
    await run(adapter.install({ dryRun: false }))
    const server = await startCallbackEndpoint(adapter.handleCallback)
    fake.setCallback({
      url: server.url,
      ...callbackKeys,
      ownerKey: "dingfakecorp0001",
      retryDelaysMillis: [],
    })
    await run(adapter.approvals.submit(submission("k-owner")))
    await fake.settle()
    await server.close()
    expect(server.received).toEqual([])
    const [push] = fake.pushes()
    expect(push).toMatchObject({ delivered: false, reason: "status 400" })
    const direct = adapter.handleCallback({ query: {}, body: "{}" })
    expect(direct.accepted).toBe(false)
  })

  it("pushes that failed during an outage are retried, then pulled from the failed list", async () => {
    fake = await startCompanyFake()
    const adapter = await run(
      make(
        settingsFor(fake.url, { callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } } }),
      ),
    )
    await run(adapter.install({ dryRun: false }))
    // Down for the first push and both retries of it: the start event goes to the failed list.
    const server = await startCallbackEndpoint(adapter.handleCallback, { failFirst: 3 })
    fake.setCallback({ url: server.url, ...callbackKeys, ownerKey: appKey, retryDelaysMillis: [20, 20] })
    const opened = await run(adapter.approvals.submit(submission("k-outage")))
    await fake.settle()
    expect(fake.failedCount()).toBe(1)
    const recovered = await run(adapter.recoverFailedDeliveries)
    expect(recovered.map((event) => [event.eventType, event.type, event.processInstanceId])).toEqual([
      ["bpms_instance_change", "start", opened.id],
    ])
    expect(fake.failedCount()).toBe(0)
    expect(await run(adapter.recoverFailedDeliveries)).toEqual([])
    await server.close()
  })
})

describe("work notices", () => {
  it("a notice resent by a restarted process is dropped by DingTalk's once-a-day rule", async () => {
    fake = await startCompanyFake({ agentId: 4001 })
    const draft = {
      key: "complaint/TS-1/7/notify",
      recipients: [personId("supervisor-sun"), personId("manager-qian")],
      severity: "urgent" as const,
      title: { "zh-CN": "投诉即将超时", en: "Complaint about to breach" },
      body: { "zh-CN": "TS-1 距承诺办理期限还有 2 小时", en: "TS-1 is due in 2 hours" },
      caseKey: "TS-1",
    }
    await run((await run(make(settingsFor(fake.url, { agentId: 4001 })))).notifier.notify(draft))
    await run((await run(make(settingsFor(fake.url, { agentId: 4001 })))).notifier.notify(draft))
    expect(fake.notices().map((notice) => [notice.userid, notice.title])).toEqual([
      ["dt-supervisor-sun", "【紧急】投诉即将超时"],
      ["dt-manager-qian", "【紧急】投诉即将超时"],
    ])
    expect(fake.notices()[0]?.text).toContain("业务单号：TS-1")
    const noAgent = await fail(
      (await run(make(settingsFor(fake.url)))).notifier.notify({ ...draft, key: "other" }),
    )
    expect(noAgent.reason._tag === "InvalidRequest" && noAgent.reason.fields?.[0]?.field).toBe("agentId")
  })
})

describe("work notice limits", () => {
  it("250 recipients go out in calls of at most 100 userids; every one is told once", async () => {
    const staff = Array.from({ length: 250 }, (_, index) => ({
      userid: `dt-staff-${index}`,
      name: `员工${index}`,
      deptIds: [1],
    }))
    fake = await startCompanyFake({ agentId: 4001, users: [...companyUsers, ...staff] })
    const adapter = await run(make(settingsFor(fake.url, { agentId: 4001 })))
    const taskIds = await run(
      sendWorkNotice(adapter.client, {
        agentId: 4001,
        userIds: staff.map((user) => user.userid),
        title: "排班变更",
        markdown: "### 排班变更\n\n明日起按新排班表执行",
      }),
    )
    expect(taskIds).toHaveLength(3)
    expect(fake.calls("/topapi/message/corpconversation/asyncsend_v2")).toBe(3)
    expect(new Set(fake.notices().map((notice) => notice.userid)).size).toBe(250)
  })

  it("a long body is shortened to 2,048 bytes, keeping the case and the key line; an oversized message is refused before sending", async () => {
    fake = await startCompanyFake({ agentId: 4001 })
    const adapter = await run(make(settingsFor(fake.url, { agentId: 4001 })))
    const draft = {
      key: "complaint/TS-9/3/notify",
      recipients: [personId("supervisor-sun")],
      severity: "warning" as const,
      title: { "zh-CN": "投诉处理进展", en: "Complaint progress" },
      body: { "zh-CN": "客户反映的问题已转交质量部复核。".repeat(120), en: "Forwarded. ".repeat(300) },
      caseKey: "TS-9",
    }
    await run(adapter.notifier.notify(draft))
    const [notice] = fake.notices()
    const sent = JSON.stringify({
      msgtype: "markdown",
      markdown: { title: notice!.title, text: notice!.text },
    })
    expect(Buffer.byteLength(sent, "utf8")).toBeLessThanOrEqual(workNoticeMaxBytes)
    expect(Buffer.byteLength(sent, "utf8")).toBeGreaterThan(workNoticeMaxBytes - 64)
    expect(notice!.text).toContain("…")
    expect(notice!.text).toContain("业务单号：TS-9")
    expect(notice!.text).toContain("tixi complaint/TS-9/3/notify")
    const calls = fake.calls("/topapi/message/corpconversation/asyncsend_v2")
    const oversized = await fail(
      sendWorkNotice(adapter.client, {
        agentId: 4001,
        userIds: ["dt-supervisor-sun"],
        title: "t",
        markdown: "长".repeat(700),
      }),
    )
    expect(oversized.reason._tag === "InvalidRequest" && oversized.reason.fields?.[0]?.field).toBe("markdown")
    expect(fake.calls("/topapi/message/corpconversation/asyncsend_v2")).toBe(calls)
  })
})

describe("configuration", () => {
  const withEnv = (env: Record<string, string>) => ConfigProvider.layer(ConfigProvider.fromEnv({ env }))

  it("reads the settings from the environment, secrets redacted", async () => {
    fake = await startCompanyFake()
    const program = Effect.gen(function* () {
      const adapter = yield* DingTalk
      return adapter.client.settings
    })
    const settings = await run(
      Effect.provide(
        program,
        layerConfig({ apiBaseUrl: fake.url, oapiBaseUrl: fake.url }).pipe(
          Layer.provide(
            withEnv({
              TIXI_DINGTALK_APP_KEY: appKey,
              TIXI_DINGTALK_APP_SECRET: "fake-app-secret",
              TIXI_DINGTALK_CALLBACK_TOKEN: "tixitoken1",
              TIXI_DINGTALK_CALLBACK_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
              TIXI_DINGTALK_CALLBACK_OWNER: "appKey",
            }),
          ),
        ),
      ),
    )
    expect(settings.callback?.ownerKey).toEqual({ kind: "appKey", value: appKey })
    expect(String(settings.appSecret)).not.toContain("fake-app-secret")
  })

  it("names the missing variable", async () => {
    const result = await Effect.runPromise(
      Effect.result(
        Effect.provide(
          Effect.gen(function* () {
            yield* DingTalk
          }),
          layerConfig().pipe(Layer.provide(withEnv({ TIXI_DINGTALK_APP_KEY: "x" }))),
        ),
      ),
    )
    expect(Result.isFailure(result) && String(result.failure)).toContain("TIXI_DINGTALK_APP_SECRET")
  })

  it("refuses a callback owner that does not say which id", async () => {
    const result = await Effect.runPromise(
      Effect.result(
        Effect.provide(
          Effect.gen(function* () {
            yield* DingTalk
          }),
          layerConfig().pipe(
            Layer.provide(
              withEnv({
                TIXI_DINGTALK_APP_KEY: "x",
                TIXI_DINGTALK_APP_SECRET: "y",
                TIXI_DINGTALK_CALLBACK_TOKEN: "t",
                TIXI_DINGTALK_CALLBACK_AES_KEY: "k",
                TIXI_DINGTALK_CALLBACK_OWNER: "dingsomething",
              }),
            ),
          ),
        ),
      ),
    )
    expect(Result.isFailure(result) && String(result.failure)).toContain("TIXI_DINGTALK_CALLBACK_OWNER")
  })
})

describe("settings", () => {
  it("refuses a mapping that names a post or role tixi does not have, naming the setting", () => {
    expect(() =>
      resolveSettings(
        settingsFor("http://127.0.0.1:9", { postNames: { complaintOfficr: ["投诉受理员"] } as never }),
      ),
    ).toThrow("DingTalk postNames.complaintOfficr is not a post of the catalogue")
    expect(() =>
      resolveSettings(
        settingsFor("http://127.0.0.1:9", { departmentPosts: { finance: ["cashier" as never] } }),
      ),
    ).toThrow("DingTalk departmentPosts.finance.0")
    expect(
      resolveSettings(settingsFor("http://127.0.0.1:9", { roleNames: { officer: ["客服专员"] } })).roleNames,
    ).toEqual({
      officer: ["客服专员"],
    })
  })
})

describe("the directory mapping in DingTalk's settings", () => {
  it("refuses a post that does not exist, naming the setting, before any request", () =>
    expect(() =>
      Effect.runSync(
        make({ appKey: "ding-app", appSecret: "secret", postNames: { creditBoss: ["信用组"] } as never }),
      ),
    ).toThrow(/DingTalk postNames\.creditBoss/))
})
