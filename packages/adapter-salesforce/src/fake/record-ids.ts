import { idSuffix } from "../mapping/record-ids.ts"

const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/** A new 18-character id with the object's key prefix (001 Account, 500 Case, …), as an org issues them. */
export function makeRecordId(prefix: string, sequence: number): string {
  let body = ""
  let rest = sequence
  for (let index = 0; index < 8; index++) {
    body = digits[rest % 36] + body
    rest = Math.floor(rest / 36)
  }
  const id15 = `${prefix}5g00${body}`
  return id15 + idSuffix(id15)
}
