import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { FakeOrgOptions } from "./fake-org.ts"
import { createFakeSalesforce, type FakeSalesforce } from "./fake-salesforce.ts"

/** A fake org served over real HTTP on the loopback interface. */
export interface FakeSalesforceServer {
  readonly fake: FakeSalesforce
  /** `http://127.0.0.1:<port>`: both the login URL and the instance URL. */
  readonly url: string
  readonly close: () => Promise<void>
}

const readBody = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const parts: Array<Buffer> = []
    request.on("data", (part: Buffer) => parts.push(part))
    request.on("end", () => resolve(Buffer.concat(parts)))
    request.on("error", reject)
  })

/**
 * Serves a fake org on `127.0.0.1` (a free port), for programs that cannot mount msw handlers:
 * the example, and the benchmark, where the real HTTP round trip is part of what is measured.
 * Only loopback is bound; nothing is reachable from outside the machine.
 */
export async function startFakeSalesforceServer(options: FakeOrgOptions = {}): Promise<FakeSalesforceServer> {
  let fake: FakeSalesforce | undefined
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      try {
        const body = await readBody(request)
        const headers = new Headers()
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === "string") headers.set(name, value)
        }
        const reply = await fake!.api.handle(
          new Request(`http://${request.headers.host}${request.url}`, {
            method: request.method ?? "GET",
            headers,
            ...(request.method === "GET" || request.method === "HEAD" || body.length === 0 ? {} : { body }),
          }),
        )
        const replyHeaders: Record<string, string> = {}
        reply.headers.forEach((value, name) => {
          replyHeaders[name] = value
        })
        response.writeHead(reply.status, replyHeaders)
        response.end(Buffer.from(await reply.arrayBuffer()))
      } catch (error) {
        response.writeHead(500, { "content-type": "application/json" })
        response.end(JSON.stringify([{ errorCode: "UNKNOWN_EXCEPTION", message: String(error) }]))
      }
    })()
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("the fake org server has no port")
  const url = `http://127.0.0.1:${address.port}`
  fake = createFakeSalesforce({ ...options, instanceUrl: url, loginUrl: url })
  return {
    fake,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
