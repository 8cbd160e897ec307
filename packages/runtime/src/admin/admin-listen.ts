import { join } from "node:path"
import type { TixiConfig } from "../config/define-config.ts"
import type { AdminListen } from "./admin-server.ts"

/**
 * Where a configuration's admin endpoints listen: the port or socket it names, else on PGlite
 * `<folder>/admin.sock`; on PostgreSQL without either, nowhere (the CLI reads the database).
 */
export function adminListen(config: TixiConfig): AdminListen | undefined {
  if (config.admin.port !== undefined) return { port: config.admin.port }
  if (config.admin.socket !== undefined) return { socket: config.admin.socket }
  return config.database.kind === "pglite"
    ? { socket: join(config.database.folder, "admin.sock") }
    : undefined
}
