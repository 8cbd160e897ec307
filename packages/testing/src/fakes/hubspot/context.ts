import type { FakeApp, StoredObject, WriteSource } from "./model.ts"
import type { FakeReply } from "./responses.ts"
import type { PortalStore } from "./store.ts"
import type { PortalUsers } from "./users.ts"

/** What a route handler gets: the portal's data, the calling app, the parsed request. */
export interface RouteContext {
  readonly store: PortalStore
  /** The portal's owners and teams. */
  readonly users: PortalUsers
  readonly app: FakeApp
  readonly now: number
  readonly url: URL
  readonly params: ReadonlyArray<string>
  readonly body: unknown
  /** The write source of API calls made by this app (`INTEGRATION`, the app id). */
  readonly source: WriteSource
  readonly render: (
    record: StoredObject,
    properties?: ReadonlyArray<string>,
    withHistory?: ReadonlyArray<string>,
  ) => unknown
}

/** A route: method, path pattern (its groups become `params`) and handler. */
export interface Route {
  readonly method: string
  readonly pattern: RegExp
  readonly handle: (context: RouteContext) => FakeReply
  /** Search routes have their own limit and no rate-limit headers. */
  readonly search?: boolean
  /** Routes that need no token (token introspection). */
  readonly anonymous?: boolean
}

/** A JSON body as an object, or undefined when it is not one. */
export function objectBody(body: unknown): Record<string, unknown> | undefined {
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined
}

/** The `inputs` array of a batch body, or undefined when it is missing or not an array. */
export function inputsOf(body: unknown): ReadonlyArray<Record<string, unknown>> | undefined {
  const inputs = objectBody(body)?.inputs
  return Array.isArray(inputs) ? (inputs as ReadonlyArray<Record<string, unknown>>) : undefined
}

/** A comma-separated query list (`properties=a,b`), also accepting repeated parameters. */
export function listParameter(url: URL, name: string): Array<string> {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value.length > 0)
}
