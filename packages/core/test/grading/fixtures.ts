import { customerId, Money } from "@tixi/core"

const yuan = (amount: string) => Money.ofMajor(amount, "CNY")

/**
 * Ten customers of a distributor over one year, the worked example of 客户分级表,
 * 客户开发评定表 and 重点客户管理表 used by the grading tests. Revenue adds up to ¥10,000,000.
 *
 * | id  | revenue   | previous  | gross margin | credit |
 * | C01 | 4,000,000 | 3,200,000 | 1,000,000    | 90     |
 * | C02 | 2,500,000 | 2,500,000 |   500,000    | 80     |
 * | C03 | 1,500,000 | 1,000,000 |   450,000    | 70     |
 * | C04 |   800,000 | 1,000,000 |    80,000    | 60     |
 * | C05 |   500,000 |         0 |   100,000    | —      |
 * | C06 |   300,000 |   250,000 |    60,000    | 85     |
 * | C07 |   200,000 |   400,000 |    10,000    | 40     |
 * | C08 |   100,000 |   100,000 |    30,000    | 75     |
 * | C09 |   100,000 |    50,000 |    -5,000    | 55     |
 * | C10 |         0 |   300,000 |         0    | 30     |
 */
export const distributorCustomers = [
  ["C01", "华东五金", "4000000", "3200000", "1000000", 90],
  ["C02", "北方建材", "2500000", "2500000", "500000", 80],
  ["C03", "南粤电器", "1500000", "1000000", "450000", 70],
  ["C04", "西部机电", "800000", "1000000", "80000", 60],
  ["C05", "新开商贸", "500000", "0", "100000", undefined],
  ["C06", "江城百货", "300000", "250000", "60000", 85],
  ["C07", "老街杂货", "200000", "400000", "10000", 40],
  ["C08", "山城超市", "100000", "100000", "30000", 75],
  ["C09", "海滨小铺", "100000", "50000", "-5000", 55],
  ["C10", "沉睡客户", "0", "300000", "0", 30],
].map(([id, name, revenue, previous, margin, credit]) => ({
  customerId: customerId(id as string),
  name: name as string,
  industry: "五金" as string,
  revenue: yuan(revenue as string),
  previousRevenue: yuan(previous as string),
  grossMargin: yuan(margin as string),
  ...(credit === undefined ? {} : { creditScore: credit as number }),
}))
