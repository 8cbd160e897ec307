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
 *
 * `fits` is the host's size limit (DingTalk work notices: 2,048 bytes): a body too long for it is
 * cut, with "…", and never the title, the case or the key line, so the key still makes it unique.
 */
export function renderNotification(
  draft: NotificationDraft,
  locale: Locale,
  options: { readonly fits?: (title: string, markdown: string) => boolean } = {},
): { readonly title: string; readonly markdown: string } {
  const title = `${severityMark[draft.severity][locale]}${draft.title[locale]}`
  const caseLine =
    draft.caseKey === undefined
      ? ""
      : `\n\n${locale === "zh-CN" ? "业务单号" : "Reference"}：${draft.caseKey}`
  const render = (body: string) =>
    `### ${title}\n\n${body}${caseLine}\n\n<font color="#999999">tixi ${draft.key}</font>`
  const full = render(draft.body[locale])
  const fits = options.fits
  if (fits === undefined || fits(title, full)) return { title, markdown: full }
  // The longest prefix of the body (in code points, so no character is split) that fits.
  const characters = Array.from(draft.body[locale])
  let low = 0
  let high = characters.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(title, render(`${characters.slice(0, middle).join("")}…`))) low = middle
    else high = middle - 1
  }
  return { title, markdown: render(`${characters.slice(0, low).join("")}…`) }
}
