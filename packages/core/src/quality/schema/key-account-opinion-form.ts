import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SatisfactionRating } from "../labels/quality-labels.ts"

const rating = (zh: string, en: string) => field.choice(SatisfactionRating, { label: label(zh, en) })
/** 其他方面: optional, since a customer who had no training or never used the site cannot rate them. */
const otherRating = (zh: string, en: string) =>
  field.choice(SatisfactionRating, { label: label(zh, en), required: false })

/**
 * 大客户意见调查表 (004 ch.4 §9): a key account's ratings of the service people and problem
 * solving (服务方面), and of training and the website (其他方面).
 */
export const keyAccountOpinionForm = defineForm({
  id: "quality.keyAccountOpinion",
  title: label("大客户意见调查表", "Key-account opinion survey"),
  source: "004 ch.4 §9 大客户意见调查表",
  fields: {
    customer: field.customer({ label: label("客户名称", "Customer") }),
    email: field.text({
      label: label("电子邮箱", "E-mail"),
      pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
      required: false,
    }),
    address: field.text({ label: label("地址", "Address"), maxLength: 300, required: false }),
    postcode: field.text({
      label: label("邮编", "Postcode"),
      pattern: /^[0-9A-Za-z -]{3,10}$/,
      required: false,
    }),
    filledBy: field.text({ label: label("填表人", "Filled in by") }),
    phone: field.phone({ label: label("联系电话", "Telephone"), required: false }),
    phoneSupport: rating("电话支持人员服务满意度", "Phone support staff"),
    onSiteSupport: rating("上门支持人员服务满意度", "On-site support staff"),
    timelyResolution: rating("解决问题的及时率", "Timeliness of problem solving"),
    accurateResolution: rating("解决问题的准确率", "Accuracy of problem solving"),
    professionalism: rating("服务人员的专业水平", "Professionalism of service staff"),
    trainingEffect: otherRating("您认为培训效果", "Effect of our training"),
    websiteContent: otherRating("您认为我们网站上的服务内容", "Service content on our website"),
    websiteVisits: otherRating("您是否经常浏览我们网站", "How often you visit our website"),
    comments: field.longText({ label: label("其他意见", "Other comments"), required: false }),
  },
})
