import type { CustomerDraft } from "@tixi/core"
import type { Random } from "./random.ts"

/** A customer of the simulation: an organisation (法人客户) or a natural person (自然人客户). */
export interface SimulatedCustomer {
  readonly id: string
  readonly kind: "organization" | "person"
  readonly name: string
  readonly phone: string
  readonly address: string
  /** For a natural person, where they work; for an organisation, the contact person. */
  readonly contact: string
  /** How often this customer complains, relative to others (a few complain a lot). */
  readonly propensity: number
}

const cities = [
  "上海",
  "北京",
  "杭州",
  "苏州",
  "广州",
  "深圳",
  "南京",
  "成都",
  "武汉",
  "天津",
  "宁波",
  "青岛",
  "厦门",
  "长沙",
  "无锡",
  "合肥",
]
const tradeNames = [
  "恒通",
  "华鑫",
  "宏达",
  "瑞丰",
  "金桥",
  "永盛",
  "博远",
  "嘉禾",
  "新元",
  "德昌",
  "联创",
  "安泰",
  "中和",
  "鼎盛",
  "源通",
  "启航",
  "星辰",
  "佳美",
  "盛世",
  "恒远",
  "天宇",
  "海纳",
  "润泽",
  "锦程",
  "明辉",
  "信达",
  "百川",
  "同舟",
]
const industries = [
  "贸易",
  "电子",
  "家居",
  "建材",
  "物流",
  "科技",
  "酒店管理",
  "餐饮管理",
  "物业服务",
  "商贸",
  "电器销售",
]
const surnames = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "高",
  "林",
  "罗",
  "郑",
  "梁",
  "谢",
  "宋",
  "唐",
  "许",
  "韩",
  "冯",
  "邓",
  "曹",
  "彭",
  "曾",
  "萧",
  "田",
  "董",
  "潘",
  "袁",
  "蔡",
  "蒋",
  "余",
]
const givenNames = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "志强",
  "海燕",
  "晓东",
  "春梅",
  "国庆",
  "丹",
  "鑫",
  "宇",
  "浩",
  "欣怡",
  "子涵",
  "梓轩",
  "雨桐",
  "文博",
  "思远",
  "佳琪",
  "嘉怡",
  "俊杰",
  "一鸣",
  "晓琳",
  "立新",
]
const districts = [
  "浦东新区",
  "徐汇区",
  "西湖区",
  "工业园区",
  "天河区",
  "南山区",
  "鼓楼区",
  "高新区",
  "江汉区",
  "滨海新区",
]
const roads = [
  "人民路",
  "中山路",
  "解放路",
  "建设路",
  "长江路",
  "和平路",
  "新华路",
  "学府路",
  "科技路",
  "世纪大道",
]
const areaCodes: Readonly<Record<string, string>> = {
  上海: "021",
  北京: "010",
  杭州: "0571",
  苏州: "0512",
  广州: "020",
  深圳: "0755",
  南京: "025",
  成都: "028",
  武汉: "027",
  天津: "022",
  宁波: "0574",
  青岛: "0532",
  厦门: "0592",
  长沙: "0731",
  无锡: "0510",
  合肥: "0551",
}

const personName = (random: Random) => random.pick(surnames) + random.pick(givenNames)
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join("")

/** Generates `count` customers, about 60 % organisations, with names that look real and are unique. */
export function generateCustomers(random: Random, count: number): ReadonlyArray<SimulatedCustomer> {
  const customers: Array<SimulatedCustomer> = []
  const taken = new Set<string>()
  while (customers.length < count) {
    const organization = random.chance(0.6)
    const city = random.pick(cities)
    const name = organization
      ? `${city}${random.pick(tradeNames)}${random.pick(industries)}${random.chance(0.8) ? "有限公司" : "股份有限公司"}`
      : personName(random)
    // Two people may share a name; two companies may not.
    if (organization && taken.has(name)) continue
    taken.add(name)
    const id = `cust-${String(customers.length + 1).padStart(4, "0")}`
    const address = `${city}市${random.pick(districts)}${random.pick(roads)}${random.int(1, 999)}号`
    customers.push({
      id,
      kind: organization ? "organization" : "person",
      name,
      phone: organization
        ? `${areaCodes[city]}-${digits(random, 4)} ${digits(random, 4)}`
        : `1${random.pick(["3", "5", "8", "9"])}${digits(random, 1)} ${digits(random, 4)} ${digits(random, 4)}`,
      address,
      contact: organization
        ? `${personName(random)}（采购）`
        : `${city}${random.pick(tradeNames)}${random.pick(industries)}公司`,
      // A Pareto of complainers: most complain rarely, a few often.
      propensity: random.logNormal(1, 0.9),
    })
  }
  return customers
}

/** The customers as host records, so the host can link cases to them. */
export const customerDrafts = (customers: ReadonlyArray<SimulatedCustomer>): ReadonlyArray<CustomerDraft> =>
  customers.map((customer) => ({
    externalKey: customer.id,
    kind: customer.kind,
    name: customer.name,
    fields: { phone: customer.phone, address: customer.address },
  }))
