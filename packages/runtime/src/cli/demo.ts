/** The package holding the complaints simulation (`examples/complaints-simulation` in tixi's repository). */
const demoPackage = "@tixi/example-complaints-simulation"

/**
 * `tixi demo`: ninety days of complaints through both flow charts of the handbook, every complaint
 * a process instance on the durable runtime (the embedded engine over PGlite), then the statistics
 * as tables and JSON; the same program as `npm run demo`. The simulation lives in tixi's
 * repository beside the packages, so it is imported by name when it is there.
 */
export async function runDemo(argv: ReadonlyArray<string>): Promise<number> {
  let demo: { readonly runDemo: (argv: ReadonlyArray<string>) => Promise<number> }
  try {
    demo = (await import(demoPackage)) as typeof demo
  } catch (error) {
    process.stderr.write(
      `tixi demo: the complaints simulation (${demoPackage}) is not installed here; it ships in tixi's repository (npm run demo) (${error instanceof Error ? error.message : String(error)})\n`,
    )
    return 1
  }
  return demo.runDemo(argv)
}
