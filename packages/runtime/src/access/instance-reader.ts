import { Context } from "effect"
import type { InstanceReading } from "./reading.ts"

/**
 * The runtime's instance reads for named callers, as `runtimeLayer` builds them: over the
 * runner's cached directory, its audit trail and the company's `reading` options. Read paths
 * (the admin listener, embedders' screens) take instance data from here, never from the
 * unprojected `ProcessRuntime.inspect`.
 */
export class InstanceReader extends Context.Service<InstanceReader, InstanceReading>()(
  "@tixi/runtime/InstanceReader",
) {}
