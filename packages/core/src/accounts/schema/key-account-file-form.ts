import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { enumeration } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** 店面 of 大客户档案表: owned or rented premises. */
export const PremisesTenure = enumeration("accounts.premisesTenure", {
  owned: label("自有", "Owned"),
  rented: label("租用", "Rented"),
})

/** The three-step ratings of 大客户档案表 (布置, POP, 总评). */
export const ShopRating = enumeration("accounts.shopRating", {
  good: label("佳", "Good"),
  fair: label("尚可", "Fair"),
  poor: label("差", "Poor"),
})

/**
 * 大客户档案表 (004 ch.4 §4): the key account's file — region and category, the company (address,
 * capital, registration, brands, premises, vehicles), its legal representative and the person
 * who really runs it, staff (numbers, cohesion, dedication, pay), trading terms, banks, the credit
 * limit approved, and the credit analysis in five points (负责人或经营者, 财务分析, 销售实力,
 * 同行业中地位, 其他).
 */
export const keyAccountFileForm = defineForm({
  id: "accounts.key-account-file",
  title: label("大客户档案表", "Key account file"),
  source: "004 ch.4 §4 大客户档案表",
  fields: {
    region: field.text({ label: label("地区", "Region") }),
    category: field.text({ label: label("分类", "Category"), required: false }),
    customer: field.customer({ label: label("客户名称", "Customer") }),
    number: field.text({ label: label("编号", "Number"), required: false, maxLength: 50 }),
    phone: field.phone({ label: label("电话", "Phone"), required: false }),
    address: field.text({ label: label("地址", "Address") }),
    tradingSince: field.date({ label: label("来往日期", "Trading since"), required: false }),
    capital: field.money({ label: label("资本额", "Capital"), required: false }),
    registered: field.date({ label: label("登记日期", "Registered"), required: false }),
    products: field.text({ label: label("商品", "Products"), required: false }),
    brands: field.text({ label: label("经销品牌", "Brands carried"), required: false }),
    premises: field.choice(PremisesTenure, { label: label("店面", "Premises"), required: false }),
    premisesArea: field.decimal({ label: label("面积（平方米）", "Area (m²)"), min: 0, required: false }),
    vehicles: field.integer({ label: label("车辆（台）", "Vehicles"), required: false, max: 10_000 }),
    layout: field.choice(ShopRating, { label: label("布置", "Layout"), required: false }),
    pointOfSale: field.choice(ShopRating, { label: label("POP", "Point-of-sale material"), required: false }),
    overall: field.choice(ShopRating, { label: label("店面总评", "Premises overall"), required: false }),
    salesTargets: field.text({ label: label("销售对象", "Sells to"), required: false }),
    legalRepresentative: field.text({ label: label("法人代表", "Legal representative") }),
    actualManager: field.text({ label: label("实际经营者", "Who actually runs it"), required: false }),
    staffCount: field.integer({ label: label("店员人数", "Staff"), required: false }),
    staffNotes: field.text({
      label: label("店员（向心力、敬业精神、待遇）", "Staff (cohesion, dedication, pay)"),
      required: false,
      maxLength: 500,
    }),
    salesStrength: field.text({ label: label("推销实力", "Selling strength"), required: false }),
    tradingTerms: field.text({ label: label("交易条件", "Trading terms"), required: false }),
    banks: field.text({ label: label("来往银行", "Banks"), required: false }),
    creditLimit: field.money({ label: label("信用额度（核定）", "Credit limit approved"), required: false }),
    creditAnalysis: field.longText({
      label: label("信用分析", "Credit analysis"),
      description: label(
        "1．负责人或经营者 2．财务分析 3．销售实力 4．同行业中地位 5．其他",
        "1. owner or manager 2. finances 3. selling strength 4. standing in the trade 5. other",
      ),
      required: false,
    }),
    officer: field.person({ label: label("业务接洽", "Account officer") }),
  },
})
