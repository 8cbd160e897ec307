import type { Locale } from "../labels/index.ts"
import { catalogue } from "./catalogue.ts"
import type { CatalogueEntry, EntryKind } from "./catalogue-entry.ts"
import { moduleLabels } from "./modules.ts"

/** Counts per status for one module and kind, the cells of the coverage table. */
export interface CoverageRow {
  readonly module: string
  readonly kind: EntryKind
  readonly total: number
  readonly implemented: number
  readonly partial: number
  readonly planned: number
  readonly delegated: number
}

/** Coverage per module and kind, in catalogue order, so progress is measured the same way everywhere. */
export function coverage(entries: ReadonlyArray<CatalogueEntry> = catalogue): ReadonlyArray<CoverageRow> {
  const rows = new Map<string, { -readonly [K in keyof CoverageRow]: CoverageRow[K] }>()
  for (const entry of entries) {
    const key = `${entry.module}/${entry.kind}`
    const row = rows.get(key) ?? {
      module: entry.module,
      kind: entry.kind,
      total: 0,
      implemented: 0,
      partial: 0,
      planned: 0,
      delegated: 0,
    }
    row.total += 1
    row[entry.status] += 1
    rows.set(key, row)
  }
  return [...rows.values()]
}

const kindLabels: Record<EntryKind, { readonly "zh-CN": string; readonly en: string }> = {
  flow: { "zh-CN": "流程图", en: "flow charts" },
  form: { "zh-CN": "表单", en: "forms" },
  post: { "zh-CN": "岗位", en: "posts" },
  process: { "zh-CN": "流程", en: "processes" },
  role: { "zh-CN": "角色", en: "roles" },
  system: { "zh-CN": "制度", en: "systems" },
  tool: { "zh-CN": "工具", en: "tools" },
  plan: { "zh-CN": "方案", en: "plans" },
}

const headers = {
  "zh-CN": ["模块", "类别", "已实现", "部分", "计划中", "委托", "合计"],
  en: ["module", "kind", "implemented", "partial", "planned", "delegated", "total"],
} as const

/** The coverage table as Markdown, printed by `tixi handbook` and pasted into the README. */
export function coverageTable(locale: Locale, entries: ReadonlyArray<CatalogueEntry> = catalogue): string {
  const lines = [`| ${headers[locale].join(" | ")} |`, `| ${headers[locale].map(() => "---").join(" | ")} |`]
  for (const row of coverage(entries)) {
    const module = moduleLabels[row.module]?.[locale] ?? row.module
    lines.push(
      `| ${module} | ${kindLabels[row.kind][locale]} | ${row.implemented} | ${row.partial} | ${row.planned} | ${row.delegated} | ${row.total} |`,
    )
  }
  return lines.join("\n")
}
