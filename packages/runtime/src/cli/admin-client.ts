import { existsSync, readFileSync } from "node:fs"
import { hostname } from "node:os"
import { join } from "node:path"
import { Redacted } from "effect"
import type { TixiConfig } from "../config/define-config.ts"
import { type DataFolderHolder, dataFolderHolder } from "../sql/data-folder-lock.ts"
import type { RuntimeStatus } from "../status/runtime-status.ts"

/** Where the serving runner writes its admin token when the configuration names none. */
export const adminTokenFile = (folder: string) => join(folder, "admin.token")

/** Whether another process holds the embedded database (the operating system's lock says so). */
export function embeddedHolder(folder: string): DataFolderHolder | "unknown" | undefined {
  const holder = dataFolderHolder(folder)
  const isThisProcess =
    holder !== undefined && holder !== "unknown" && holder.pid === process.pid && holder.host === hostname()
  return isThisProcess ? undefined : holder
}

const adminBase = (config: TixiConfig): { readonly url: string; readonly token: string } => {
  if (config.intake === false) {
    throw new Error(
      "the runner holds the embedded database and serves no intake, so it cannot be asked; stop it or enable the intake",
    )
  }
  const folder = config.database.kind === "pglite" ? config.database.folder : ""
  const token = config.admin.token
    ? Redacted.value(config.admin.token)
    : existsSync(adminTokenFile(folder))
      ? readFileSync(adminTokenFile(folder), "utf8").trim()
      : undefined
  if (token === undefined)
    throw new Error("no admin token: set TIXI_ADMIN_TOKEN to the serving runner's token")
  const host = config.intake.host === "0.0.0.0" ? "127.0.0.1" : config.intake.host
  return { url: `http://${host}:${config.intake.port}`, token }
}

/** Asks a running runner for its status over its admin endpoint. */
export async function remoteStatus(config: TixiConfig): Promise<RuntimeStatus> {
  const { url, token } = adminBase(config)
  const response = await fetch(`${url}/_tixi/status`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok)
    throw new Error(`the runner at ${url} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as RuntimeStatus
}

/** Asks a running runner to retry a dead letter. */
export async function remoteRetry(config: TixiConfig, id: string): Promise<void> {
  const { url, token } = adminBase(config)
  const response = await fetch(`${url}/_tixi/retry/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string }
    throw new Error(body.error ?? `the runner at ${url} answered ${response.status}`)
  }
}
