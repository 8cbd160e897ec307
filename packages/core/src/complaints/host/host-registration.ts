import type { HostCase, HostCasePriority, HostCustomer } from "../../ports/host-crm.ts"
import type { Instant } from "../../time/instant.ts"
import { Channel } from "../labels/channel.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { Urgency } from "../labels/urgency.ts"
import { complaintFieldNames } from "../schema/host-fields.ts"
import { registrationForm } from "../schema/registration-form.ts"

/** What a registration taken from the host falls back on where the case does not say. */
export interface HostRegistrationDefaults {
  /**
   * The channel of a case whose `complaint_channel` field staff left empty. A case typed into the
   * CRM by an agent is most often a call taken, hence `phone` unless the company says otherwise.
   */
  readonly channel: Channel
  /** The type of a case whose `complaint_type` field is empty; classification may correct it. */
  readonly type: ComplaintType
}

/** The defaults of a registration taken from the host. */
export const defaultHostRegistrationDefaults: HostRegistrationDefaults = { channel: "phone", type: "other" }

/**
 * The urgency a host priority stands for: the reverse of `priorityOfUrgency` (HubSpot URGENT is
 * 特急, HIGH is 急); low and normal priority are both 普通, the lowest urgency the handbook has.
 */
export const urgencyOfPriority: Readonly<Record<HostCasePriority, Urgency>> = {
  urgent: "critical",
  high: "urgent",
  normal: "normal",
  low: "normal",
}

/**
 * 客户要求 is required on the form but a case opened in the CRM rarely states it apart from the
 * description; the registration says so plainly rather than inventing a demand.
 */
const demandNotStated =
  "工单未写明客户要求，待向客户确认 / The case does not state the customer's demand; to be confirmed with the customer"

const firstLine = (text: string) => text.split(/\r?\n/, 1)[0]?.trim() ?? ""

/** Shortens a text to `length` UTF-16 units (as the form counts), never splitting a character. */
function clip(text: string, length: number): string {
  if (text.length <= length) return text
  let clipped = ""
  for (const character of text) {
    if (clipped.length + character.length > length - 1) break
    clipped += character
  }
  return `${clipped}…`
}

/**
 * The values of 客户投诉登记表 for a case staff opened in the CRM: the subject and description as
 * the complaint's content (a subject too long for the form is shortened, its whole text kept in
 * the description), the customer from the case's `customerKey` (name, kind and how to
 * reach them from the host's customer record), the urgency from `complaint_urgency` when staff
 * chose one and from the case priority otherwise, type, category and channel from their
 * `complaint_*` fields when staff filled them in, and the defaults otherwise. Nothing is checked
 * here: the values go to the `Register` command, whose decider answers a missing customer or an
 * unreachable one with a `ValidationError` naming the field, so a refused intake says why.
 */
export function registrationOfHostCase(
  hostCase: HostCase,
  customer: HostCustomer | undefined,
  receivedAt: Instant | undefined,
  defaults: HostRegistrationDefaults = defaultHostRegistrationDefaults,
): Record<string, unknown> {
  const fields = hostCase.fields
  const pick = <Value extends string>(
    enumeration: { readonly is: (input: unknown) => input is Value },
    name: string,
  ): Value | undefined => {
    const value = fields[name]
    return enumeration.is(value) ? value : undefined
  }
  const content = hostCase.description.trim()
  const fullSubject = hostCase.subject.trim() || firstLine(content)
  const subject = clip(fullSubject, registrationForm.fields.subject.maxLength)
  // The case's subject is rewritten from the registration: a subject too long for the form keeps
  // its whole text at the head of the description. A description too long is not cut but refused
  // by the form, since the case's content would be overwritten with what was kept.
  const description =
    subject === fullSubject || content.startsWith(fullSubject)
      ? content
      : `${fullSubject}\n\n${content}`.trim()
  const contact = customer?.contactDetails
  const category = pick(ContentCategory, complaintFieldNames.category)
  return {
    ...(hostCase.customerKey === undefined ? {} : { customerId: hostCase.customerKey }),
    ...(customer === undefined ? {} : { customerName: customer.name, customerKind: customer.kind }),
    ...(contact?.phone ? { phone: contact.phone } : {}),
    ...(contact?.email ? { email: contact.email } : {}),
    ...(contact?.address ? { address: contact.address } : {}),
    type: pick(ComplaintType, complaintFieldNames.type) ?? defaults.type,
    ...(category === undefined ? {} : { category }),
    channel: pick(Channel, complaintFieldNames.channel) ?? defaults.channel,
    urgency: pick(Urgency, complaintFieldNames.urgency) ?? urgencyOfPriority[hostCase.priority],
    ...(receivedAt === undefined ? {} : { receivedAt }),
    ...(subject === "" ? {} : { subject }),
    ...(description === "" && subject === "" ? {} : { description: description || subject }),
    demand: demandNotStated,
    remarks: `在 CRM 中登记（记录 ${hostCase.id}） / Opened in the CRM (record ${hostCase.id})`,
  }
}
