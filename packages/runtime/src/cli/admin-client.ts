import { existsSync, readFileSync } from "node:fs"
import { request } from "node:http"
import { hostname } from "node:os"
import { join } from "node:path"
import { Redacted } from "effect"
import { adminListen } from "../admin/admin-listen.ts"
import type { AuditEntry, AuditQuery } from "../audit/audit-entry.ts"
import { auditQuerySearch } from "../audit/audit-query-parameters.ts"
import type { TixiConfig } from "../config/define-config.ts"
import { type DataFolderHolder, dataFolderHolder } from "../sql/data-folder-lock.ts"
import type { ProjectedStatus } from "../status/status-projection.ts"

/** Where the serving runner writes its admin token when the configuration names none. */
export const adminTokenFile = (folder: string) => join(folder, "admin.token")

/** Whether another process holds the embedded database (the operating system's lock says so). */
export function embeddedHolder(folder: string): DataFolderHolder | "unknown" | undefined {
  const holder = dataFolderHolder(folder)
  const isThisProcess =
    holder !== undefined && holder !== "unknown" && holder.pid === process.pid && holder.host === hostname()
  return isThisProcess ? undefined : holder
}

/** Sends one request to the admin listener; answers its status and JSON body. */
const adminRequest = (config: TixiConfig, method: "GET" | "POST", path: string) =>
  new Promise<{ readonly status: number; readonly body: unknown; readonly where: string }>(
    (resolve, reject) => {
      const listen = adminListen(config)
      if (listen === undefined) {
        reject(new Error("the configuration names no admin socket or port (admin.socket, admin.port)"))
        return
      }
      const folder = config.database.kind === "pglite" ? config.database.folder : ""
      const token = config.admin.token
        ? Redacted.value(config.admin.token)
        : existsSync(adminTokenFile(folder))
          ? readFileSync(adminTokenFile(folder), "utf8").trim()
          : undefined
      if (token === undefined) {
        reject(new Error("no admin token: set TIXI_ADMIN_TOKEN to the serving runner's token"))
        return
      }
      const where = "socket" in listen ? listen.socket : `127.0.0.1:${listen.port}`
      const target =
        "socket" in listen ? { socketPath: listen.socket } : { host: "127.0.0.1", port: listen.port }
      const outgoing = request(
        { ...target, method, path, headers: { authorization: `Bearer ${token}` } },
        (response) => {
          const chunks: Array<Buffer> = []
          response.on("data", (chunk: Buffer) => chunks.push(chunk))
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            let body: unknown = text
            try {
              body = JSON.parse(text)
            } catch {}
            resolve({ status: response.statusCode ?? 0, body, where })
          })
          response.on("error", reject)
        },
      )
      outgoing.on("error", (error) =>
        reject(new Error(`the runner's admin endpoints at ${where} did not answer: ${error.message}`)),
      )
      outgoing.end()
    },
  )

/** Asks a running runner for its status over its admin endpoint, whole or as `as` may read it. */
export async function remoteStatus(config: TixiConfig, as?: string): Promise<ProjectedStatus> {
  const path = as === undefined ? "/_tixi/status" : `/_tixi/status?as=${encodeURIComponent(as)}`
  const { status, body, where } = await adminRequest(config, "GET", path)
  if (status !== 200) throw new Error(`the runner at ${where} answered ${status}: ${JSON.stringify(body)}`)
  return body as ProjectedStatus
}

/** Asks a running runner to retry a dead letter. */
export async function remoteRetry(config: TixiConfig, id: string): Promise<void> {
  const { status, body, where } = await adminRequest(config, "POST", `/_tixi/retry/${encodeURIComponent(id)}`)
  if (status !== 200) {
    const error = (body as { error?: unknown } | null)?.error
    throw new Error(typeof error === "string" ? error : `the runner at ${where} answered ${status}`)
  }
}

/** Asks a running runner for a page of its audit trail. */
export async function remoteAudit(config: TixiConfig, query: AuditQuery): Promise<ReadonlyArray<AuditEntry>> {
  const { status, body, where } = await adminRequest(config, "GET", `/_tixi/audit?${auditQuerySearch(query)}`)
  if (status !== 200) {
    const error = (body as { error?: unknown } | null)?.error
    throw new Error(typeof error === "string" ? error : `the runner at ${where} answered ${status}`)
  }
  return (body as { entries: ReadonlyArray<AuditEntry> }).entries
}
