import { Planning } from "@tixi/core"

/**
 * `tixi progress` as text: per department, its counts, then its items most urgent first with the
 * band in both languages and the working minutes left, so a department head reads it top down.
 */
export function formatProgress(progress: Planning.WorkProgress): string {
  if (progress.departments.length === 0) return "No open items 无未结事项"
  return progress.departments
    .flatMap((group) => [
      `${group.key}: ${group.open} open 未结, ${group.overdue} overdue 超期, ${group.dueSoon} due soon 即将到期, ${group.escalated} escalated 已升级`,
      ...group.items.map((item) => {
        const band = Planning.ProgressBand.labels[item.band]
        const left =
          item.workingMinutesLeft === undefined ? "" : ` ${Math.round(item.workingMinutesLeft)} min`
        const owner = item.ownerPerson ?? item.ownerPost ?? "-"
        return `  ${band["zh-CN"]} ${band.en}${left}  ${item.process} ${item.instanceId}  ${item.stage}  ${owner}`
      }),
    ])
    .join("\n")
}
