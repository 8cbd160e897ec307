import { createServer, type IncomingMessage, type Server } from "node:http"
import type { FakeHubSpotPortal } from "./portal.ts"

/**
 * Serves a fake portal on a local port (127.0.0.1), for programs that point a client's base URL
 * at it: the example, the benchmark, or `@hubspot/api-client` with `basePath`. Returns the base
 * URL and a `close` that stops the server.
 */
export async function serveFakeHubSpot(
  portal: FakeHubSpotPortal,
  options: { readonly port?: number } = {},
): Promise<{ readonly baseUrl: string; readonly server: Server; readonly close: () => Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === "string") headers.set(name, value)
        else if (Array.isArray(value)) for (const entry of value) headers.append(name, entry)
      }
      const request = new Request(`http://127.0.0.1${incoming.url ?? "/"}`, {
        method: incoming.method ?? "GET",
        headers,
        ...(body.length > 0 && incoming.method !== "GET" && incoming.method !== "HEAD" ? { body } : {}),
      })
      const response = await portal.fetch(request)
      outgoing.statusCode = response.status
      for (const [name, value] of response.headers) outgoing.setHeader(name, value)
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch {
      // An injected network error: drop the connection as a failing host would.
      outgoing.destroy()
    }
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
    incoming.on("end", () => resolve(Buffer.concat(chunks)))
    incoming.on("error", reject)
  })
}
