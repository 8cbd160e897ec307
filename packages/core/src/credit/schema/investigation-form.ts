import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { enumeration } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { PaymentMethod } from "../labels/payment-method.ts"

/** 经营方式 of 客户信用调查表. */
export const OwnershipForm = enumeration("credit.ownershipForm", {
  soleProprietorship: label("独资", "Sole proprietorship"),
  partnership: label("合伙", "Partnership"),
  company: label("企业", "Company"),
})

/** 经营地点 of 客户信用调查表. */
export const BusinessLocation = enumeration("credit.businessLocation", {
  market: label("市场", "Market"),
  residential: label("住宅", "Residential area"),
  suburb: label("郊外", "Suburb"),
})

/** The five-step rating of 银行信用, 同业者评为, 近邻评价 on 客户信用调查表. */
export const Rating = enumeration("credit.fiveStepRating", {
  veryGood: label("很好", "Very good"),
  good: label("好", "Good"),
  average: label("普通", "Average"),
  poor: label("差", "Poor"),
  veryPoor: label("很差", "Very poor"),
})

/** 付款态度 of 客户信用调查表. */
export const PaymentAttitude = enumeration("credit.paymentAttitude", {
  prompt: label("爽快", "Prompt"),
  normal: label("普通", "Normal"),
  acceptable: label("尚可", "Acceptable"),
  late: label("迟延", "Late"),
  reluctant: label("为难", "Reluctant"),
  arrears: label("拖欠尾款", "Leaves balances unpaid"),
})

/** 经营组织 of 客户信用调查表. */
export const BusinessOrganisation = enumeration("credit.businessOrganisation", {
  joinStock: label("股份公司", "Joint-stock company"),
  individual: label("个人经营", "Individual business"),
  limited: label("有限公司", "Limited company"),
  jointVenture: label("合资公司", "Joint venture"),
})

/** 场所 of 客户信用调查表 (店铺情况). */
export const PremisesArea = enumeration("credit.premisesArea", {
  busyDistrict: label("处于繁华区", "Busy district"),
  ordinaryCommercial: label("一般商业区", "Ordinary commercial area"),
  remote: label("偏僻地区", "Remote area"),
})

/** 装饰 of 客户信用调查表. */
export const Decoration = enumeration("credit.decoration", {
  fine: label("精装", "Fine"),
  ordinary: label("普通", "Ordinary"),
  poor: label("差", "Poor"),
})

/**
 * 客户信用调查表 (004 ch.2 §8): the company and its responsible person, finance (banks, books,
 * peers' and neighbours' opinion, capital, payment attitude), premises, trade, and the 信用评定
 * box — grade, score, payment method, limit, guarantee — signed by the investigator, the manager
 * and the general manager. The personal profile (性格, 气质, 嗜好 …) is kept as free text.
 */
export const creditInvestigationForm = defineForm({
  id: "credit.investigation",
  title: label("客户信用调查表", "Customer credit investigation"),
  source: "004 ch.2 §8 客户信用调查表",
  fields: {
    customer: field.customer({ label: label("公司编号", "Company number") }),
    address: field.text({ label: label("地址", "Address") }),
    phone: field.phone({ label: label("电话", "Phone"), required: false }),
    responsiblePerson: field.text({ label: label("负责人", "Responsible person") }),
    founded: field.date({ label: label("创业日期", "Founded"), required: false }),
    businessItems: field.text({ label: label("营业项目", "Line of business") }),
    ownershipForm: field.choice(OwnershipForm, { label: label("经营方式", "Ownership") }),
    tradingSince: field.date({ label: label("开始交易日期", "Trading with us since"), required: false }),
    businessArea: field.text({ label: label("营业区域", "Business area"), required: false }),
    location: field.choice(BusinessLocation, { label: label("经营地点", "Location"), required: false }),
    personProfile: field.longText({
      label: label("负责人情况", "The responsible person"),
      description: label(
        "性格、气质、兴趣、学历、经历、口才、思想、嗜好、优缺点、技术等",
        "Character, temperament, interests, education, experience, views, habits, strengths and weaknesses, skills",
      ),
      required: false,
    }),
    banks: field.text({ label: label("往来银行", "Banks"), required: false }),
    bankCredit: field.choice(Rating, { label: label("银行信用", "Standing with the banks") }),
    booksComplete: field.boolean({ label: label("账务体系完备", "Books complete") }),
    peerRating: field.choice(Rating, { label: label("同业者评为", "Rated by peers") }),
    organisation: field.choice(BusinessOrganisation, { label: label("经营组织", "Organisation") }),
    neighbourRating: field.choice(Rating, {
      label: label("近邻评价", "Neighbours' opinion"),
      required: false,
    }),
    capital: field.money({ label: label("资本额", "Capital") }),
    paymentAttitude: field.choice(PaymentAttitude, { label: label("付款态度", "Payment attitude") }),
    licenceNumber: field.text({
      label: label("营业执照登记号码", "Business licence number"),
      required: false,
    }),
    vehicles: field.integer({
      label: label("自有汽车（辆）", "Vehicles owned"),
      required: false,
      max: 10_000,
    }),
    premisesOwned: field.boolean({ label: label("场所自有", "Premises owned"), required: false }),
    premisesArea: field.choice(PremisesArea, { label: label("场所", "Premises"), required: false }),
    decoration: field.choice(Decoration, { label: label("装饰", "Fitting-out"), required: false }),
    insured: field.money({ label: label("保险（元）", "Insurance"), required: false }),
    trade: field.table({
      label: label("交易品种", "Products traded"),
      required: false,
      columns: {
        product: field.text({ label: label("品种", "Product") }),
        brand: field.text({ label: label("品牌", "Brand"), required: false }),
        monthlyQuantity: field.integer({ label: label("月销售量", "Monthly quantity"), required: false }),
        monthlyAmount: field.money({ label: label("月销售金额", "Monthly amount"), required: false }),
        annualQuantity: field.integer({ label: label("年销售量", "Annual quantity"), required: false }),
        annualAmount: field.money({ label: label("年销售金额", "Annual amount"), required: false }),
      },
    }),
    creditGrade: field.choice(CreditGrade, { label: label("信用等级", "Credit grade") }),
    creditScore: field.decimal({ label: label("信用评分", "Credit score"), min: 0, max: 100, decimals: 1 }),
    paymentMethod: field.choice(PaymentMethod, { label: label("付款方式选择", "Payment method") }),
    creditLimit: field.money({ label: label("赊销限额", "Credit limit") }),
    guaranteeRequired: field.boolean({ label: label("是否担保", "Guarantee required") }),
    remarks: field.longText({ label: label("备注", "Remarks"), required: false }),
    investigator: field.person({ label: label("调查人", "Investigator") }),
    manager: field.person({ label: label("经理", "Manager"), required: false }),
    generalManager: field.person({ label: label("总经理", "General manager"), required: false }),
  },
})
