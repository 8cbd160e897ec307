const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

/**
 * The 3-character suffix that turns a 15-character Salesforce id into the case-insensitive
 * 18-character form: one character per block of five, encoding which letters are upper case.
 */
export function idSuffix(id15: string): string {
  let suffix = ""
  for (let block = 0; block < 3; block++) {
    let flags = 0
    for (let position = 0; position < 5; position++) {
      const character = id15[block * 5 + position]!
      if (character >= "A" && character <= "Z") flags |= 1 << position
    }
    suffix += alphabet[flags]
  }
  return suffix
}

/**
 * Whether a string has the shape of a Salesforce id (15 or 18 characters, valid suffix). An id
 * that cannot exist is reported NotFound without asking the org, whose reply to a malformed id in
 * a URL is misleading (it reads it as an external-id field name).
 */
export function isRecordId(value: string): boolean {
  if (!recordIdShape.test(value)) return false
  return value.length === 15 || idSuffix(value.slice(0, 15)) === value.slice(15).toUpperCase()
}

/** The 15-character form, for comparing ids whichever form they come in. */
export const shortId = (value: string) => value.slice(0, 15)

/** The key prefix of an id (001 Account, 003 Contact, 500 Case, 00T Task, 00U Event, 04g ProcessInstance). */
export const keyPrefix = (value: string) => value.slice(0, 3)

/** What a record id looks like (15 or 18 letters and digits), without checking the 18-character suffix. */
export const recordIdShape = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/
