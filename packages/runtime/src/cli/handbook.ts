/**
 * `tixi handbook [words…] [--lang en]`: finds handbook items by their Chinese name or an English
 * word and prints the coverage table, so someone who knows the handbooks can check in one command
 * whether tixi runs 客户投诉登记表 and where.
 */
import { parseArgs } from "node:util"
import { Handbook, type Locale } from "@tixi/core"

const headings = {
  "zh-CN": {
    matches: "匹配条目",
    none: "没有匹配的条目",
    coverage: "覆盖情况",
    missing: "缺少",
    waits: "待办",
  },
  en: {
    matches: "Matches",
    none: "No entry matches",
    coverage: "Coverage",
    missing: "missing",
    waits: "waits for",
  },
} as const

const statusLabels = {
  "zh-CN": { implemented: "已实现", partial: "部分", planned: "计划中", delegated: "委托" },
  en: { implemented: "implemented", partial: "partial", planned: "planned", delegated: "delegated" },
} as const

/** One line per entry: citation, title in the chosen language, status and where it lives or why not. */
function describeEntry(entry: Handbook.CatalogueEntry, locale: Locale): string {
  const other = locale === "en" ? entry.title["zh-CN"] : entry.title.en
  const head = `${Handbook.citationOf(entry)}  ${entry.title[locale]} (${other})  [${statusLabels[locale][entry.status]}]`
  const pointerText = (pointer: Handbook.Pointer) =>
    pointer.kind === "form"
      ? `form ${pointer.id}`
      : pointer.kind === "post"
        ? `post ${pointer.id}`
        : pointer.kind === "process"
          ? `process ${pointer.name} (${pointer.module}.${pointer.export})`
          : `model ${pointer.module}.${pointer.export}`
  switch (entry.status) {
    case "implemented":
      return `${head}  ${entry.pointers.map(pointerText).join(", ")}`
    case "partial":
      return `${head}  ${entry.pointers.map(pointerText).join(", ")}; ${headings[locale].missing}: ${entry.missing[locale]}`
    case "planned":
      return `${head}  ${headings[locale].waits}: ${entry.waitsFor[locale]}`
    case "delegated":
      return `${head}  ${entry.reason[locale]}`
  }
}

/** The command's whole output for some search words, kept pure so tests need not spawn a process. */
export function handbookReport(words: ReadonlyArray<string>, locale: Locale): string {
  const lines: Array<string> = []
  if (words.length > 0) {
    const matches = Handbook.search(words)
    lines.push(
      matches.length === 0
        ? `${headings[locale].none}: ${words.join(" ")}`
        : `${headings[locale].matches} (${matches.length})`,
    )
    for (const entry of matches) lines.push(`  ${describeEntry(entry, locale)}`)
    lines.push("")
  }
  lines.push(`${headings[locale].coverage}`, "", Handbook.coverageTable(locale))
  return lines.join("\n")
}

/** Runs `tixi handbook` with its own options; answers the exit code (1 when nothing matched). */
export function runHandbook(argv: ReadonlyArray<string>, log: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { lang: { type: "string", default: "zh-CN" } },
  })
  const locale: Locale = values.lang === "en" ? "en" : "zh-CN"
  log(handbookReport(positionals, locale))
  return positionals.length > 0 && Handbook.search(positionals).length === 0 ? 1 : 0
}
