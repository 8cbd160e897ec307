import { label } from "../../labels/label.ts"
import type { Scorecard, ScorecardItem } from "../models/scorecard.ts"

type Question = readonly [string, string]

const aspect = (
  part: string,
  id: string,
  zh: string,
  en: string,
  questions: ReadonlyArray<Question>,
): ScorecardItem => {
  const share = 100 / questions.length
  return {
    id: `${part}.${id}`,
    label: label(zh, en),
    weight: 20,
    items: questions.map(([questionZh, questionEn], index) => ({
      id: `${part}.${id}.${index + 1}`,
      label: label(questionZh, questionEn),
      weight: share,
    })),
  }
}

/**
 * 004 ch.7 §10 客户信用分析表 as a scorecard: three parts — the customer's company (客户企业状况),
 * its managers (客户管理人员), its staff (客户员工) — of five aspects each, with the handbook's
 * questions (five per aspect; 经营素质 has four). Each question is answered on the five-step scale
 * of 客户信用调查表 (`AssessmentAnswer`). The handbook weighs nothing; tixi's defaults weigh the
 * company 50 %, the managers 30 %, the staff 20 %, the aspects of a part and the questions of an
 * aspect equally, and need half of every group answered. Every weight is configurable.
 */
export const creditAnalysisScorecard: Scorecard = {
  id: "credit.analysis",
  title: label("客户信用分析表", "Credit analysis"),
  source: "004 ch.7 §10 客户信用分析表",
  minimumAnsweredPercent: 50,
  items: [
    {
      id: "company",
      label: label("客户企业状况", "The customer's company"),
      weight: 50,
      items: [
        aspect("company", "industryTrend", "业界动向", "Industry trend", [
          ["有生意往来的企业界的动向是好是坏", "Is the trade it deals with doing well?"],
          ["现今国际环境下的动向如何", "How does it fare in today's international environment?"],
          ["金融环境如何", "How is the financial environment?"],
          ["业界未来的展望是光明的还是黑暗的", "Is the industry's outlook bright or dark?"],
          ["业界的长期展望如何", "What is the industry's long-term outlook?"],
        ]),
        aspect("company", "managementQuality", "经营素质", "Quality of management", [
          ["有生意往来的企业的经营是法人还是个人（同族）", "Is it run as a company or by one family?"],
          ["其资本、资金如何", "How are its capital and funds?"],
          ["同行的评价如何", "How do its peers rate it?"],
          [
            "总公司、关系企业、主要银行的信赖如何",
            "How far do its head office, affiliates and main banks trust it?",
          ],
        ]),
        aspect("company", "tradeReputation", "业界评语", "Reputation in the trade", [
          ["是否有不当交易的谣传", "Are there rumours of improper dealings?"],
          ["是否有政治性不明朗的谣传", "Are there rumours of murky political ties?"],
          ["与问题多的外部团体的联系如何", "How close is it to troublesome outside groups?"],
          ["是否有计算上不公正的谣传", "Are there rumours of dishonest accounting?"],
          ["税务是否正当", "Are its taxes in order?"],
        ]),
        aspect("company", "market", "市场情况", "Market position", [
          ["主力商品的利益率多少", "What margin do its main products earn?"],
          ["销售战略是否困难", "Is its sales strategy in difficulty?"],
          ["批发商或零售商品是否安全", "Are its wholesale and retail channels secure?"],
          ["对新产品开发、技术开发是否热心", "Is it keen on new products and technology?"],
          ["库存管理、交货措施是否万全", "Are its stock control and deliveries sound?"],
        ]),
        aspect("company", "finance", "财务状况", "Financial condition", [
          ["过去的平均利益如何", "What has its average profit been?"],
          ["公司的资产怎样", "How are its assets?"],
          ["贷款是否适当", "Are its borrowings appropriate?"],
          ["过剩投资是否安全", "Is any over-investment safe?"],
          ["是否有不良的债权", "Does it hold bad receivables?"],
        ]),
      ],
    },
    {
      id: "managers",
      label: label("客户管理人员", "The customer's managers"),
      weight: 30,
      items: [
        aspect("managers", "quality", "管理人员的素质", "Quality of the managers", [
          ["管理人员的人品是否可信赖", "Are the managers trustworthy?"],
          ["管理人员的领导能力如何", "How well do they lead?"],
          ["管理人员的健康、体力如何", "How are their health and stamina?"],
          ["管理人员的年龄是多少", "Does their age suit the business?"],
          ["经营理念是否坚定", "Is their business philosophy firm?"],
        ]),
        aspect("managers", "personalCircumstances", "管理人员的个人条件", "Personal circumstances", [
          ["管理人员的家庭是否圆满", "Is their family life sound?"],
          ["是否有花边新闻", "Are there scandals about them?"],
          ["酒品是否很坏", "Do they behave badly when drinking?"],
          ["是否爱好赌博", "Do they gamble?"],
          ["是否有很多兴趣、嗜好", "Do they have many costly pastimes?"],
        ]),
        aspect("managers", "reputation", "管理人员的评语", "Reputation of the managers", [
          ["在商场上的声誉如何", "What is their standing in business?"],
          ["是否受职员敬爱", "Are they respected by their staff?"],
          ["是否有不明朗的政治关系", "Do they have murky political connections?"],
          ["是否与特别团体有关联", "Are they linked to special-interest groups?"],
          ["是否有犯罪的丑闻", "Is there any criminal scandal?"],
        ]),
        aspect("managers", "capability", "负责人的经营能力", "Business capability", [
          ["管理人员的经营手腕如何", "How shrewd are they in business?"],
          ["业绩如何", "What is their track record?"],
          ["指导部属是否卓越", "Do they guide their subordinates well?"],
          ["是否费心地培育后继人材", "Do they take care to develop successors?"],
          ["顾客或主要银行的评语如何", "What do customers and main banks say of them?"],
        ]),
        aspect("managers", "assets", "管理人员的资产", "Personal assets", [
          [
            "管理人员的个人资产与其经营规模是否成正比",
            "Are their personal assets in proportion to the business?",
          ],
          ["个人贷款是否过多", "Do they owe too much personally?"],
          ["是否有个人的事业", "Do they run businesses of their own on the side?"],
          ["凡事是否都不编列预算，随意支出", "Do they spend freely without budgets?"],
          ["抵押状况如何", "What have they pledged or mortgaged?"],
        ]),
      ],
    },
    {
      id: "staff",
      label: label("客户员工", "The customer's staff"),
      weight: 20,
      items: [
        aspect("staff", "morale", "士气", "Morale", [
          ["全员的士气很高昂", "Morale is high throughout"],
          ["全员有干劲", "Everyone is driven"],
          ["很多职员都诚实、亲切", "Most staff are honest and friendly"],
          ["很多职员都有谦虚的品性", "Most staff are modest"],
          ["职员间很和睦", "The staff get along well"],
        ]),
        aspect("staff", "drive", "上进心", "Drive to improve", [
          ["经常教育、训练职员", "Staff are trained regularly"],
          ["贯彻公司商品的知识", "Staff know the products thoroughly"],
          ["热心于产品开发", "Keen on product development"],
          ["热心于设备的革新", "Keen on renewing equipment"],
          ["热心于技术的革新", "Keen on technical innovation"],
        ]),
        aspect("staff", "socialStanding", "社会评价", "Social standing", [
          ["没有派系对峙的传闻", "No rumours of factional strife"],
          ["没有花边新闻的丑闻", "No scandals"],
          ["没有职员受贿赂的丑闻", "No bribery scandals among the staff"],
          ["没有劳资对立的谣传", "No rumours of labour disputes"],
          ["没有职员间对立的谣传", "No rumours of conflict among the staff"],
        ]),
        aspect("staff", "workAttitude", "工作态度", "Attitude to work", [
          ["工作是否勤勉", "Do they work diligently?"],
          ["工作时服装是否整洁", "Are they neatly dressed at work?"],
          ["工作岗位的整理、整顿做得很到位", "Workplaces are kept tidy and in order"],
          ["机敏的工作态度", "They work alertly"],
          ["有效率", "They work efficiently"],
        ]),
        aspect("staff", "pay", "薪资情况", "Pay", [
          ["薪金在一般水平", "Pay is at the usual level"],
          ["没有不公平的薪金制度", "The pay system is fair"],
          ["没有延误发薪的传闻", "No rumours of late pay"],
          ["适切地使用营业费", "Business expenses are used properly"],
          ["职员的储蓄率很高", "The staff save a good share of their pay"],
        ]),
      ],
    },
  ],
}
