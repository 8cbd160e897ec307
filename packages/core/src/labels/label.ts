import { z } from "zod"
import { refuseUnsafeCharacters } from "../forms/safe-text.ts"

/** The languages every tixi label carries: the handbooks' Chinese and English. */
export type Locale = "zh-CN" | "en"

/** Every locale tixi renders, in the order forms show them. */
export const locales: ReadonlyArray<Locale> = ["zh-CN", "en"]

/**
 * A text in both languages. Forms, enumerations and reports carry one of these instead of a bare
 * string, so the same definition renders a DingTalk form in Chinese and a HubSpot property in English.
 */
export interface Label {
  readonly "zh-CN": string
  readonly en: string
}

/** Builds a label; Chinese first, as the handbooks name things. */
export const label = (chinese: string, english: string): Label => ({ "zh-CN": chinese, en: english })

/**
 * What a person wrote (a comment, a reason, an action), shown as written in either language:
 * tixi translates its own words, never the staff's.
 */
export const asWritten = (text: string): Label => label(text, text)

/** The label's text in one locale. */
export const textOf = (value: Label, locale: Locale): string => value[locale]

/** Whether a string names a supported locale; used to validate `--lang` and configuration. */
export const isLocale = (value: unknown): value is Locale => value === "zh-CN" || value === "en"

/** Validates a label from untrusted data (a company's calendar, a policy file): both texts present, no control or bidi characters. */
export const labelSchema: z.ZodType<Label> = z.strictObject({
  "zh-CN": refuseUnsafeCharacters(z.string().trim().min(1, "must not be empty")),
  en: refuseUnsafeCharacters(z.string().trim().min(1, "must not be empty")),
})
