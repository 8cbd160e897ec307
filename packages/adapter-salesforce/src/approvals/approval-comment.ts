/** What tixi records about an approval inside Salesforce (Approval Processes have no custom fields). */
export interface ApprovalTag {
  readonly key: string
  readonly businessKey: string
  readonly requestType: string
}

const pattern = /\[tixi key=([^\]\s]+) business=([^\]\s]+) type=([^\]\s]+)\]/

const encodePart = (value: string) => encodeURIComponent(value)

/**
 * The submission comment: the title staff read in the approval request, then tixi's tag, which is
 * how an approval is tied back to its submission key and process instance after a crash.
 * Comments hold 4,000 bytes.
 */
export function submissionComment(title: string, tag: ApprovalTag): string {
  const suffix = `\n[tixi key=${encodePart(tag.key)} business=${encodePart(tag.businessKey)} type=${encodePart(tag.requestType)}]`
  const room = 4000 - Buffer.byteLength(suffix)
  let text = title
  while (Buffer.byteLength(text) > room) text = text.slice(0, -1)
  return `${text}${suffix}`
}

/** tixi's tag in a submission comment, or undefined for approvals tixi did not submit. */
export function parseApprovalTag(comment: unknown): ApprovalTag | undefined {
  if (typeof comment !== "string") return undefined
  const match = pattern.exec(comment)
  if (!match) return undefined
  return {
    key: decodeURIComponent(match[1]!),
    businessKey: decodeURIComponent(match[2]!),
    requestType: decodeURIComponent(match[3]!),
  }
}
