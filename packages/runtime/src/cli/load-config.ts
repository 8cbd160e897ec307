import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { Result } from "effect"
import { resolveConfig, type TixiConfig, type TixiConfigInput } from "../config/define-config.ts"

/** The configuration file names looked for, in order, when none is given. */
export const configFileNames = ["tixi.config.ts", "tixi.config.mts", "tixi.config.js", "tixi.config.mjs"]

/** Finds, imports and validates the configuration; throws an Error whose message names every problem. */
export async function loadConfig(path: string | undefined, cwd = process.cwd()): Promise<TixiConfig> {
  const file = path ? resolve(cwd, path) : configFileNames.map((name) => resolve(cwd, name)).find(existsSync)
  if (file === undefined || !existsSync(file)) {
    throw new Error(
      path
        ? `no configuration file at ${file}`
        : `no configuration file: create ${configFileNames[0]} (see the @tixi/runtime README) or pass --config`,
    )
  }
  const module = (await import(pathToFileURL(file).href)) as { default?: TixiConfigInput }
  if (module.default === undefined)
    throw new Error(`${file} has no default export; export default defineConfig({ … })`)
  const resolved = resolveConfig(module.default, process.env)
  if (Result.isFailure(resolved)) throw new Error(`${file}: ${resolved.failure.message}`)
  return resolved.success
}
