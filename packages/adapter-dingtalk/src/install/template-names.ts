import type { AnyForm, Locale } from "@tixi/core"

/** The DingTalk template name of a form: the prefix and the form's title (e.g. 客户招待申请表). */
export const templateNameOf = (form: AnyForm, locale: Locale, prefix: string) =>
  `${prefix}${form.title[locale]}`.slice(0, 64)
