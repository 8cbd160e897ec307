import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { decryptMessage, encryptMessage } from "@tixi/adapter-kit"
import { Result } from "effect"

/** A user of the fake's address book. */
export interface FakeDingTalkUser {
  readonly userid: string
  readonly name: string
  readonly deptIds: ReadonlyArray<number>
  readonly managerUserid?: string
  readonly roles?: ReadonlyArray<string>
  readonly title?: string
  readonly active?: boolean
}

/** A department of the fake's address book (dept 1 is the root). */
export interface FakeDingTalkDepartment {
  readonly deptId: number
  readonly name: string
  readonly parentId?: number
  readonly managers?: ReadonlyArray<string>
}

/** Where and how the fake pushes HTTP callbacks, as DingTalk does. */
export interface FakeCallbackTarget {
  readonly url: string
  readonly token: string
  readonly aesKey: string
  /** The id appended to plaintexts (the app key, corp id or suite key, as subscribed). */
  readonly ownerKey: string
  /** Retry delays after a failed push (DingTalk: 10 s, 30 s); shorten in tests. */
  readonly retryDelaysMillis?: ReadonlyArray<number>
  /** DingTalk gives up on a push after 2.5 s. */
  readonly timeoutMillis?: number
  /** Push every event twice, as DingTalk occasionally does. */
  readonly duplicate?: boolean
}

/** Options of the fake. */
export interface DingTalkFakeOptions {
  readonly appKey: string
  readonly appSecret: string
  readonly corpId?: string
  readonly users?: ReadonlyArray<FakeDingTalkUser>
  readonly departments?: ReadonlyArray<FakeDingTalkDepartment>
  /** Token lifetime in seconds (DingTalk: 7200). */
  readonly tokenLifetimeSeconds?: number
  /** DingTalk refuses to withdraw within 15 s of creation; 0 turns the rule off. */
  readonly withdrawDelaySeconds?: number
  readonly callback?: FakeCallbackTarget
  /** The app's AgentId, checked on work notices. */
  readonly agentId?: number
  /** The fake's clock (default Date.now). */
  readonly now?: () => number
}

interface Node {
  readonly actionType: "AND" | "OR" | "NONE"
  readonly userIds: ReadonlyArray<string>
  readonly activityId: string
}

interface Instance {
  readonly id: string
  readonly processCode: string
  readonly originator: string
  readonly nodes: ReadonlyArray<Node>
  readonly values: ReadonlyArray<{ name: string; value: string; componentType?: string; bizAlias?: string }>
  readonly createTime: number
  readonly businessId: string
  status: "RUNNING" | "COMPLETED" | "TERMINATED"
  result: "agree" | "refuse" | undefined
  finishTime: number | undefined
  nodeIndex: number
  agreed: Set<string>
  operations: Array<{
    userId: string
    date: string
    type: string
    result: string
    remark?: string
    activityId?: string
  }>
  tasks: Array<{ taskId: number; userId: string; status: string; result?: string; activityId: string }>
}

interface Template {
  readonly processCode: string
  name: string
  components: ReadonlyArray<Record<string, unknown>>
}

/** What the fake recorded of a push. */
export interface FakePush {
  readonly eventId: string
  readonly eventType: string
  readonly attempt: number
  readonly delivered: boolean
  readonly reason?: string
}

const allowedComponents = new Set([
  "TextField",
  "TextareaField",
  "NumberField",
  "DDSelectField",
  "DDMultiSelectField",
  "DDDateField",
  "DDDateRangeField",
  "TextNote",
  "PhoneField",
  "DDPhotoField",
  "MoneyField",
  "TableField",
  "DDAttachment",
  "InnerContactField",
  "DepartmentField",
  "RelateField",
  "AddressField",
  "StarRatingField",
])

