import type { Locale, NotificationDraft } from "@tixi/core"

const severityMark: Record<NotificationDraft["severity"], Record<Locale, string>> = {
  info: { "zh-CN": "", en: "" },
  warning: { "zh-CN": "【提醒】", en: "[Reminder] " },
  urgent: { "zh-CN": "【紧急】", en: "[Urgent] " },
}

/**
 * A notification as the markdown text DingTalk work notices and WeCom app messages show: the
 * severity, the title, the body, the case, and the idempotency key on the last line. The key makes
 * the text of each notification unique, so the hosts' own duplicate checks (DingTalk: the same
 * content to the same user once a day; WeCom: `enable_duplicate_check`) catch a resend after a crash.
 */
export function renderNotification(
  draft: NotificationDraft,
  locale: Locale,
): { readonly title: string; readonly markdown: string } {
  const title = `${severityMark[draft.severity][locale]}${draft.title[locale]}`
  const caseLine =
    draft.caseKey === undefined
      ? ""
      : `\n\n${locale === "zh-CN" ? "业务单号" : "Reference"}：${draft.caseKey}`
  return {
    title,
    markdown: `### ${title}\n\n${draft.body[locale]}${caseLine}\n\n<font color="#999999">tixi ${draft.key}</font>`,
  }
}
