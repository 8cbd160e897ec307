import { statfs } from "node:fs/promises"
import { Effect } from "effect"

/**
 * The free space an embedded database keeps in reserve. Below it the intake refuses new events
 * (503, so vendors retry) while the database can still finish what it holds: at zero PGlite
 * cannot write its WAL and must be restarted.
 */
export interface DiskWatermark {
  /** The data folder whose file system is watched. */
  readonly folder: string
  readonly minFreeBytes: number
}

/** Free space on the data folder's file system against its watermark, as `tixi status` shows it. */
export interface DiskSpace extends DiskWatermark {
  readonly freeBytes: number
  readonly belowWatermark: boolean
}

/** Reads the free space (for an unprivileged process) on the watermark's file system now. */
export const readDiskSpace = (watermark: DiskWatermark): Effect.Effect<DiskSpace> =>
  Effect.promise(async () => {
    const stats = await statfs(watermark.folder)
    const freeBytes = Number(stats.bavail) * Number(stats.bsize)
    return { ...watermark, freeBytes, belowWatermark: freeBytes < watermark.minFreeBytes }
  })
