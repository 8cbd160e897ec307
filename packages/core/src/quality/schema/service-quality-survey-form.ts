import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SatisfactionRating, SurveyChannel } from "../labels/quality-labels.ts"

/** 客户服务质量调查表 (000 10.6.1): a customer's ratings of the service, item by item. */
export const serviceQualitySurveyForm = defineForm({
  id: "quality.serviceQualitySurvey",
  title: label("客户服务质量调查表", "Service quality survey"),
  source: "000 ch.10 10.6.1 客户服务质量调查表",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    respondentName: field.text({ label: label("填表人", "Filled in by") }),
    // A natural person's (自然人) contact details are personal information (PIPL): 秘密.
    phone: field.phone({ label: label("联系电话", "Telephone"), required: false, confidentiality: "secret" }),
    surveyedOn: field.date({ label: label("调查日期", "Survey date") }),
    channel: field.choice(SurveyChannel, { label: label("调查方式", "Survey channel") }),
    items: field.table({
      label: label("调查项目", "Items"),
      maxRows: 60,
      columns: {
        item: field.text({ label: label("项目", "Item") }),
        rating: field.choice(SatisfactionRating, { label: label("评价", "Rating") }),
        comment: field.text({ label: label("说明", "Comment"), maxLength: 500, required: false }),
      },
    }),
    overall: field.choice(SatisfactionRating, { label: label("总体满意度", "Overall satisfaction") }),
    suggestions: field.longText({ label: label("意见与建议", "Opinions and suggestions"), required: false }),
  },
})
