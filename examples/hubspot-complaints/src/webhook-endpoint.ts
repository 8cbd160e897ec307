import { createServer, type IncomingHttpHeaders } from "node:http"
import type { SignedRequest } from "@tixi/adapter-hubspot"

/** A running endpoint: the URL to give HubSpot (the app's target URL) and how to stop it. */
export interface WebhookEndpoint {
  readonly url: string
  readonly close: () => Promise<void>
}

const headersOf = (incoming: IncomingHttpHeaders): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(incoming).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  )

/**
 * The webhook endpoint as a deployment runs it, on 127.0.0.1: the body is read as raw bytes and
 * handed over with the exact URL and headers (HubSpot signs all three), and HubSpot gets the
 * status `handle` answers with (a non-2xx makes it deliver again).
 */
export async function startWebhookEndpoint(
  handle: (request: SignedRequest) => Promise<{ readonly status: number }>,
): Promise<WebhookEndpoint> {
  let url = ""
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Array<Buffer> = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const rawBody = new Uint8Array(Buffer.concat(chunks))
    try {
      const answer = await handle({
        method: incoming.method ?? "POST",
        uri: new URL(incoming.url ?? "/", url).href,
        rawBody,
        headers: headersOf(incoming.headers),
      })
      outgoing.statusCode = answer.status
    } catch {
      // Not stored: HubSpot retries the delivery.
      outgoing.statusCode = 503
    }
    outgoing.end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hubspot/webhooks`
  return {
    url,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
