import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { type WebSocket, WebSocketServer } from "ws"
import type { DingTalkApprovalEvent, DingTalkOtherEvent } from "../src/events/dingtalk-event.ts"
import { type DingTalkStream, type StreamAck, startDingTalkStream } from "../src/events/stream-client.ts"

/** A local gateway like DingTalk's: `connections/open` hands out tickets, the WebSocket checks them. */
async function startGateway() {
  const tickets = new Set<string>()
  const sockets: Array<WebSocket> = []
  const acks: Array<Record<string, unknown>> = []
  let opened = 0
  const http: Server = createServer((request, response) => {
    if (request.url === "/v1.0/gateway/connections/open" && request.method === "POST") {
      const ticket = `ticket-${++opened}`
      tickets.add(ticket)
      response.writeHead(200, { "content-type": "application/json" })
      response.end(
        JSON.stringify({
          endpoint: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/connect`,
          ticket,
        }),
      )
      return
    }
    response.writeHead(404).end()
  })
  const wss = new WebSocketServer({ server: http, path: "/connect" })
  wss.on("connection", (socket, request) => {
    const ticket = new URL(request.url ?? "/", "http://x").searchParams.get("ticket") ?? ""
    if (!tickets.delete(ticket)) {
      socket.close(4001, "bad ticket")
      return
    }
    sockets.push(socket)
    socket.on("message", (raw) => acks.push(JSON.parse(raw.toString()) as Record<string, unknown>))
  })
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve))
  const port = (http.address() as AddressInfo).port
  const open = () => sockets.filter((socket) => socket.readyState === socket.OPEN)
  return {
    url: `http://127.0.0.1:${port}/v1.0/gateway/connections/open`,
    sockets,
    acks,
    open,
    opened: () => opened,
    /** Sends a frame on the newest connection. */
    send: (frame: unknown) => sockets[sockets.length - 1]!.send(JSON.stringify(frame)),
    event: (eventId: string, messageId: string, data: Record<string, unknown>) => ({
      specVersion: "1.0",
      type: "EVENT",
      headers: {
        topic: "*",
        messageId,
        eventType: "bpms_instance_change",
        eventId,
        eventBornTime: "1767600000000",
        contentType: "application/json",
      },
      data: JSON.stringify(data),
    }),
    close: async () => {
      for (const socket of sockets) socket.terminate()
      wss.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

const until = async (condition: () => boolean, millis = 5_000) => {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > millis) throw new Error("timed out waiting")
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

let gateway: Awaited<ReturnType<typeof startGateway>> | undefined
let stream: DingTalkStream | undefined
afterEach(async () => {
  stream?.stop()
  await gateway?.close()
  stream = undefined
  gateway = undefined
})

const instanceData = {
  processInstanceId: "pi-1",
  processCode: "PROC-1",
  type: "finish",
  result: "agree",
  staffId: "dt-manager-qian",
}

function start(
  onEvent: (event: DingTalkApprovalEvent | DingTalkOtherEvent) => StreamAck | Promise<StreamAck>,
  extra = {},
) {
  stream = startDingTalkStream({
    clientId: "dingfakeappkey01",
    clientSecret: "secret",
    gatewayUrl: gateway!.url,
    onEvent,
    backoff: { initialMillis: 20, maxMillis: 200 },
    ...extra,
  })
  return stream
}

describe("DingTalk Stream client", () => {
  it("acknowledges events, and handles a duplicate once", async () => {
    gateway = await startGateway()
    const handled: Array<DingTalkApprovalEvent | DingTalkOtherEvent> = []
    start((event) => {
      handled.push(event)
      return "SUCCESS"
    })
    await until(() => gateway!.open().length === 1)
    gateway.send(gateway.event("evt-1", "msg-1", instanceData))
    gateway.send(gateway.event("evt-1", "msg-2", instanceData))
    await until(() => gateway!.acks.length === 2)
    expect(handled.length).toBe(1)
    expect(handled[0]).toMatchObject({
      eventType: "bpms_instance_change",
      eventId: "evt-1",
      processInstanceId: "pi-1",
      result: "agree",
    })
    const acked = gateway.acks.map((ack) => [
      (ack.headers as { messageId: string }).messageId,
      JSON.parse(ack.data as string).status,
    ])
    expect(acked.sort()).toEqual([
      ["msg-1", "SUCCESS"],
      ["msg-2", "SUCCESS"],
    ])
  })

  it("answers DingTalk's pings with their data", async () => {
    gateway = await startGateway()
    start(() => "SUCCESS")
    await until(() => gateway!.open().length === 1)
    gateway.send({ type: "SYSTEM", headers: { topic: "ping", messageId: "p-1" }, data: '{"opaque":"abc"}' })
    await until(() => gateway!.acks.length === 1)
    expect(gateway.acks[0]).toMatchObject({
      code: 200,
      headers: { messageId: "p-1" },
      data: '{"opaque":"abc"}',
    })
  })

  it("reconnects with a fresh ticket when the connection drops, keeping one socket", async () => {
    gateway = await startGateway()
    const client = start(() => "SUCCESS")
    await until(() => gateway!.open().length === 1)
    gateway.sockets[0]!.close()
    await until(() => gateway!.opened() === 2 && gateway!.open().length === 1)
    expect(client.status().openSockets).toBe(1)
    expect(client.status().connections).toBe(2)
  })

  it("reconnects at once when DingTalk announces a disconnect", async () => {
    gateway = await startGateway()
    const client = start(() => "SUCCESS")
    await until(() => gateway!.open().length === 1)
    gateway.send({ type: "SYSTEM", headers: { topic: "disconnect", messageId: "d-1" }, data: "{}" })
    await until(() => gateway!.opened() === 2 && client.status().connected)
    await until(() => gateway!.open().length === 1)
    expect(client.status().openSockets).toBe(1)
  })

  it("the watchdog notices a connection that went silent and replaces it", async () => {
    gateway = await startGateway()
    const client = start(() => "SUCCESS", { silenceMillis: 150, pongTimeoutMillis: 150 })
    await until(() => gateway!.open().length === 1)
    // The server stops reading: no pongs, no frames, but the TCP connection stays up.
    ;(gateway.sockets[0] as unknown as { _socket: { pause(): void } })._socket.pause()
    await until(() => gateway!.opened() === 2 && client.status().connected, 5_000)
    expect(client.status().openSockets).toBe(1)
    expect(client.status().reconnects).toBeGreaterThanOrEqual(1)
  })

  it("a busy handler does not trip the watchdog while frames keep arriving", async () => {
    gateway = await startGateway()
    const client = start(
      () => new Promise<StreamAck>((resolve) => setTimeout(() => resolve("SUCCESS"), 300)),
      {
        silenceMillis: 400,
        pongTimeoutMillis: 400,
      },
    )
    await until(() => gateway!.open().length === 1)
    for (let index = 0; index < 5; index++) {
      gateway.send(gateway.event(`evt-busy-${index}`, `m-${index}`, instanceData))
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    await until(() => gateway!.acks.length === 5)
    expect(gateway.opened()).toBe(1)
    expect(client.status().reconnects).toBe(0)
  })

  it("a socket error ends the connection even without a close, and a new one opens", async () => {
    gateway = await startGateway()
    const client = start(() => "SUCCESS")
    await until(() => gateway!.open().length === 1)
    // A frame with a reserved opcode: the client's parser fails on it.
    ;(gateway.sockets[0] as unknown as { _socket: { write(data: Buffer): void } })._socket.write(
      Buffer.from([0x8b, 0x00]),
    )
    await until(() => gateway!.opened() === 2 && client.status().connected)
    await until(() => gateway!.open().length === 1)
    expect(client.status().openSockets).toBe(1)
  })

  it("a handler slower than DingTalk's 3 s is acknowledged LATER, and the redelivery is handled", async () => {
    gateway = await startGateway()
    let calls = 0
    start(
      () => {
        calls += 1
        return calls === 1
          ? new Promise<StreamAck>((resolve) => setTimeout(() => resolve("SUCCESS"), 500))
          : "SUCCESS"
      },
      { ackTimeoutMillis: 100 },
    )
    await until(() => gateway!.open().length === 1)
    gateway.send(gateway.event("evt-slow", "m-1", instanceData))
    await until(() => gateway!.acks.length === 1)
    expect(JSON.parse(gateway.acks[0]!.data as string).status).toBe("LATER")
    gateway.send(gateway.event("evt-slow", "m-2", instanceData))
    await until(() => gateway!.acks.length === 2)
    expect(JSON.parse(gateway.acks[1]!.data as string).status).toBe("SUCCESS")
    expect(calls).toBe(2)
  })

  it("keeps trying while the gateway is down, with backoff, holding no socket", async () => {
    gateway = await startGateway()
    const url = gateway.url
    await gateway.close()
    const client = startDingTalkStream({
      clientId: "a",
      clientSecret: "b",
      gatewayUrl: url,
      onEvent: () => "SUCCESS",
      backoff: { initialMillis: 20, maxMillis: 100 },
    })
    stream = client
    await until(() => client.status().reconnects >= 3)
    expect(client.status().connected).toBe(false)
    expect(client.status().openSockets).toBe(0)
    gateway = undefined
  })
})
