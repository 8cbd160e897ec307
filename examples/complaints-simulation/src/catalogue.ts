import type { Complaints } from "@tixi/core"
import type { Random } from "./random.ts"

/** What the company sells, with its price in yuan. */
export interface Product {
  readonly name: string
  readonly price: number
}

/** The appliance maker's catalogue. */
export const products: ReadonlyArray<Product> = [
  { name: "家用空调 KFR-35GW", price: 3299 },
  { name: "对开门冰箱 BCD-460", price: 4599 },
  { name: "滚筒洗衣机 XQG100", price: 2799 },
  { name: "工业除湿机 DH-60", price: 5800 },
  { name: "净水器 RO-400", price: 1899 },
  { name: "电热水器 EH-60", price: 1599 },
  { name: "空气净化器 AP-500", price: 2299 },
  { name: "商用冷柜 SC-1200", price: 8900 },
]

const defects = ["异响明显", "漏水", "不制冷", "无法启动", "面板开裂", "显示屏故障", "运行时跳闸", "遥控失灵"]

/** The complaint texts of a category, as customers put them. */
export function complaintText(
  random: Random,
  category: Complaints.ContentCategory,
  product: Product,
  quantity: number,
): { readonly subject: string; readonly description: string; readonly demand: string } {
  switch (category) {
    case "quality": {
      const defect = random.pick(defects)
      const days = random.int(1, 120)
      return {
        subject: `${product.name} ${defect}`,
        description: `购买的${product.name}使用${days}天后出现${defect}，已按说明书排查，问题仍在。`,
        demand: random.pick(["要求换新机", "要求退货退款", "要求免费上门维修", "要求维修并赔偿损失"]),
      }
    }
    case "quantity":
      return {
        subject: `订单少发 ${Math.max(1, Math.round(quantity / 4))} 台`,
        description: `订购${product.name}共${quantity}台，到货清点少了${Math.max(1, Math.round(quantity / 4))}台，签收单已注明。`,
        demand: "要求尽快补发",
      }
    case "deliveryDate": {
      const late = random.int(2, 12)
      return {
        subject: `送货延迟 ${late} 天`,
        description: `合同约定的送货日期已过${late}天，多次催问仍未送达，影响门店开业。`,
        demand: random.pick(["要求立即送货并赔偿损失", "要求按合同支付违约金", "要求给予折扣"]),
      }
    }
    case "attitude":
      return {
        subject: "客服人员态度恶劣",
        description: "来电咨询时客服人员语气冷淡、多次推诿，未给出任何解决办法。",
        demand: "要求道歉并处理相关人员",
      }
    case "service":
      return {
        subject: random.pick(["安装师傅未按约定上门", "维修后问题复发", "上门服务乱收费"]),
        description: "预约的上门服务未按约定完成，浪费了半天时间，电话联系无人回复。",
        demand: random.pick(["要求重新安排上门并减免费用", "要求退还服务费", "要求赔偿误工损失"]),
      }
    case "other":
      return {
        subject: random.pick(["发票信息有误", "促销赠品未发放", "积分未到账"]),
        description: "订单完成后发现问题，联系销售未果。",
        demand: "要求尽快更正",
      }
  }
}
