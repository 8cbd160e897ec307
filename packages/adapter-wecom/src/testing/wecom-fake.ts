import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { encryptMessage } from "@tixi/adapter-kit"

/** A member of the fake's address book. */
export interface FakeWeComMember {
  readonly userid: string
  readonly name: string
  readonly departments: ReadonlyArray<number>
  readonly directLeader?: string
  readonly position?: string
  readonly tags?: ReadonlyArray<string>
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  readonly status?: number
}

/** A department of the fake (id 1 is the root). */
export interface FakeWeComDepartment {
  readonly id: number
  readonly name: string
  readonly parentId?: number
  readonly leaders?: ReadonlyArray<string>
}

/** Where the fake pushes callbacks, as WeCom does. */
export interface FakeWeComCallback {
  readonly url: string
  readonly token: string
  readonly encodingAesKey: string
  /** The receiveid appended to plaintexts (the corp id, or a suite id). */
  readonly receiveId: string
  /** WeCom retries three times, only when the push fails or times out (default 5 s). */
  readonly retryDelaysMillis?: ReadonlyArray<number>
  readonly timeoutMillis?: number
  /** Push every event twice. */
  readonly duplicate?: boolean
  /** Send the JSON body variant instead of XML. */
  readonly json?: boolean
}

/** Options of the fake. */
export interface WeComFakeOptions {
  readonly corpId: string
  readonly corpSecret: string
  readonly members?: ReadonlyArray<FakeWeComMember>
  readonly departments?: ReadonlyArray<FakeWeComDepartment>
  readonly tokenLifetimeSeconds?: number
  readonly callback?: FakeWeComCallback
  /** The app's AgentId, checked on app messages. */
  readonly agentId?: number
  readonly now?: () => number
}

interface Control {
  readonly property: {
    control: string
    id: string
    title: Array<{ text: string; lang: string }>
    require?: number
  }
  readonly config?: Record<string, unknown>
}

interface Template {
  readonly id: string
  names: Array<{ text: string; lang: string }>
  controls: Array<Control>
}

interface Approval {
  readonly spNo: string
  readonly templateId: string
  readonly creator: string
  readonly applyTime: number
  readonly contents: Array<Record<string, unknown>>
  /** The summary card's lines as submitted (`summary_list`, at most 3). */
  readonly summary: Array<string>
  spStatus: number
  nodes: Array<{
    /** As `applyevent` took it: 1 all must approve (会签), 2 any one (或签), 3 in turn (依次审批). */
    apvRel: number
    details: Array<{ userid: string; spStatus: number; speech: string; sptime: number }>
    spStatus: number
  }>
  nodeIndex: number
}

/** What the fake recorded of a push. */
export interface FakeWeComPush {
  readonly spNo: string
  readonly statusChangeEvent: number
  readonly attempt: number
  readonly delivered: boolean
}

/** Control of the running fake. */
export interface WeComFake {
  readonly url: string
  readonly close: () => Promise<void>
  /** An approver decides their part of an approval, as in the WeCom app (StatuChangeEvent 2 or 3). */
  readonly decide: (spNo: string, userid: string, result: "approve" | "reject", speech?: string) => void
  /** The applicant withdraws (撤销) in the WeCom app (StatuChangeEvent 6). */
  readonly withdrawInApp: (spNo: string) => void
  readonly expireTokens: () => void
  /** The next `count` calls answer with a frequency (45033) or minute-limit (45009) errcode. */
  readonly throttleNext: (count: number, errcode?: 45009 | 45033) => void
  /**
   * The next `count` requests to `path` are carried out, but their replies are lost (the
   * connection drops), as when a reply times out on its way back: the caller cannot tell whether
   * WeCom did the work.
   */
  readonly loseNextReplies: (path: string, count?: number) => void
  readonly renameControl: (templateId: string, from: string, to: string) => void
  readonly setCallback: (target: FakeWeComCallback | undefined) => void
  readonly approvals: () => ReadonlyArray<Approval>
  readonly templates: () => ReadonlyArray<Template>
  readonly pushes: () => ReadonlyArray<FakeWeComPush>
  /** App messages delivered, one entry per member and message (after WeCom's duplicate check). */
  readonly messages: () => ReadonlyArray<{ readonly userid: string; readonly content: string }>
  readonly calls: (path?: string) => number
  readonly tokensIssued: () => number
  readonly settle: () => Promise<void>
}

