import { makeRecentIds, type RecentIds } from "@tixi/adapter-kit"
import WebSocket from "ws"
import { reveal, type Secret } from "../settings.ts"
import { type DingTalkApprovalEvent, type DingTalkOtherEvent, parseDingTalkEvent } from "./dingtalk-event.ts"

/** How a Stream event was handled: SUCCESS, or LATER to have DingTalk deliver it again. */
export type StreamAck = "SUCCESS" | "LATER"

/** What the Stream client logs; wire it to your logger. */
export interface StreamLogEntry {
  readonly level: "info" | "warn"
  readonly message: string
  readonly connection?: number
}

/** Options of the Stream mode client. */
export interface DingTalkStreamOptions {
  readonly clientId: string
  readonly clientSecret: Secret
  /** Default https://api.dingtalk.com/v1.0/gateway/connections/open. */
  readonly gatewayUrl?: string
  readonly subscriptions?: ReadonlyArray<{ readonly type: "EVENT" | "CALLBACK"; readonly topic: string }>
  /** Handles one event; must finish within `ackTimeoutMillis` or the event is acknowledged LATER. */
  readonly onEvent: (event: DingTalkApprovalEvent | DingTalkOtherEvent) => StreamAck | Promise<StreamAck>
  /** No frame for this long makes the watchdog ping (default 45 s). */
  readonly silenceMillis?: number
  /** No answer to the ping for this long makes it reconnect (default 15 s). */
  readonly pongTimeoutMillis?: number
  /** DingTalk waits 3 s for an ack; the handler gets this long (default 2.5 s). */
  readonly ackTimeoutMillis?: number
  /** Reconnect backoff: doubles from `initialMillis` to `maxMillis`, with jitter (default 1 s – 60 s). */
  readonly backoff?: { readonly initialMillis: number; readonly maxMillis: number }
  readonly seen?: RecentIds
  readonly log?: (entry: StreamLogEntry) => void
  readonly ua?: string
}

/** The running client. */
export interface DingTalkStream {
  /** Stops for good: timers cleared, the socket terminated. */
  readonly stop: () => void
  readonly status: () => {
    readonly connected: boolean
    /** Sockets this client holds open right now: never more than one. */
    readonly openSockets: number
    readonly connections: number
    readonly reconnects: number
    readonly lastActivityAt: number | undefined
  }
}

interface DownStream {
  readonly type?: string
  readonly headers?: Readonly<Record<string, string | undefined>>
  readonly data?: string
}

/**
 * DingTalk Stream mode (WebSocket), written for a process that runs for months. The official
 * Node client goes silent after an error that is not followed by a close and leaks sockets on
 * reconnect; this one: treats any error as the end of the connection, terminates the old socket
 * before opening the next so that exactly one is alive, reconnects with capped, jittered backoff
 * through a fresh ticket, answers DingTalk's pings, proactively reconnects on its `disconnect`
 * notice, and runs a watchdog that pings after a silence and reconnects when the ping goes
 * unanswered. A busy handler does not trip it: any frame, including pongs, counts as life.
 * Events are acknowledged (SUCCESS or LATER) and duplicates, by event id, are acknowledged
 * without calling the handler again.
 */
