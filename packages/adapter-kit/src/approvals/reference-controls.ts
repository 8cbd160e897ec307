import { label } from "@tixi/core"

/**
 * The controls tixi appends to every approval template it installs (DingTalk, WeCom). The reference carries the request
 * type and the submission key, so an instance found after a crash, or named by a callback, maps
 * back to the submission that opened it; the business reference is what staff search for.
 */
export const approvalReferenceControls = {
  businessKey: { alias: "tixiBusinessKey", label: label("业务单号", "Business reference") },
  reference: { alias: "tixiReference", label: label("tixi 关联码", "tixi reference") },
} as const

/** The reference control's value: the request type, a space, the submission key. */
export const referenceValue = (requestType: string, key: string) => `${requestType} ${key}`

/** Reads a reference control's value back. */
export function parseReference(
  value: string | undefined,
): { readonly requestType: string; readonly key: string } | undefined {
  if (value === undefined) return undefined
  const space = value.indexOf(" ")
  if (space <= 0 || space === value.length - 1) return undefined
  return { requestType: value.slice(0, space), key: value.slice(space + 1) }
}
