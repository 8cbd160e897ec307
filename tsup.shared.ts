import { defineConfig, type Options } from "tsup"

/**
 * The build every tixi package shares: ESM and CJS with type declarations, one output per public
 * entry point, so that `exports` subpaths resolve to small files and the core stays tree-shakable.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node22",
    splitting: true,
    treeshake: true,
    ...overrides,
  })
}
