import { label } from "../labels/index.ts"

/**
 * What a planned entry waits for, one label per module issue, so the catalogue names each the same
 * way and an entry moves by changing its status, not by rewriting a sentence.
 */
export const waitingFor = {
  afterSales: label("售后服务模块的议题", "the after-sales module issue"),
  analysisTools: label("分析与解决工具模块的议题", "the analysis tools module issue"),
  callCentre: label("呼叫中心模块的议题", "the call-centre module issue"),
  complaints: label("客户投诉模块的议题", "the complaints module issue"),
  credit: label("客户信用模块的议题", "the credit module issue"),
  development: label("客户调查与开发模块的议题", "the development module issue"),
  information: label("客户信息模块的议题", "the information module issue"),
  keyAccounts: label("大客户模块的议题", "the key-accounts module issue"),
  organisation: label("客户服务组织模块的议题", "the organisation module issue"),
  planning: label("客户服务规划模块的议题", "the planning module issue"),
  promotion: label("客户促销模块的议题", "the promotion module issue"),
  quality: label("客户服务质量模块的议题", "the quality module issue"),
  relationships: label("客户关系模块的议题", "the relationships module issue"),
} as const