export function startDingTalkStream(options: DingTalkStreamOptions): DingTalkStream {
  const gatewayUrl = options.gatewayUrl ?? "https://api.dingtalk.com/v1.0/gateway/connections/open"
  const silenceMillis = options.silenceMillis ?? 45_000
  const pongTimeoutMillis = options.pongTimeoutMillis ?? 15_000
  const ackTimeoutMillis = options.ackTimeoutMillis ?? 2_500
  const backoff = options.backoff ?? { initialMillis: 1_000, maxMillis: 60_000 }
  const seen = options.seen ?? makeRecentIds()
  const log = options.log ?? (() => {})

  let stopped = false
  let socket: WebSocket | undefined
  let generation = 0
  let connections = 0
  let reconnects = 0
  let failures = 0
  const live = new Set<WebSocket>()
  let connected = false
  let lastActivityAt: number | undefined
  let pingSentAt: number | undefined
  let watchdog: ReturnType<typeof setInterval> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  const discard = () => {
    if (watchdog !== undefined) clearInterval(watchdog)
    watchdog = undefined
    pingSentAt = undefined
    connected = false
    const old = socket
    socket = undefined
    if (old !== undefined) {
      old.removeAllListeners()
      // A listener must stay: terminate() may still emit an error on a half-open socket.
      old.on("error", () => {})
      old.once("close", () => live.delete(old))
      if (old.readyState === WebSocket.CLOSED) live.delete(old)
      else old.terminate()
    }
  }

  const reconnect = (reason: string, immediately = false) => {
    if (stopped) return
    discard()
    if (retryTimer !== undefined) return
    const delay = immediately
      ? 0
      : Math.min(backoff.maxMillis, backoff.initialMillis * 2 ** Math.min(failures, 16)) *
        (0.75 + Math.random() * 0.5)
    failures += 1
    reconnects += 1
    log({ level: "warn", message: `reconnecting in ${Math.round(delay)} ms: ${reason}` })
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      void connect()
    }, delay)
  }

  const send = (target: WebSocket, message: unknown) => {
    if (target.readyState === WebSocket.OPEN) target.send(JSON.stringify(message))
  }

  const ack = (target: WebSocket, messageId: string | undefined, status: StreamAck) =>
    send(target, {
      code: 200,
      headers: { contentType: "application/json", messageId },
      message: "OK",
      data: JSON.stringify({ status }),
    })

  const handleEvent = async (target: WebSocket, message: DownStream) => {
    const headers = message.headers ?? {}
    let data: unknown
    try {
      data = JSON.parse(message.data ?? "{}")
    } catch {
      ack(target, headers.messageId, "SUCCESS") // unreadable: redelivery would not help
      log({ level: "warn", message: `dropped an event whose data is not JSON (${headers.eventId})` })
      return
    }
    const event = parseDingTalkEvent(data, {
      ...(headers.eventType === undefined ? {} : { eventType: headers.eventType }),
      ...(headers.eventId === undefined ? {} : { eventId: headers.eventId }),
      ...(headers.eventBornTime === undefined ? {} : { eventTime: Number(headers.eventBornTime) }),
    })
    const eventId = headers.eventId ?? event?.eventId
    if (event === undefined || (eventId !== undefined && !seen.firstSighting(eventId))) {
      ack(target, headers.messageId, "SUCCESS")
      return
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<StreamAck>((resolve) => {
      timer = setTimeout(() => resolve("LATER"), ackTimeoutMillis)
    })
    let status: StreamAck
    try {
      status = await Promise.race([Promise.resolve(options.onEvent(event)), timeout])
    } catch (error) {
      log({
        level: "warn",
        message: `event handler failed: ${error instanceof Error ? error.message : String(error)}`,
      })
      status = "LATER"
    } finally {
      clearTimeout(timer)
    }
    // LATER: DingTalk redelivers it, so it must not count as seen.
    if (status === "LATER" && eventId !== undefined) seen.forget(eventId)
    ack(target, headers.messageId, status)
  }

  const connect = async () => {
    if (stopped) return
    const mine = ++generation
    let endpoint: string
    try {
      const response = await fetch(gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          clientId: options.clientId,
          clientSecret: reveal(options.clientSecret),
          ua: options.ua ?? "tixi-adapter-dingtalk",
          subscriptions: options.subscriptions ?? [{ type: "EVENT", topic: "*" }],
        }),
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await response.json()) as { endpoint?: unknown; ticket?: unknown }
      if (!response.ok || typeof body.endpoint !== "string" || typeof body.ticket !== "string") {
        throw new Error(`gateway answered ${response.status} without endpoint and ticket`)
      }
      endpoint = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`
    } catch (error) {
      if (mine === generation)
        reconnect(`opening a connection failed: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    if (stopped || mine !== generation) return
    discard()
    const current = new WebSocket(endpoint)
    socket = current
    live.add(current)
    connections += 1
    const alive = () => mine === generation && socket === current
    current.on("open", () => {
      if (!alive()) return
      connected = true
      lastActivityAt = Date.now()
      log({ level: "info", message: "connected", connection: connections })
      watchdog = setInterval(
        () => {
          if (!alive()) return
          const now = Date.now()
          if (pingSentAt !== undefined && now - pingSentAt > pongTimeoutMillis) {
            reconnect(`no answer to the watchdog's ping within ${pongTimeoutMillis} ms`)
            return
          }
          if (pingSentAt === undefined && now - (lastActivityAt ?? now) > silenceMillis) {
            pingSentAt = now
            current.ping()
          }
        },
        Math.max(50, Math.min(silenceMillis, pongTimeoutMillis) / 4),
      )
    })
    const activity = () => {
      lastActivityAt = Date.now()
      pingSentAt = undefined
    }
    current.on("pong", () => alive() && activity())
    current.on("ping", () => alive() && activity())
    current.on("message", (raw) => {
      if (!alive()) return
      activity()
      failures = 0
      let message: DownStream
      try {
        message = JSON.parse(raw.toString()) as DownStream
      } catch {
        return
      }
      const topic = message.headers?.topic
      if (message.type === "SYSTEM") {
        if (topic === "ping")
          send(current, { code: 200, headers: message.headers, message: "OK", data: message.data })
        else if (topic === "disconnect") reconnect("DingTalk announced a disconnect", true)
        return
      }
      if (message.type === "EVENT") {
        void handleEvent(current, message)
        return
      }
      if (message.type === "CALLBACK")
        send(current, {
          code: 200,
          headers: { contentType: "application/json", messageId: message.headers?.messageId },
          message: "OK",
          data: JSON.stringify({ response: {} }),
        })
    })
    current.once("close", () => {
      live.delete(current)
      if (alive()) reconnect("the connection closed")
    })
    current.on("error", (error) => {
      // An error is the end of this connection even when no close follows (the official client's bug).
      if (alive()) reconnect(`socket error: ${error.message}`)
    })
  }

  void connect()
  return {
    stop: () => {
      stopped = true
      if (retryTimer !== undefined) clearTimeout(retryTimer)
      retryTimer = undefined
      discard()
    },
    status: () => ({ connected, openSockets: live.size, connections, reconnects, lastActivityAt }),
  }
}
