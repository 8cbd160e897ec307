import { ConfidentialityLevel, isMasked } from "@tixi/core"
import type { ProjectedStatus, ShownOrMasked } from "./status-projection.ts"

/** Lays rows out as a plain-text table with a header rule, columns padded to their widest cell. */
export function table(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  )
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd()
  return [line(headers), line(widths.map((width) => "─".repeat(width))), ...rows.map(line)].join("\n")
}

/** A duration as a person reads it: `45 s`, `12 min`, `3 h 20 min`, `2 d 4 h`. */
export function humanDuration(millis: number): string {
  const seconds = Math.round(millis / 1000)
  if (seconds < 90) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ${minutes % 60} min`
  return `${Math.floor(hours / 24)} d ${hours % 24} h`
}

/** A size as a person reads it: `512 B`, `3.4 MiB`, `1.2 GiB`. */
export function humanBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"]
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text)

/** A value as printed: itself, or `[withheld: 秘密]` where the reader may not see it. */
export const shownText = (value: ShownOrMasked<string>): string =>
  isMasked(value) ? `[withheld: ${ConfidentialityLevel.label(value.level, "zh-CN")}]` : value

/** What `tixi status` prints, whole or as projected for a reader (`tixi status --as`). */
export function formatStatus(status: ProjectedStatus): string {
  const sections: Array<string> = []
  const total = status.instances.reduce((sum, row) => sum + row.count, 0)
  sections.push(
    `Instances (${total}${status.parkedInstances > 0 ? `, ${status.parkedInstances} parked on dead letters` : ""})`,
    status.instances.length === 0
      ? "  none yet"
      : table(
          ["process", "status", "state", "count"],
          status.instances.map((row) => [
            row.process,
            row.status,
            row.finished ? "finished" : "open",
            String(row.count),
          ]),
        ),
  )
  sections.push(
    "",
    `Overdue deadlines (${status.overdueTotal})`,
    status.overdue.length === 0
      ? "  none"
      : table(
          ["process", "instance", "deadline", "due", "overdue by"],
          status.overdue.map((row) => [
            row.process,
            shownText(row.instanceId),
            row.key,
            new Date(row.dueAt).toISOString().replace("T", " ").slice(0, 19),
            humanDuration(row.overdueMillis),
          ]),
        ),
  )
  sections.push(
    "",
    `Dead letters (${status.deadLetters.length}) — retry one with: tixi retry <id>`,
    status.deadLetters.length === 0
      ? "  none"
      : table(
          ["id", "process/instance", "effect", "tries", "status", "error"],
          status.deadLetters.map((row) => [
            row.id,
            `${row.process}/${shownText(row.instanceId)}`,
            row.kind,
            String(row.attempts),
            row.status,
            clip(shownText(row.error), 60),
          ]),
        ),
  )
  sections.push(
    "",
    "Retries of side effects",
    status.retries.length === 0
      ? "  none"
      : table(
          ["process", "retries"],
          status.retries.map((row) => [row.process, String(row.retries)]),
        ),
    "",
    `Intake: ${status.intake.received} events received, ${status.intake.undelivered} not yet delivered, ${status.intake.failed} failed, ${status.intake.refused} refused`,
  )
  if (status.refusedIntake.length > 0) {
    sections.push(
      "",
      "Intake events refused (the database cannot store them; the vendor was answered 422)",
      table(
        ["source", "event", "type", "times", "reason"],
        status.refusedIntake.map((row) => [
          row.source,
          clip(shownText(row.eventId), 40),
          row.type,
          String(row.refusals),
          clip(shownText(row.reason), 80),
        ]),
      ),
    )
  }
  if (status.feeds.length > 0) {
    sections.push(
      "",
      "Change feeds",
      table(
        ["feed", "events kept", "last batch"],
        status.feeds.map((feed) => [
          feed.name,
          String(feed.events),
          `${Math.round(feed.idleMillis / 1000)} s ago`,
        ]),
      ),
    )
  }
  if (status.disk !== undefined) {
    const disk = status.disk
    sections.push(
      "",
      `Disk: ${humanBytes(disk.freeBytes)} free for ${disk.folder}; the intake refuses events below ${humanBytes(disk.minFreeBytes)}`,
    )
    if (disk.belowWatermark)
      sections.push("  BELOW THE WATERMARK: webhooks are answered 503 until space is freed")
  }
  return sections.join("\n")
}
