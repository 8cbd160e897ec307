import type { AnyForm } from "../../forms/form.ts"
import { archiveDestructionRequestForm, archiveLendingRequestForm } from "./archive-requests.ts"
import { complaintRemedyRequestForm } from "./complaint-remedy-request.ts"
import {
  creditGradeChangeRequestForm,
  creditLimitOverrideRequestForm,
  creditStandardRequestForm,
  deferredPaymentRequestForm,
} from "./credit-requests.ts"
import { customerDeregistrationRequestForm } from "./customer-deregistration-request.ts"
import { giftRequestForm } from "./gift-request.ts"
import { hospitalityMealRequestForm } from "./hospitality-meal-request.ts"
import { visitExpensesRequestForm } from "./visit-expenses-request.ts"

export * from "./archive-requests.ts"
export * from "./complaint-remedy-request.ts"
export * from "./credit-requests.ts"
export * from "./customer-deregistration-request.ts"
export * from "./gift-request.ts"
export * from "./hospitality-meal-request.ts"
export * from "./visit-expenses-request.ts"

/**
 * The request forms of the default chains, by id: what `install` renders as DingTalk/WeCom
 * approval templates. A module that owns a richer form points its chain's `formId` at it instead.
 */
export const approvalRequestForms: ReadonlyArray<AnyForm> = [
  complaintRemedyRequestForm,
  hospitalityMealRequestForm,
  giftRequestForm,
  visitExpensesRequestForm,
  creditLimitOverrideRequestForm,
  creditGradeChangeRequestForm,
  creditStandardRequestForm,
  deferredPaymentRequestForm,
  archiveLendingRequestForm,
  archiveDestructionRequestForm,
  customerDeregistrationRequestForm,
] as unknown as ReadonlyArray<AnyForm>
