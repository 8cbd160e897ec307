import { catalogue } from "./catalogue.ts"
import type { CatalogueEntry } from "./catalogue-entry.ts"

/**
 * Entries whose Chinese title, English gloss or form id contains every word (case-insensitive),
 * because users who know the handbooks type a fragment of the Chinese name (登记表) and others an
 * English word. No words gives the whole catalogue.
 */
export function search(
  words: ReadonlyArray<string>,
  entries: ReadonlyArray<CatalogueEntry> = catalogue,
): ReadonlyArray<CatalogueEntry> {
  const needles = words.map((word) => word.trim().toLowerCase()).filter((word) => word.length > 0)
  return entries.filter((entry) => {
    const pointers = entry.status === "implemented" || entry.status === "partial" ? entry.pointers : []
    const haystack = [
      entry.title["zh-CN"],
      entry.title.en,
      entry.kind,
      entry.module,
      ...pointers.map((pointer) =>
        pointer.kind === "form" || pointer.kind === "post"
          ? pointer.id
          : pointer.kind === "process"
            ? pointer.name
            : pointer.export,
      ),
    ]
      .join(" ")
      .toLowerCase()
    return needles.every((needle) => haystack.includes(needle))
  })
}