/** Control of the running fake, for tests and examples. */
export interface DingTalkFake {
  /** The base URL to use as both `apiBaseUrl` and `oapiBaseUrl`. */
  readonly url: string
  readonly close: () => Promise<void>
  /** An approver decides their task on an instance, as tapping 同意/拒绝 in DingTalk does. */
  readonly decide: (instanceId: string, userid: string, result: "agree" | "refuse", remark?: string) => void
  /** Makes every issued token invalid (DingTalk may invalidate tokens early). */
  readonly expireTokens: () => void
  /** The next `count` API calls (not token calls) answer with this throttling reply. */
  readonly throttleNext: (count: number, kind?: "qps" | "ipBan" | "busy") => void
  /**
   * The next `count` requests to `method path` are carried out, but their replies are lost (the
   * connection drops), as when a reply times out on its way back: the caller cannot tell whether
   * DingTalk did the work.
   */
  readonly loseNextReplies: (path: string, count?: number, method?: "GET" | "POST") => void
  /** Changes a control's label on a template, as an administrator editing it in the console would. */
  readonly renameControl: (processCode: string, from: string, to: string) => void
  /** Points pushes elsewhere, or stops them. */
  readonly setCallback: (target: FakeCallbackTarget | undefined) => void
  readonly instances: () => ReadonlyArray<Instance>
  readonly templates: () => ReadonlyArray<Template>
  readonly pushes: () => ReadonlyArray<FakePush>
  /** Events that could not be delivered, as `get_call_back_failed_result` will list them. */
  readonly failedCount: () => number
  /** Work notices delivered, one entry per user and message (after DingTalk's once-a-day rule). */
  readonly notices: () => ReadonlyArray<{
    readonly userid: string
    readonly title: string
    readonly text: string
  }>
  /** Requests received, by path. */
  readonly calls: (path?: string) => number
  readonly tokensIssued: () => number
  /** Resolves once every scheduled push (and its retries) has finished. */
  readonly settle: () => Promise<void>
}

/**
 * A local HTTP server that behaves like DingTalk for tixi's calls: app access tokens with a
 * lifetime (and early invalidation), the workflow form and instance APIs with DingTalk's
 * validation (control names must match template labels, options must exist, users must exist),
 * an approval engine for AND/OR/NONE nodes, throttling replies (QPS 403, IP ban, system.busy),
 * the address book, encrypted and signed callback pushes with DingTalk's retries, duplicates
 * and failed-delivery list. Serves both api.dingtalk.com and oapi.dingtalk.com paths.
 */
