import { book000 } from "./book-000.ts"
import { book001 } from "./book-001.ts"
import { book002 } from "./book-002.ts"
import { book004 } from "./book-004.ts"
import type { CatalogueEntry } from "./catalogue-entry.ts"

/** Every catalogued handbook item; one list so search and coverage never disagree. */
export const catalogue: ReadonlyArray<CatalogueEntry> = [...book004, ...book002, ...book000, ...book001]

/**
 * How users cite an entry ("004 ch.6 §3"), the same shape form `source` strings use; 000 and 001
 * number three deep, so their entries read "000 ch.10 10.5.6" as 000's `source` strings do.
 */
export const citationOf = (entry: CatalogueEntry): string =>
  entry.book === "000" || entry.book === "001"
    ? `${entry.book} ch.${entry.chapter} ${entry.chapter}.${Math.floor(entry.section / 100)}.${entry.section % 100}`
    : `${entry.book} ch.${entry.chapter} §${entry.section}`
