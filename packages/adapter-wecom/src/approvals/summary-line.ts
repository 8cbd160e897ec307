/** The most characters WeCom shows in one `summary_list` line (doc 91853: 每行不超过20个字). */
export const summaryLineMaxCharacters = 20

/**
 * One line of an approval's summary card, within WeCom's 20 characters: longer text is cut, with
 * "…" as its last character, at a character boundary (never inside a surrogate pair). Behaviour
 * above the limit is undocumented, so tixi never sends more.
 */
export function summaryLine(text: string): string {
  const characters = Array.from(text)
  return characters.length <= summaryLineMaxCharacters
    ? text
    : `${characters.slice(0, summaryLineMaxCharacters - 1).join("")}…`
}

/**
 * The summary line naming the business key: labelled ("单号 TS-…") when that fits, else the key
 * alone, so the number the staff look for is what is kept.
 */
export function referenceSummaryLine(businessKey: string, label: string): string {
  const labelled = `${label} ${businessKey}`
  return Array.from(labelled).length <= summaryLineMaxCharacters ? labelled : summaryLine(businessKey)
}