const xmlEscape = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`

/**
 * A local HTTP server that behaves like WeCom for tixi's calls: access tokens per secret with a
 * lifetime (and early invalidation, 40014/42001), the approval template and application APIs
 * with WeCom's validation (control ids must exist in the template, selector keys must exist,
 * creators and approvers must exist), an approval engine for 或签/会签 nodes, frequency limits
 * (45009, 45033), the address book and tags, and encrypted `sys_approval_change` pushes in XML or
 * JSON with WeCom's retries on failure and optional duplicates.
 */
export async function startWeComFake(options: WeComFakeOptions): Promise<WeComFake> {
  const now = options.now ?? Date.now
  const tokens = new Map<string, number>()
  let tokensIssued = 0
  let throttle = { count: 0, errcode: 45033 as 45009 | 45033 }
  const templates = new Map<string, Template>()
  const approvals = new Map<string, Approval>()
  const members = new Map((options.members ?? []).map((member) => [member.userid, member]))
  const departments = new Map(
    (options.departments ?? [{ id: 1, name: "总部" }]).map((department) => [department.id, department]),
  )
  const tagNames = [...new Set((options.members ?? []).flatMap((member) => member.tags ?? []))]
  const pushes: Array<FakeWeComPush> = []
  const pending = new Set<Promise<void>>()
  const calls = new Map<string, number>()
  const messages: Array<{ userid: string; content: string; at: number }> = []
  let callback = options.callback
  let sequence = 0

  const seconds = () => Math.floor(now() / 1000)
  /**
   * A node's `approverattr` (detail) and `ApproverAttr` (callback) use the legacy numbering, the
   * reverse of `apv_rel`: 1 或签, 2 会签. A node in turn (apv_rel 3) needs everyone, so it shows 2.
   */
  const approverAttr = (apvRel: number) => (apvRel === 2 ? 1 : 2)

  const eventXml = (approval: Approval, statusChangeEvent: number) => {
    const template = templates.get(approval.templateId)
    const records = approval.nodes
      .map(
        (node) =>
          `<SpRecord><SpStatus>${node.spStatus}</SpStatus><ApproverAttr>${approverAttr(node.apvRel)}</ApproverAttr>${node.details
            .map(
              (detail) =>
                `<Details><Approver><UserId>${xmlEscape(detail.userid)}</UserId></Approver><Speech>${xmlEscape(detail.speech)}</Speech><SpStatus>${detail.spStatus}</SpStatus><SpTime>${detail.sptime}</SpTime></Details>`,
            )
            .join("")}</SpRecord>`,
      )
      .join("")
    return `<xml><ToUserName>${xmlEscape(options.corpId)}</ToUserName><FromUserName>${xmlEscape("sys")}</FromUserName><CreateTime>${seconds()}</CreateTime><MsgType>${xmlEscape("event")}</MsgType><Event>${xmlEscape("sys_approval_change")}</Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>${approval.spNo}</SpNo><SpName>${xmlEscape(template?.names[0]?.text ?? "")}</SpName><SpStatus>${approval.spStatus}</SpStatus><TemplateId>${xmlEscape(approval.templateId)}</TemplateId><ApplyTime>${approval.applyTime}</ApplyTime><Applyer><UserId>${xmlEscape(approval.creator)}</UserId><Party>${xmlEscape("1")}</Party></Applyer>${records}<StatuChangeEvent>${statusChangeEvent}</StatuChangeEvent></ApprovalInfo></xml>`
  }

  const push = (approval: Approval, statusChangeEvent: number) => {
    const target = callback
    if (target === undefined) return
    const plaintext = eventXml(approval, statusChangeEvent)
    for (let copy = 0; copy < (target.duplicate ? 2 : 1); copy++) {
      const delivery = deliver(target, approval.spNo, statusChangeEvent, plaintext)
      pending.add(delivery)
      void delivery.finally(() => pending.delete(delivery))
    }
  }

  const deliver = async (
    target: FakeWeComCallback,
    spNo: string,
    statusChangeEvent: number,
    plaintext: string,
  ) => {
    const keys = {
      token: target.token,
      aesKey: target.encodingAesKey,
      owner: { kind: "receiveId", value: target.receiveId },
    }
    const delays = [0, ...(target.retryDelaysMillis ?? [5_000, 5_000, 5_000])]
    for (const [attempt, delay] of delays.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const sealed = encryptMessage(keys, plaintext, { timestamp: String(seconds()) })
      const url = new URL(target.url)
      url.searchParams.set("msg_signature", sealed.signature)
      url.searchParams.set("timestamp", sealed.timestamp)
      url.searchParams.set("nonce", sealed.nonce)
      const body = target.json
        ? JSON.stringify({ tousername: options.corpId, encrypt: sealed.encrypt, agentid: 3010040 })
        : `<xml><ToUserName>${xmlEscape(options.corpId)}</ToUserName><Encrypt>${xmlEscape(sealed.encrypt)}</Encrypt><AgentID>${xmlEscape("3010040")}</AgentID></xml>`
      let delivered = false
      try {
        const response = await fetch(url, {
          method: "POST",
          body,
          signal: AbortSignal.timeout(target.timeoutMillis ?? 5_000),
        })
        await response.text()
        // WeCom retries only when the push itself fails (network, timeout, server error).
        delivered = response.status < 500
      } catch {
        delivered = false
      }
      pushes.push({ spNo, statusChangeEvent, attempt: attempt + 1, delivered })
      if (delivered) return
    }
  }

  const decide = (spNo: string, userid: string, result: "approve" | "reject", speech = "") => {
    const approval = approvals.get(spNo)
    if (approval === undefined) throw new Error(`no approval ${spNo}`)
    if (approval.spStatus !== 1) throw new Error(`approval ${spNo} is ${approval.spStatus}`)
    const node = approval.nodes[approval.nodeIndex]!
    const detail = node.details.find((entry) => entry.userid === userid && entry.spStatus === 1)
    if (detail === undefined) throw new Error(`${userid} has no pending part in ${spNo}`)
    if (node.apvRel === 3 && node.details.find((entry) => entry.spStatus === 1) !== detail)
      throw new Error(`${userid} is not yet the approver in turn in ${spNo}`)
    detail.spStatus = result === "approve" ? 2 : 3
    detail.speech = speech
    detail.sptime = seconds()
    if (result === "reject") {
      node.spStatus = 3
      approval.spStatus = 3
      return push(approval, 3)
    }
    // apv_rel 2 (或签): the first approval completes the node; 1 (会签) and 3 (依次) need everyone's.
    const done = node.apvRel === 2 || node.details.every((entry) => entry.spStatus === 2)
    if (done) {
      node.spStatus = 2
      approval.nodeIndex += 1
      if (approval.nodeIndex >= approval.nodes.length) approval.spStatus = 2
    }
    push(approval, 2)
  }

  const losing = new WeakSet<ServerResponse>()
  let lost = { path: "", count: 0 }
  const reply = (response: ServerResponse, body: Record<string, unknown>) => {
    if (losing.has(response)) {
      response.destroy()
      return
    }
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" })
    response.end(JSON.stringify({ errcode: 0, errmsg: "ok", ...body }))
  }
  const error = (response: ServerResponse, errcode: number, errmsg: string) =>
    reply(response, { errcode, errmsg })

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Array<Buffer> = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      request.on("error", reject)
    })

  const memberView = (member: FakeWeComMember) => ({
    userid: member.userid,
    name: member.name,
    department: member.departments,
    main_department: member.departments[0],
    position: member.position ?? "",
    direct_leader: member.directLeader === undefined ? [] : [member.directLeader],
    status: member.status ?? 1,
  })

  const validateControls = (controls: Array<Control>): string | undefined => {
    const ids = new Set<string>()
    const titles = new Set<string>()
    const check = (list: Array<Control>): string | undefined => {
      for (const control of list) {
        const { id, title, control: kind } = control.property
        if (!new RegExp(`^${kind}-\\d+$`).test(id)) return `invalid control id ${id}`
        if (ids.has(id)) return `duplicated control id ${id}`
        ids.add(id)
        const text = title.find((entry) => entry.lang === "zh_CN")?.text ?? ""
        if (text.length === 0 || text.length > 40) return `invalid control title ${text}`
        if (titles.has(text)) return `duplicated control title ${text}`
        titles.add(text)
        const children = (control.config?.table as { children?: Array<Control> } | undefined)?.children
        if (children) {
          const inner = check(children)
          if (inner) return inner
        }
      }
      return undefined
    }
    return check(controls)
  }

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fake")
    const path = url.pathname
    calls.set(path, (calls.get(path) ?? 0) + 1)
    if (lost.count > 0 && lost.path === path) {
      lost.count -= 1
      losing.add(response)
    }
    const raw = await readBody(request)
    let body: Record<string, unknown> = {}
    try {
      body = raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return error(response, 47001, "data format error")
    }
    if (path === "/cgi-bin/gettoken") {
      if (url.searchParams.get("corpid") !== options.corpId) return error(response, 40013, "invalid corpid")
      if (url.searchParams.get("corpsecret") !== options.corpSecret)
        return error(response, 40001, "invalid credential")
      const token = `wecom-token-${++tokensIssued}`
      const lifetime = options.tokenLifetimeSeconds ?? 7200
      tokens.set(token, now() + lifetime * 1000)
      return reply(response, { access_token: token, expires_in: lifetime })
    }
    const token = url.searchParams.get("access_token") ?? ""
    const expiry = tokens.get(token)
    if (expiry === undefined) return error(response, 40014, "invalid access_token")
    if (expiry <= now()) return error(response, 42001, "access_token expired")
    if (throttle.count > 0) {
      throttle.count -= 1
      return error(
        response,
        throttle.errcode,
        throttle.errcode === 45009 ? "api freq out of limit" : "api concurrent out of limit",
      )
    }
    switch (path) {
      case "/cgi-bin/oa/approval/create_template":
      case "/cgi-bin/oa/approval/update_template": {
        const names = (body.template_name ?? []) as Array<{ text: string; lang: string }>
        const controls = ((body.template_content as { controls?: Array<Control> } | undefined)?.controls ??
          []) as Array<Control>
        const name = names.find((entry) => entry.lang === "zh_CN")?.text ?? ""
        if (name.length === 0 || name.length > 40)
          return error(response, 301086, "invalid parameter:zh_CN's text can't be empty")
        const problem = validateControls(controls)
        if (problem) return error(response, 301025, problem)
        if (path.endsWith("update_template")) {
          const template = templates.get(String(body.template_id ?? ""))
          if (template === undefined) return error(response, 301055, "template not exist")
          template.names = names
          template.controls = controls
          return reply(response, {})
        }
        if ([...templates.values()].some((template) => template.names.some((entry) => entry.text === name))) {
          return error(response, 301088, "template name already exists")
        }
        const id = `C4fake${String(templates.size + 1).padStart(4, "0")}Template`
        templates.set(id, { id, names, controls })
        return reply(response, { template_id: id })
      }
      case "/cgi-bin/oa/gettemplatedetail": {
        const template = templates.get(String(body.template_id ?? ""))
        if (template === undefined) return error(response, 301055, "template not exist")
        return reply(response, {
          template_names: template.names,
          template_content: { controls: template.controls },
        })
      }
      case "/cgi-bin/oa/applyevent": {
        const template = templates.get(String(body.template_id ?? ""))
        if (template === undefined) return error(response, 301055, "template not exist")
        const creator = String(body.creator_userid ?? "")
        if (!members.has(creator)) return error(response, 60111, "userid not found")
        const nodes = ((
          body.process as
            | { node_list?: Array<{ type: number; apv_rel?: number; userid: Array<string> }> }
            | undefined
        )?.node_list ?? []) as Array<{ type: number; apv_rel?: number; userid: Array<string> }>
        if (body.use_template_approver !== 0 || nodes.length === 0)
          return error(response, 301025, "this fake needs process.node_list")
        for (const node of nodes) {
          if (node.type !== 1 || (node.apv_rel !== 1 && node.apv_rel !== 2 && node.apv_rel !== 3))
            return error(response, 301025, "invalid node type or apv_rel")
          if (node.userid.length === 0 || node.userid.some((user) => !members.has(user)))
            return error(response, 60111, "userid not found")
        }
        const contents = ((body.apply_data as { contents?: Array<Record<string, unknown>> } | undefined)
          ?.contents ?? []) as Array<Record<string, unknown>>
        const byId = new Map(template.controls.map((control) => [control.property.id, control]))
        for (const content of contents) {
          const control = byId.get(String(content.id))
          if (control === undefined || control.property.control !== content.control) {
            return error(
              response,
              301025,
              `get approval param error:invalid control id ${String(content.id)}`,
            )
          }
          const selector = (content.value as { selector?: { options: Array<{ key: string }> } }).selector
          const options =
            (control.config?.selector as { options?: Array<{ key: string }> } | undefined)?.options ?? []
          if (
            selector?.options.some((option) => !options.some((candidate) => candidate.key === option.key))
          ) {
            return error(
              response,
              301025,
              `get approval param error:invalid option key for control id ${String(content.id)}`,
            )
          }
        }
        for (const control of template.controls) {
          if (
            control.property.require === 1 &&
            !contents.some((content) => content.id === control.property.id)
          ) {
            return error(
              response,
              301025,
              `get approval param error:control id ${control.property.id} is required`,
            )
          }
        }
        const summaryList = (body.summary_list ?? []) as Array<{ summary_info?: Array<{ text?: string }> }>
        if (summaryList.length > 3) return error(response, 301025, "summary_list allows at most 3 lines")
        const summary = summaryList.map((line) => line.summary_info?.[0]?.text ?? "")
        const spNo = `2026${String(++sequence).padStart(8, "0")}`
        const titled = contents.map((content) => ({
          ...content,
          title: byId.get(String(content.id))!.property.title,
        }))
        const approval: Approval = {
          spNo,
          templateId: template.id,
          creator,
          applyTime: seconds(),
          contents: titled,
          summary,
          spStatus: 1,
          nodes: nodes.map((node) => ({
            apvRel: node.apv_rel!,
            spStatus: 1,
            details: node.userid.map((userid) => ({ userid, spStatus: 1, speech: "", sptime: 0 })),
          })),
          nodeIndex: 0,
        }
        approvals.set(spNo, approval)
        push(approval, 1)
        return reply(response, { sp_no: spNo })
      }
      case "/cgi-bin/oa/getapprovaldetail": {
        const approval = approvals.get(String(body.sp_no ?? ""))
        if (approval === undefined) return error(response, 301026, "sp_no not exist")
        return reply(response, {
          info: {
            sp_no: approval.spNo,
            sp_name: templates.get(approval.templateId)?.names[0]?.text ?? "",
            sp_status: approval.spStatus,
            template_id: approval.templateId,
            apply_time: approval.applyTime,
            applyer: { userid: approval.creator, partyid: "1" },
            sp_record: approval.nodes.map((node) => ({
              sp_status: node.spStatus,
              approverattr: approverAttr(node.apvRel),
              details: node.details.map((detail) => ({
                approver: { userid: detail.userid },
                speech: detail.speech,
                sp_status: detail.spStatus,
                sptime: detail.sptime,
              })),
            })),
            apply_data: { contents: approval.contents },
          },
        })
      }
      case "/cgi-bin/oa/getapprovalinfo": {
        const start = Number(body.starttime)
        const end = Number(body.endtime)
        if (!(end >= start) || end - start > 31 * 86_400)
          return error(response, 301060, "time range exceeds 31 days")
        const size = Number(body.size ?? 100)
        if (!(size >= 1 && size <= 100)) return error(response, 40058, "size out of range")
        const filters = (body.filters ?? []) as Array<{ key: string; value: string }>
        const matching = [...approvals.values()].filter(
          (approval) =>
            approval.applyTime >= start &&
            approval.applyTime <= end &&
            filters.every((filter) =>
              filter.key === "template_id"
                ? approval.templateId === filter.value
                : filter.key === "creator"
                  ? approval.creator === filter.value
                  : filter.key === "sp_status"
                    ? String(approval.spStatus) === filter.value
                    : true,
            ),
        )
        const offset = Number(body.new_cursor || 0)
        const page = matching.slice(offset, offset + size)
        const next = offset + size < matching.length ? String(offset + size) : ""
        return reply(response, { sp_no_list: page.map((approval) => approval.spNo), new_next_cursor: next })
      }
      case "/cgi-bin/message/send": {
        if (options.agentId !== undefined && Number(body.agentid) !== options.agentId)
          return error(response, 40056, "invalid agentid")
        const requested = String(body.touser ?? "")
          .split("|")
          .filter((user) => user.length > 0)
        const known = requested.filter((user) => members.has(user))
        const unknown = requested.filter((user) => !members.has(user))
        if (known.length === 0) return error(response, 81013, "user & party & tag all invalid")
        const content = String((body.markdown as { content?: string } | undefined)?.content ?? "")
        const interval =
          body.enable_duplicate_check === 1 ? Number(body.duplicate_check_interval ?? 1800) * 1000 : 0
        for (const userid of known) {
          if (
            interval > 0 &&
            messages.some(
              (message) =>
                message.userid === userid && message.content === content && now() - message.at < interval,
            )
          )
            continue
          messages.push({ userid, content, at: now() })
        }
        return reply(response, { invaliduser: unknown.join("|"), msgid: `msg-${++sequence}` })
      }
      case "/cgi-bin/user/get": {
        const member = members.get(url.searchParams.get("userid") ?? "")
        if (member === undefined) return error(response, 60111, "userid not found")
        return reply(response, memberView(member))
      }
      case "/cgi-bin/user/list": {
        const id = Number(url.searchParams.get("department_id"))
        if (!departments.has(id)) return error(response, 60123, "invalid party id")
        return reply(response, {
          userlist: [...members.values()].filter((member) => member.departments.includes(id)).map(memberView),
        })
      }
      case "/cgi-bin/department/list": {
        const requested = url.searchParams.get("id")
        const root = requested === null ? undefined : Number(requested)
        if (root !== undefined && !departments.has(root)) return error(response, 60123, "invalid party id")
        const below = (id: number): Array<number> => [
          id,
          ...[...departments.values()]
            .filter((department) => department.parentId === id)
            .flatMap((department) => below(department.id)),
        ]
        const wanted = root === undefined ? [...departments.keys()] : below(root)
        return reply(response, {
          department: wanted.map((id) => {
            const department = departments.get(id)!
            return {
              id,
              name: department.name,
              parentid: department.parentId ?? 0,
              order: 1,
              department_leader: department.leaders ?? [],
            }
          }),
        })
      }
      case "/cgi-bin/tag/list":
        return reply(response, { taglist: tagNames.map((tagname, index) => ({ tagid: index + 1, tagname })) })
      case "/cgi-bin/tag/get": {
        const name = tagNames[Number(url.searchParams.get("tagid")) - 1]
        if (name === undefined) return error(response, 40068, "invalid tagid")
        return reply(response, {
          tagname: name,
          userlist: [...members.values()]
            .filter((member) => member.tags?.includes(name))
            .map((member) => ({ userid: member.userid, name: member.name })),
          partylist: [],
        })
      }
      default:
        return error(response, 48001, `api unauthorized: no route ${path}`)
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((failure: unknown) =>
      error(response, -1, `system busy: ${String(failure)}`),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await Promise.allSettled([...pending])
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    decide,
    withdrawInApp: (spNo) => {
      const approval = approvals.get(spNo)
      if (approval === undefined || approval.spStatus !== 1)
        throw new Error(`approval ${spNo} cannot be withdrawn`)
      approval.spStatus = 4
      push(approval, 6)
    },
    expireTokens: () => tokens.clear(),
    loseNextReplies: (path, count = 1) => {
      lost = { path, count }
    },
    throttleNext: (count, errcode = 45033) => {
      throttle = { count, errcode }
    },
    renameControl: (templateId, from, to) => {
      const template = templates.get(templateId)
      if (template === undefined) throw new Error(`no template ${templateId}`)
      for (const control of template.controls) {
        for (const title of control.property.title) if (title.text === from) title.text = to
      }
    },
    setCallback: (target) => {
      callback = target
    },
    approvals: () => [...approvals.values()],
    messages: () => messages.map(({ userid, content }) => ({ userid, content })),
    templates: () => [...templates.values()],
    pushes: () => [...pushes],
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