export async function startDingTalkFake(options: DingTalkFakeOptions): Promise<DingTalkFake> {
  const now = options.now ?? Date.now
  const tokens = new Map<string, number>()
  let tokensIssued = 0
  let throttle: { count: number; kind: "qps" | "ipBan" | "busy" } = { count: 0, kind: "qps" }
  const templates = new Map<string, Template>()
  const instances = new Map<string, Instance>()
  const users = new Map((options.users ?? []).map((user) => [user.userid, user]))
  const departments = new Map(
    (options.departments ?? [{ deptId: 1, name: "总部" }]).map((department) => [
      department.deptId,
      department,
    ]),
  )
  const pushes: Array<FakePush> = []
  const failed: Array<{ tag: string; time: number; data: Record<string, unknown> }> = []
  const pending = new Set<Promise<void>>()
  const calls = new Map<string, number>()
  const notices: Array<{ userid: string; title: string; text: string; day: number }> = []
  let callback = options.callback
  let sequence = 0
  let taskSequence = 1000

  const isoMinute = (millis: number) => `${new Date(millis).toISOString().slice(0, 16)}Z`

  const push = (eventType: string, data: Record<string, unknown>) => {
    const target = callback
    if (target === undefined) return
    const eventId = `evt-${++sequence}`
    const body = {
      EventType: eventType,
      EventTime: now(),
      CorpId: options.corpId ?? "ding-corp",
      eventId,
      ...data,
    }
    const copies = target.duplicate ? 2 : 1
    for (let copy = 0; copy < copies; copy++) {
      const delivery = deliver(target, eventType, eventId, body)
      pending.add(delivery)
      void delivery.finally(() => pending.delete(delivery))
    }
  }

  const deliver = async (
    target: FakeCallbackTarget,
    eventType: string,
    eventId: string,
    body: Record<string, unknown>,
  ) => {
    const delays = [0, ...(target.retryDelaysMillis ?? [10_000, 30_000])]
    const keys = {
      token: target.token,
      aesKey: target.aesKey,
      owner: { kind: "ownerKey", value: target.ownerKey },
    }
    for (const [attempt, delay] of delays.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const sealed = encryptMessage(keys, JSON.stringify(body), {
        timestamp: String(Math.floor(now() / 1000)),
      })
      const url = new URL(target.url)
      url.searchParams.set("msg_signature", sealed.signature)
      url.searchParams.set("timestamp", sealed.timestamp)
      url.searchParams.set("nonce", sealed.nonce)
      let reason: string | undefined
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ encrypt: sealed.encrypt }),
          signal: AbortSignal.timeout(target.timeoutMillis ?? 2_500),
        })
        const reply = (await response.json().catch(() => ({}))) as Record<string, string>
        const plain = decryptMessage(keys, {
          signature: reply.msg_signature ?? "",
          timestamp: reply.timeStamp ?? "",
          nonce: reply.nonce ?? "",
          encrypt: reply.encrypt ?? "",
        })
        if (!response.ok) reason = `status ${response.status}`
        else if (Result.isFailure(plain)) reason = `reply ${plain.failure._tag}`
        else if (plain.success !== "success") reason = `reply "${plain.success}"`
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error)
      }
      pushes.push({
        eventId,
        eventType,
        attempt: attempt + 1,
        delivered: reason === undefined,
        ...(reason ? { reason } : {}),
      })
      if (reason === undefined) return
    }
    failed.push({ tag: eventType, time: now(), data: body })
  }

  const instanceData = (instance: Instance, type: string, extra: Record<string, unknown> = {}) => ({
    processInstanceId: instance.id,
    processCode: instance.processCode,
    businessId: instance.businessId,
    title: `${users.get(instance.originator)?.name ?? instance.originator}提交的审批`,
    type,
    createTime: instance.createTime,
    ...extra,
  })

  const openTasks = (instance: Instance) => {
    const node = instance.nodes[instance.nodeIndex]!
    for (const userId of node.userIds) {
      instance.tasks.push({ taskId: ++taskSequence, userId, status: "RUNNING", activityId: node.activityId })
    }
  }

  const finish = (instance: Instance, result: "agree" | "refuse", by: string, remark?: string) => {
    instance.status = "COMPLETED"
    instance.result = result
    instance.finishTime = now()
    for (const task of instance.tasks) if (task.status === "RUNNING") task.status = "CANCELED"
    push(
      "bpms_instance_change",
      instanceData(instance, "finish", {
        result,
        finishTime: instance.finishTime,
        staffId: instance.originator,
        remark,
      }),
    )
    void by
  }

  const decide = (instanceId: string, userid: string, result: "agree" | "refuse", remark?: string) => {
    const instance = instances.get(instanceId)
    if (instance === undefined) throw new Error(`no instance ${instanceId}`)
    if (instance.status !== "RUNNING") throw new Error(`instance ${instanceId} is ${instance.status}`)
    const task = instance.tasks.find(
      (candidate) => candidate.userId === userid && candidate.status === "RUNNING",
    )
    if (task === undefined) throw new Error(`${userid} has no running task on ${instanceId}`)
    const node = instance.nodes[instance.nodeIndex]!
    task.status = "COMPLETED"
    task.result = result === "agree" ? "AGREE" : "REFUSE"
    instance.operations.push({
      userId: userid,
      date: isoMinute(now()),
      type: "EXECUTE_TASK_NORMAL",
      result: result === "agree" ? "AGREE" : "REFUSE",
      activityId: node.activityId,
      ...(remark === undefined ? {} : { remark }),
    })
    push("bpms_task_change", {
      ...instanceData(instance, "finish", {
        result,
        staffId: userid,
        taskId: task.taskId,
        finishTime: now(),
      }),
      ...(remark === undefined ? {} : { remark }),
    })
    if (result === "refuse") return finish(instance, "refuse", userid, remark)
    instance.agreed.add(userid)
    const done = node.actionType !== "AND" || node.userIds.every((user) => instance.agreed.has(user))
    if (!done) return
    for (const other of instance.tasks)
      if (other.status === "RUNNING" && other.activityId === node.activityId) other.status = "CANCELED"
    instance.nodeIndex += 1
    instance.agreed = new Set()
    if (instance.nodeIndex >= instance.nodes.length) return finish(instance, "agree", userid, remark)
    openTasks(instance)
  }

  const losing = new WeakSet<ServerResponse>()
  let lost: { path: string; method: string; count: number } = { path: "", method: "", count: 0 }
  const send = (response: ServerResponse, status: number, body: unknown) => {
    if (losing.has(response)) {
      response.destroy()
      return
    }
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" })
    response.end(JSON.stringify(body))
  }
  const apiError = (response: ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { code, message, requestid: `req-${sequence}` })
  const oapi = (
    response: ServerResponse,
    errcode: number,
    errmsg: string,
    extra: Record<string, unknown> = {},
  ) => send(response, 200, { errcode, errmsg, request_id: `req-${sequence}`, ...extra })

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Array<Buffer> = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      request.on("error", reject)
    })

  const userView = (user: FakeDingTalkUser) => ({
    userid: user.userid,
    name: user.name,
    dept_id_list: user.deptIds,
    ...(user.managerUserid === undefined ? {} : { manager_userid: user.managerUserid }),
    active: user.active ?? true,
    ...(user.title === undefined ? {} : { title: user.title }),
    role_list: (user.roles ?? []).map((name, index) => ({ id: index + 1, name, group_name: "默认" })),
  })

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fake")
    const path = url.pathname
    calls.set(path, (calls.get(path) ?? 0) + 1)
    if (lost.count > 0 && lost.path === path && lost.method === request.method) {
      lost.count -= 1
      losing.add(response)
    }
    const raw = await readBody(request)
    let body: Record<string, unknown> = {}
    try {
      body = raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return apiError(response, 400, "invalidParameter", "请求体不是合法的JSON")
    }
    if (path === "/v1.0/oauth2/accessToken") {
      if (body.appKey !== options.appKey || body.appSecret !== options.appSecret) {
        return apiError(response, 400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
      }
      const token = `fake-token-${++tokensIssued}`
      const lifetime = options.tokenLifetimeSeconds ?? 7200
      tokens.set(token, now() + lifetime * 1000)
      return send(response, 200, { accessToken: token, expireIn: lifetime })
    }
    if (path === "/v1.0/gateway/connections/open")
      return apiError(response, 404, "notFound", "no stream gateway in this fake")
    const legacy = !path.startsWith("/v1.0/")
    const token = legacy
      ? url.searchParams.get("access_token")
      : (request.headers["x-acs-dingtalk-access-token"] as string | undefined)
    const expiry = token === null || token === undefined ? undefined : tokens.get(token)
    if (expiry === undefined || expiry <= now()) {
      return legacy
        ? oapi(response, 40014, "不合法的access_token")
        : apiError(response, 401, "InvalidAuthentication", "不合法的access_token")
    }
    if (throttle.count > 0) {
      throttle.count -= 1
      if (throttle.kind === "ipBan")
        return send(response, 200, { status: 1111, wait: 5, message: "ip banned" })
      if (throttle.kind === "busy") return apiError(response, 429, "system.busy", "系统繁忙")
      return apiError(
        response,
        403,
        "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi",
        "调用该接口触发QPS限流",
      )
    }
    switch (path) {
      case "/v1.0/workflow/forms": {
        const name = String(body.name ?? "")
        const components = Array.isArray(body.formComponents)
          ? (body.formComponents as Array<Record<string, unknown>>)
          : []
        if (name.length === 0 || name.length > 200)
          return apiError(response, 400, "formschema.error", "表单名称不合法")
        const labels = new Set<string>()
        const check = (list: Array<Record<string, unknown>>): string | undefined => {
          for (const component of list) {
            const props = (component.props ?? {}) as Record<string, unknown>
            const label = String(props.label ?? "")
            if (!allowedComponents.has(String(component.componentType)))
              return `不支持的控件 ${String(component.componentType)}`
            if (label.length === 0 || label.length > 20) return `控件标题不合法：${label}`
            if (labels.has(label)) return `控件标题重复：${label}`
            labels.add(label)
            if (Array.isArray(component.children)) {
              const inner = check(component.children as Array<Record<string, unknown>>)
              if (inner) return inner
            }
          }
          return undefined
        }
        const problem = check(components)
        if (problem) return apiError(response, 400, "formschema.error", problem)
        const processCode = typeof body.processCode === "string" ? body.processCode : undefined
        if (processCode !== undefined) {
          const template = templates.get(processCode)
          if (template === undefined)
            return apiError(response, 400, "processcode.error", "processCode对应的审批流程不存在")
          template.name = name
          template.components = components
          return send(response, 200, { result: { processCode } })
        }
        if ([...templates.values()].some((template) => template.name === name)) {
          return apiError(response, 400, "formName.error", "已有相同名称表单")
        }
        const created = `PROC-FAKE-${String(templates.size + 1).padStart(4, "0")}`
        templates.set(created, { processCode: created, name, components })
        return send(response, 200, { result: { processCode: created } })
      }
      case "/v1.0/workflow/processCentres/schemaNames/processCodes": {
        const found = [...templates.values()].find(
          (template) => template.name === url.searchParams.get("name"),
        )
        if (found === undefined)
          return apiError(response, 400, "processcode.error", "processCode对应的审批流程不存在")
        return send(response, 200, {
          result: { processCode: found.processCode, gmtModified: isoMinute(now()) },
        })
      }
      case "/v1.0/workflow/forms/schemas/processCodes": {
        const template = templates.get(url.searchParams.get("processCode") ?? "")
        if (template === undefined) return apiError(response, 400, "formNotExist", "审批表单模板不存在")
        const item = (component: Record<string, unknown>): Record<string, unknown> => {
          const props = (component.props ?? {}) as Record<string, unknown>
          return {
            componentName: component.componentType,
            props: {
              id: props.componentId,
              label: props.label,
              required: props.required === true,
              ...(Array.isArray(props.options)
                ? { options: (props.options as Array<unknown>).map((option) => JSON.stringify(option)) }
                : {}),
              ...(props.bizAlias === undefined ? {} : { bizAlias: props.bizAlias }),
            },
            ...(Array.isArray(component.children)
              ? { children: (component.children as Array<Record<string, unknown>>).map(item) }
              : {}),
          }
        }
        return send(response, 200, {
          result: {
            name: template.name,
            formCode: template.processCode,
            schemaContent: { title: template.name, items: template.components.map(item) },
          },
        })
      }
      case "/v1.0/workflow/processInstances": {
        if (request.method === "GET") {
          const instance = instances.get(url.searchParams.get("processInstanceId") ?? "")
          if (instance === undefined)
            return apiError(response, 400, "processInstanceIdError", "processInstanceId参数无效")
          return send(response, 200, {
            success: true,
            result: {
              title: `${instance.originator}提交的审批`,
              createTime: isoMinute(instance.createTime),
              ...(instance.finishTime === undefined ? {} : { finishTime: isoMinute(instance.finishTime) }),
              originatorUserId: instance.originator,
              status: instance.status,
              ...(instance.result === undefined ? {} : { result: instance.result }),
              businessId: instance.businessId,
              approverUserIds: instance.nodes.flatMap((node) => node.userIds),
              operationRecords: instance.operations,
              tasks: instance.tasks,
              formComponentValues: instance.values,
            },
          })
        }
        const template = templates.get(String(body.processCode ?? ""))
        if (template === undefined)
          return apiError(response, 400, "processCodeError", "获取审批模板失败或者模板已被删除")
        const originator = String(body.originatorUserId ?? "")
        if (!users.has(originator))
          return apiError(response, 400, "invalidParameter", "发起审批参数错误：发起人已离职或不存在")
        const approvers = Array.isArray(body.approvers)
          ? (body.approvers as Array<{ actionType?: string; userIds?: Array<string> }>)
          : []
        if (approvers.length === 0)
          return apiError(response, 400, "processInstanceInvalidParameter", "本模拟环境需要指定审批人")
        if (approvers.length > 20)
          return apiError(response, 400, "processInstanceInvalidParameter", "审批人列表最多20个")
        for (const node of approvers) {
          if (!["AND", "OR", "NONE"].includes(String(node.actionType))) {
            return apiError(response, 400, "processInstanceInvalidParameter", "actionType 不合法")
          }
          if (!node.userIds?.length || node.userIds.some((user) => !users.has(user))) {
            return apiError(response, 400, "processInstanceInvalidParameter", "审批人的userid错误")
          }
        }
        const values = Array.isArray(body.formComponentValues)
          ? (body.formComponentValues as Array<{ name?: string; value?: string; componentType?: string }>)
          : []
        if (values.length > 150) return apiError(response, 400, "illegalComponent", "表单组件入参错误")
        const byLabel = new Map(
          template.components.map((component) => [
            String((component.props as Record<string, unknown>).label),
            component,
          ]),
        )
        for (const value of values) {
          const component = byLabel.get(String(value.name))
          if (component === undefined)
            return apiError(response, 400, "formConverterError", `表单数据校验失败，失败控件：${value.name}`)
          const props = component.props as { options?: Array<{ value: string }>; required?: boolean }
          if (
            component.componentType === "DDSelectField" &&
            !props.options?.some((option) => option.value === value.value)
          ) {
            return apiError(response, 400, "formConverterError", `表单数据校验失败，失败控件：${value.name}`)
          }
        }
        for (const [label, component] of byLabel) {
          const required = (component.props as { required?: boolean }).required === true
          if (
            required &&
            !values.some((value) => value.name === label && String(value.value ?? "").length > 0)
          ) {
            return apiError(response, 400, "formConverterError", `表单数据校验失败，失败控件：${label}`)
          }
        }
        const id = `fake-instance-${String(instances.size + 1).padStart(4, "0")}`
        const instance: Instance = {
          id,
          processCode: template.processCode,
          originator,
          nodes: approvers.map((node, index) => ({
            actionType: node.actionType as Node["actionType"],
            userIds: node.userIds ?? [],
            activityId: `node-${index + 1}`,
          })),
          values: values.map((value) => {
            const component = byLabel.get(String(value.name))!
            const bizAlias = (component.props as { bizAlias?: string }).bizAlias
            return {
              name: String(value.name),
              value: String(value.value ?? ""),
              componentType: String(component.componentType),
              ...(bizAlias === undefined ? {} : { bizAlias }),
            }
          }),
          createTime: now(),
          businessId: `2026${String(instances.size + 1).padStart(8, "0")}`,
          status: "RUNNING",
          result: undefined,
          finishTime: undefined,
          nodeIndex: 0,
          agreed: new Set(),
          operations: [
            { userId: originator, date: isoMinute(now()), type: "START_PROCESS_INSTANCE", result: "NONE" },
          ],
          tasks: [],
        }
        instances.set(id, instance)
        openTasks(instance)
        push("bpms_instance_change", instanceData(instance, "start", { staffId: originator }))
        return send(response, 200, { instanceId: id })
      }
      case "/v1.0/workflow/processes/instanceIds/query": {
        const maxResults = Number(body.maxResults ?? 0)
        if (!(maxResults >= 1 && maxResults <= 20)) {
          return apiError(
            response,
            400,
            "invalidMaxResults",
            "获取审批实例ID列表，分页参数非法，每页大小，最多传20。",
          )
        }
        const start = Number(body.startTime)
        const end = body.endTime === undefined ? now() : Number(body.endTime)
        if (!(end >= start) || end - start > 120 * 86_400_000) {
          return apiError(response, 400, "invalidEndTime", "查询时间范围不能超过120天")
        }
        const userIds = Array.isArray(body.userIds) ? (body.userIds as Array<string>) : undefined
        if (userIds !== undefined && userIds.length > 10)
          return apiError(response, 400, "invalidUserIds", "发起userid列表最大长度为10")
        const matching = [...instances.values()].filter(
          (instance) =>
            instance.processCode === body.processCode &&
            instance.createTime >= start &&
            instance.createTime <= end &&
            (userIds === undefined || userIds.includes(instance.originator)),
        )
        const offset = Number(body.nextToken ?? 0)
        const page = matching.slice(offset, offset + maxResults)
        const next = offset + maxResults < matching.length ? String(offset + maxResults) : undefined
        return send(response, 200, {
          success: true,
          result: { list: page.map((instance) => instance.id), ...(next ? { nextToken: next } : {}) },
        })
      }
      case "/v1.0/workflow/processInstances/terminate": {
        const instance = instances.get(String(body.processInstanceId ?? ""))
        if (instance === undefined)
          return apiError(response, 400, "aflowProcessInstNotExist", "审批实例不存在")
        if (instance.status !== "RUNNING")
          return apiError(response, 400, "aflowProcessInstStatusException", "审批单已结束")
        if (now() - instance.createTime < (options.withdrawDelaySeconds ?? 0) * 1000) {
          return apiError(response, 400, "aflowProcessInstStatusException", "提交审批单后15秒内不能进行撤回")
        }
        instance.status = "TERMINATED"
        instance.finishTime = now()
        for (const task of instance.tasks) if (task.status === "RUNNING") task.status = "CANCELED"
        instance.operations.push({
          userId: instance.originator,
          date: isoMinute(now()),
          type: "TERMINATE_PROCESS_INSTANCE",
          result: "NONE",
          ...(typeof body.remark === "string" ? { remark: body.remark } : {}),
        })
        push(
          "bpms_instance_change",
          instanceData(instance, "terminate", {
            staffId: instance.originator,
            finishTime: instance.finishTime,
          }),
        )
        return send(response, 200, { success: true, result: true })
      }
      case "/v1.0/workflow/processInstances/execute": {
        try {
          decide(
            String(body.processInstanceId),
            String(body.actionerUserId),
            body.result === "refuse" ? "refuse" : "agree",
            typeof body.remark === "string" ? body.remark : undefined,
          )
          return send(response, 200, { success: true, result: true })
        } catch (error) {
          return apiError(response, 400, "aflowProcessInstCanNotBeExecuted", String(error))
        }
      }
      case "/call_back/get_call_back_failed_result": {
        const batch = failed.splice(0, 200)
        return oapi(response, 0, "ok", {
          has_more: failed.length > 0,
          failed_list: batch.map((entry) => ({
            call_back_tag: entry.tag,
            event_time: entry.time,
            [entry.tag]: { bpmsCallBackData: entry.data, corpid: options.corpId ?? "ding-corp" },
          })),
        })
      }
      case "/topapi/message/corpconversation/asyncsend_v2": {
        if (options.agentId !== undefined && Number(body.agent_id) !== options.agentId)
          return oapi(response, 400035, "agent_id不合法")
        const listed = String(body.userid_list ?? "").split(",")
        // Doc 0769: at most 100 userids per call, and a msg of at most 2,048 bytes.
        if (listed.length > 100) return oapi(response, 40035, "userid_list 最多支持100个userid")
        if (Buffer.byteLength(JSON.stringify(body.msg ?? {}), "utf8") > 2_048)
          return oapi(response, 40035, "msg 超过2048字节")
        const recipients = listed.filter((user) => users.has(user))
        if (recipients.length === 0) return oapi(response, 60121, "找不到该用户")
        const markdown = ((body.msg as { markdown?: { title?: string; text?: string } } | undefined)
          ?.markdown ?? {}) as {
          title?: string
          text?: string
        }
        const day = Math.floor(now() / 86_400_000)
        for (const userid of recipients) {
          // DingTalk delivers the same content from an app to a user once a day.
          if (
            notices.some(
              (notice) => notice.userid === userid && notice.text === markdown.text && notice.day === day,
            )
          )
            continue
          notices.push({ userid, title: markdown.title ?? "", text: markdown.text ?? "", day })
        }
        return oapi(response, 0, "ok", { task_id: ++sequence })
      }
      case "/topapi/v2/user/get": {
        const user = users.get(String(body.userid ?? ""))
        if (user === undefined) return oapi(response, 60121, "找不到该用户")
        return oapi(response, 0, "ok", { result: userView(user) })
      }
      case "/topapi/v2/user/list": {
        const deptId = Number(body.dept_id)
        if (!departments.has(deptId)) return oapi(response, 60003, "部门不存在")
        const size = Number(body.size ?? 0)
        if (!(size >= 1 && size <= 100)) return oapi(response, 40035, "size 不合法")
        const members = [...users.values()].filter((user) => user.deptIds.includes(deptId))
        const cursor = Number(body.cursor ?? 0)
        const page = members.slice(cursor, cursor + size)
        const hasMore = cursor + size < members.length
        return oapi(response, 0, "ok", {
          result: {
            has_more: hasMore,
            ...(hasMore ? { next_cursor: cursor + size } : {}),
            list: page.map(userView),
          },
        })
      }
      case "/topapi/v2/department/get": {
        const department = departments.get(Number(body.dept_id))
        if (department === undefined) return oapi(response, 60003, "部门不存在")
        return oapi(response, 0, "ok", {
          result: {
            dept_id: department.deptId,
            name: department.name,
            ...(department.parentId === undefined ? {} : { parent_id: department.parentId }),
            dept_manager_userid_list: department.managers ?? [],
          },
        })
      }
      case "/topapi/v2/department/listsub": {
        const deptId = Number(body.dept_id)
        if (!departments.has(deptId)) return oapi(response, 60003, "部门不存在")
        return oapi(response, 0, "ok", {
          result: [...departments.values()]
            .filter((department) => department.parentId === deptId)
            .map((department) => ({ dept_id: department.deptId, name: department.name, parent_id: deptId })),
        })
      }
      default:
        return apiError(response, 404, "NotFound", `no route ${path}`)
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => apiError(response, 500, "systemError", String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await Promise.allSettled([...pending])
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    decide,
    expireTokens: () => tokens.clear(),
    loseNextReplies: (path, count = 1, method = "POST") => {
      lost = { path, method, count }
    },
    throttleNext: (count, kind = "qps") => {
      throttle = { count, kind }
    },
    renameControl: (processCode, from, to) => {
      const template = templates.get(processCode)
      if (template === undefined) throw new Error(`no template ${processCode}`)
      template.components = template.components.map((component) => {
        const props = component.props as Record<string, unknown>
        return props.label === from ? { ...component, props: { ...props, label: to } } : component
      })
    },
    setCallback: (target) => {
      callback = target
    },
    instances: () => [...instances.values()],
    notices: () => notices.map(({ userid, title, text }) => ({ userid, title, text })),
    templates: () => [...templates.values()],
    pushes: () => [...pushes],
    failedCount: () => failed.length,
    calls: (path) =>
      path === undefined
        ? [...calls.values()].reduce((sum, count) => sum + count, 0)
        : (calls.get(path) ?? 0),
    tokensIssued: () => tokensIssued,
    settle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
  }
}
