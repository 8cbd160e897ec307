/**
 * Terminal tables that line up in Chinese and English: CJK characters take two columns on a
 * terminal, so widths are counted in display columns, not in string length.
 */

const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6], // Fullwidth signs
  [0x20000, 0x3fffd], // CJK Extensions B and beyond
]

/** The number of terminal columns a string takes (East Asian wide characters count two). */
export function displayWidth(text: string): number {
  let width = 0
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (code === 0 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) continue
    width += wideRanges.some(([from, to]) => code >= from && code <= to) ? 2 : 1
  }
  return width
}

/** Pads to a display width, on the right (`left`-aligned) or on the left (`right`-aligned). */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)))
  return align === "left" ? text + fill : fill + text
}

/** A column of a table: its heading and how its cells align. */
export interface Column {
  readonly heading: string
  readonly align?: "left" | "right"
}

/** Renders rows under headings, columns two spaces apart, with a rule under the headings. */
export function table(
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  indent = "  ",
): string {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.heading), ...rows.map((row) => displayWidth(row[index] ?? ""))),
  )
  const line = (cells: ReadonlyArray<string>) =>
    indent +
    cells
      .map((cell, index) => pad(cell, widths[index]!, columns[index]!.align ?? "left"))
      .join("  ")
      .trimEnd()
  const rule = indent + widths.map((width) => "─".repeat(width)).join("  ")
  return [line(columns.map((column) => column.heading)), rule, ...rows.map(line)].join("\n")
}

/** A horizontal bar of `value / max` of `width` columns, in eighths of a block. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return ""
  const eighths = Math.round((value / max) * width * 8)
  const blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  return "█".repeat(Math.floor(eighths / 8)) + blocks[eighths % 8]
}

/** A row of eighth-block bars, one character per value, scaled to `max`: a day's 96 intervals at a glance. */
export function sparkline(values: ReadonlyArray<number>, max: number): string {
  const blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  return values
    .map((value) => blocks[max <= 0 || value <= 0 ? 0 : Math.max(1, Math.round((value / max) * 8))]!)
    .join("")
    .trimEnd()
}
