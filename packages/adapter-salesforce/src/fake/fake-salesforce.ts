import { generateKeyPairSync } from "node:crypto"
import { Redacted } from "effect"
import { http, type RequestHandler } from "msw"
import { approverField } from "../install/base-fields.ts"
import type { ApprovalProcessBinding, SalesforceSettings } from "../settings/settings.ts"
import { type Caller, type FakeOrgOptions, type FakeRecord, FakeSalesforceOrg } from "./fake-org.ts"
import { FakeRestApi } from "./rest-handler.ts"

/** A fake org with its REST surface, msw handlers and the controls tests use to act inside it. */
export interface FakeSalesforce {
  readonly org: FakeSalesforceOrg
  readonly api: FakeRestApi
  /** msw handlers for the instance URL and the login URL: `setupServer(...fake.handlers)`. */
  readonly handlers: ReadonlyArray<RequestHandler>
  /** A PEM key pair for the connected app (the private key is what tixi signs with). */
  readonly keys: { readonly privateKeyPem: string; readonly publicKeyPem: string }
  readonly clientId: string
  readonly username: string
  /** A session for the integration user, for access-token configurations. */
  readonly accessToken: () => string
  /** Staff act in Salesforce's own screens (no call options, so CDC shows no tixi client). */
  readonly staff: {
    readonly userId: (username: string) => string
    readonly create: (object: string, values: FakeRecord, username?: string) => string
    readonly update: (object: string, id: string, values: FakeRecord, username?: string) => void
    readonly remove: (object: string, id: string, username?: string) => void
    /** An approver approves or rejects their workitem of a process instance. */
    readonly decide: (
      instanceId: string,
      username: string,
      action: "Approve" | "Reject",
      comments?: string,
    ) => void
  }
}

const keyPair = (() => {
  let cached: { privateKeyPem: string; publicKeyPem: string } | undefined
  return () => {
    cached ??= (() => {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
      return {
        privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      }
    })()
    return cached
  }
})()

/** People of tixi's sample company as org users, so approvals and assignments have real User Ids. */
export const sampleUsers: ReadonlyArray<{ readonly username: string; readonly name: string }> = [
  { username: "integration@tixi.example", name: "tixi Integration" },
  { username: "supervisor-sun@tixi.example", name: "孙主管" },
  { username: "manager-qian@tixi.example", name: "钱经理" },
  { username: "finance-zhou@tixi.example", name: "周会计" },
  { username: "officer-wu@tixi.example", name: "吴专员" },
  { username: "director-li@tixi.example", name: "李总监" },
  { username: "gm-zhao@tixi.example", name: "赵总" },
]

/**
 * Creates a fake Salesforce org for tests, examples and benchmarks: the REST API tixi uses, with
 * the org's limits and failure modes (see `FakeSalesforceOrg` and `FakeRestApi`). Nothing leaves
 * the process: mount `handlers` in an msw server.
 */
export function createFakeSalesforce(
  options: FakeOrgOptions & { readonly clientId?: string } = {},
): FakeSalesforce {
  const keys = keyPair()
  const clientId = options.clientId ?? "3MVG9tixiFakeConnectedApp"
  const users = options.users ?? sampleUsers
  const org = new FakeSalesforceOrg({
    ...options,
    users,
    connectedApp: { clientId, publicKeyPem: keys.publicKeyPem },
  })
  const api = new FakeRestApi(org)
  const handle = ({ request }: { request: Request }) => api.handle(request)
  const handlers = [
    http.all(`${org.instanceUrl}/*`, handle),
    http.post(`${org.loginUrl}/services/oauth2/token`, handle),
  ]
  const userId = (username: string) => {
    const id = org.usersByName.get(username)
    if (!id) throw new Error(`no user ${username} in the fake org`)
    return id
  }
  const asStaff = (username: string | undefined): Caller => ({
    userId: userId(username ?? users[1]?.username ?? users[0]!.username),
    client: undefined,
    apiVersion: org.latestApiVersion,
  })
  return {
    org,
    api,
    handlers,
    keys,
    clientId,
    username: users[0]!.username,
    accessToken: () => org.openSession(),
    staff: {
      userId,
      create: (object, values, username) =>
        org.insert(object, org.canonicalValues(object, values), asStaff(username)),
      update: (object, id, values, username) => {
        org.update(object, id, org.canonicalValues(object, values), asStaff(username))
      },
      remove: (object, id, username) => org.remove(object, id, asStaff(username)),
      decide: (instanceId, username, action, comments) => {
        const actor = userId(username)
        const workitem = org
          .records("ProcessInstanceWorkitem")
          .find((row) => row.ProcessInstanceId === instanceId && row.ActorId === actor)
        if (!workitem) throw new Error(`${username} has no pending workitem on ${instanceId}`)
        const result = api.approvals.decide(workitem.Id as string, actor, action, comments, undefined)
        if (!result.success) throw new Error(`the decision failed: ${JSON.stringify(result.errors)}`)
      },
    },
  }
}

/**
 * A `fetch` that answers the fake org's URLs in process (no sockets, no msw) and passes every
 * other URL to `fallback`. Benchmarks install it as `globalThis.fetch` so that what they measure is
 * tixi's work and the org's modelled latency, not the test machine's network stack.
 */
export function inProcessFetch(
  fake: FakeSalesforce,
  fallback: typeof fetch = globalThis.fetch,
): typeof fetch {
  const origins = new Set([new URL(fake.org.instanceUrl).origin, new URL(fake.org.loginUrl).origin])
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init)
    if (!origins.has(new URL(request.url).origin)) return fallback(input, init)
    return fake.api.handle(request)
  }) as typeof fetch
}

/**
 * Adapter settings that sign in to the fake org with the JWT bearer flow (its key held in memory)
 * and map tixi's sample people to the org's users.
 */
export function fakeOrgSettings(
  fake: FakeSalesforce,
  extra: Partial<SalesforceSettings> = {},
): SalesforceSettings {
  const people = [...fake.org.usersByName.entries()]
    .filter(([username]) => username !== fake.username && username.endsWith("@tixi.example"))
    .map(([username, id]) => [username.replace(/@tixi\.example$/, ""), id] as const)
  return {
    credentials: {
      kind: "jwt",
      clientId: fake.clientId,
      username: fake.username,
      privateKey: Redacted.make(fake.keys.privateKeyPem),
    },
    loginUrl: fake.org.loginUrl,
    apiVersion: "66.0",
    users: Object.fromEntries(people),
    ...extra,
  }
}

/**
 * Defines in the fake org the Approval Processes a binding names, as an administrator sets them
 * up in Setup for tixi: on the binding's object, each step assigned to that step's related user
 * fields `Tixi_Approver_S<step>_<n>__c`, unanimous for an "all" step, first response for "any".
 */
export function defineBoundApprovalProcesses(fake: FakeSalesforce, binding: ApprovalProcessBinding): void {
  const slots = binding.approversPerStep ?? 5
  for (const process of binding.processes) {
    fake.org.defineApprovalProcess({
      name: process.name,
      object: binding.object,
      steps: process.steps.map((mode, step) => ({
        name: `Step_${step + 1}`,
        approverFields: Array.from({ length: slots }, (_, slot) => approverField(step, slot)),
        unanimous: mode === "all",
      })),
    })
  }
}
