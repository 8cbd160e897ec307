import type { Label } from "../labels/index.ts"
import type { Post } from "../organisation/post.ts"

/** Which handbook an entry comes from; the seeds are numbered, and users cite them that way. */
export type Book = "000" | "001" | "002" | "004"

/**
 * What kind of item an entry is: 004 prints flow charts, forms and role descriptions (posts);
 * 002 lists processes; 000 lists roles, systems (制度), tools and plans (方案).
 */
export type EntryKind = "flow" | "form" | "post" | "process" | "role" | "system" | "tool" | "plan"

/**
 * Where tixi implements an item, as a reference a test resolves against the real exports, so
 * a renamed form or process breaks the catalogue instead of leaving it quietly stale.
 */
export type Pointer =
  | { readonly kind: "form"; readonly id: string }
  | { readonly kind: "process"; readonly module: string; readonly export: string; readonly name: string }
  | { readonly kind: "model"; readonly module: string; readonly export: string }
  | { readonly kind: "post"; readonly id: Post }

/**
 * How far tixi goes with an item. `partial` says what is missing and `planned` what it waits
 * for, so the coverage table is honest; `delegated` says which other system owns it.
 */
export type EntryStatus =
  | { readonly status: "implemented"; readonly pointers: ReadonlyArray<Pointer> }
  | { readonly status: "partial"; readonly pointers: ReadonlyArray<Pointer>; readonly missing: Label }
  | { readonly status: "planned"; readonly waitsFor: Label }
  | { readonly status: "delegated"; readonly reason: Label }

/** One item of a handbook, found by its Chinese title or its English gloss. */
export type CatalogueEntry = {
  readonly book: Book
  readonly chapter: number
  readonly section: number
  readonly kind: EntryKind
  /** The handbook module (chapter theme) the coverage table groups by. */
  readonly module: string
  readonly title: Label
} & EntryStatus
