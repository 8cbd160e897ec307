/**
 * CSV as Bulk API 2.0 speaks it (RFC 4180, comma, LF line endings, `#N/A` for null): tixi writes
 * the upload and reads the result files with these two functions.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm

/** The CSV cell of a value; `#N/A` sets a field to null, an empty cell leaves it unchanged. */
export function csvCell(value: unknown): string {
  if (value === null) return "#N/A"
  if (value === undefined) return ""
  const text = typeof value === "string" ? value : String(value)
  return /[",\n\r]/.test(text) || text.trim() !== text ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (without its line ending), so a caller can measure lines before joining them. */
export function csvLine(cells: ReadonlyArray<unknown>): string {
  return cells.map(csvCell).join(",")
}

/** A CSV document from a header and rows. */
export function writeCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const lines = [csvLine(header)]
  for (const row of rows) lines.push(csvLine(row))
  return `${lines.join("\n")}\n`
}

/** Parses CSV into rows of cells (quotes, doubled quotes and line breaks inside quotes handled). */
export function parseCsvRows(text: string): Array<Array<string>> {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let cell = ""
  let quoted = false
  let index = 0
  while (index < text.length) {
    const character = text[index]!
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          cell += '"'
          index += 1
        } else quoted = false
      } else cell += character
    } else if (character === '"') quoted = true
    else if (character === ",") {
      row.push(cell)
      cell = ""
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[index + 1] === "\n") index += 1
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
    } else cell += character
    index += 1
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Parses CSV with a header row into objects keyed by column name. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsvRows(text)
  if (!header) return []
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ""])))
}
