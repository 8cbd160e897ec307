import { book002 } from "./book-002.ts"
import { book004 } from "./book-004.ts"
import type { CatalogueEntry } from "./catalogue-entry.ts"

/** Every catalogued handbook item; one list so search and coverage never disagree. */
export const catalogue: ReadonlyArray<CatalogueEntry> = [...book004, ...book002]

/** How users cite an entry ("004 ch.6 §3"), the same shape form `source` strings use. */
export const citationOf = (entry: CatalogueEntry): string =>
  `${entry.book} ch.${entry.chapter} §${entry.section}`
