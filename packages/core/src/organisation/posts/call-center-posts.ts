import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.8 §1 呼叫中心主管的岗位职责. */
export const callCenterSupervisor: PostDescription = {
  post: "callCenterSupervisor",
  source: "004 ch.8 §1",
  rank: "supervisor",
  department: "callCenter",
  reportsTo: "serviceManager",
  duties: [
    label(
      "对呼叫中心系统平台的呼叫中心业务进行市场调查、分析",
      "Research and analyse the market for the call-centre platform's business",
    ),
    label("制定相关制度、规范,制定业务经营指导意见", "Set rules and norms and operating guidance"),
    label(
      "组织或指导呼叫中心业务的市场定位、业务洽谈、业务接入等系列工作",
      "Lead positioning, negotiation and onboarding of call-centre business",
    ),
    label(
      "负责提升呼叫中心的业务绩效，以达成呼叫中心业绩目标为首要任务",
      "Raise performance; meeting the centre's targets comes first",
    ),
    label(
      "协助组长训练新进呼叫人员，确保团队所有员工明确项目进度及个人目标",
      "Help team leaders train new agents; keep everyone clear on progress and goals",
    ),
    label("负有新进人员受训后的辅导责任", "Coach new staff after their training"),
    label(
      "负责小组的管理，如上级交办的任务、准客户冲突的处理等工作",
      "Manage the teams, including assigned tasks and prospect conflicts",
    ),
    label(
      "处理及解决来自呼叫人员的客户抱怨及复杂的客户咨询",
      "Resolve grievances and complex enquiries agents pass up",
    ),
    label(
      "负责督导呼叫人员的业务，以确保呼叫人员遵守工作守则",
      "Supervise agents so they keep the work rules",
    ),
    label(
      "负责监听呼叫人员电话以了解所属问题，并能适时提供协助",
      "Listen in on calls to find problems and help in time",
    ),
    label("协助解决电话行销人员的问题", "Help telemarketers solve problems"),
    label("负责呼叫中心的士气提升", "Lift the centre's morale"),
    label("召开呼叫中心业务会议", "Hold call-centre business meetings"),
    label(
      "做好呼叫中心业务中需与相关部门沟通、协调的工作",
      "Communicate and coordinate with other departments",
    ),
    label("呼叫中心设备管理", "Manage call-centre equipment"),
    label("其他相关工作", "Other related work"),
  ],
  forms: [
    "callcenter.operatingPlan",
    "callcenter.qualityCalibration",
    "callcenter.interviewPlan",
    "callcenter.equipment",
  ],
  processes: [
    {
      process: processPointer.operatingCycle,
      steps: label("制定运营计划并考核", "plans operations and reviews results"),
    },
    { process: processPointer.callQualityMonitoring, steps: label("质量校准", "calibrates quality") },
  ],
  clearance: "secret",
  needToKnow: ["callCentre", "complaints"],
}

/** 004 ch.8 §2 呼叫中心组长的岗位职责; leads 12–14 agents, so ranked a supervisor. */
export const callCenterTeamLeader: PostDescription = {
  post: "callCenterTeamLeader",
  source: "004 ch.8 §2",
  rank: "supervisor",
  department: "callCenter",
  reportsTo: "callCenterSupervisor",
  duties: [
    label("监督及管理呼叫中心专员操作并给予客户 24 小时的服务", "Supervise agents and keep 24-hour service"),
    label("管理呼叫中心的运作，并保证实现既定目标", "Run the centre's operation and meet its targets"),
    label(
      "监督并评估小组成员的工作质量及效率，必要时决定并采取改善措施",
      "Assess the team's quality and efficiency and act to improve them",
    ),
    label(
      "提供指导及支援以促进呼叫中心专员的服务质量及日常操作的顺利实施",
      "Guide and support agents' quality and daily work",
    ),
    label(
      "监督电话流量状况并适当部署资源以符合服务目标",
      "Watch call volume and deploy people to meet service targets",
    ),
    label(
      "处理及解决来自呼叫中心专员的用户投诉及复杂的用户咨询",
      "Resolve complaints and complex enquiries agents pass up",
    ),
    label("确保企业客户服务部新服务及项目的执行", "See new services and projects carried out"),
    label(
      "积极地获取回馈，并向呼叫中心主管推荐有关执行效率改进的方案",
      "Seek feedback and propose efficiency improvements to the supervisor",
    ),
    label(
      "每个呼叫中心组长负责 12～14 名员工，直接向呼叫中心主管汇报",
      "Lead 12–14 agents and report to the call-centre supervisor",
    ),
    label("呼叫中心设备管理", "Manage call-centre equipment"),
    label("其他相关工作", "Other related work"),
  ],
  forms: ["callcenter.qualityMonitoring", "callcenter.qualityEvaluation", "callcenter.equipment"],
  processes: [
    {
      process: processPointer.callQualityMonitoring,
      steps: label("监听与评估", "monitors and evaluates calls"),
    },
    {
      process: processPointer.serviceRequest,
      steps: label("处理转交的疑难问题", "resolves escalated requests"),
    },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["callCentre"],
}

/** 004 ch.8 §3 呼叫中心专员岗位职责 (000's 呼叫中心坐席专员). */
export const callCenterAgent: PostDescription = {
  post: "callCenterAgent",
  source: "004 ch.8 §3",
  rank: "officer",
  department: "callCenter",
  reportsTo: "callCenterTeamLeader",
  duties: [
    label("执行呼入、呼出业务的处理工作", "Handle inbound and outbound calls"),
    label(
      "负责客户热线咨询、信息查询及疑难问题的解答工作",
      "Answer hotline enquiries, look-ups and difficult questions",
    ),
    label("上班后立即登录服务系统，来电铃响 3 声内必须应答", "Log in on arrival; answer within three rings"),
    label(
      "接听客户电话时必须使用文明用语，热情周到、认真负责",
      "Speak courteously, warmly and responsibly on calls",
    ),
    label("协助客户进行信息登记和更新", "Help customers register and update their details"),
    label(
      "接到疑难电话或投诉，详细记录来话时间、内容和客户联系方式，明确答复时间",
      "Log difficult calls and complaints in full and promise a reply time",
    ),
    label("疑难问题转交直接上级处理", "Pass difficult questions to the direct superior"),
    label(
      "按时参加工作例会，分享工作经验和知识，并向上级汇报工作中的问题",
      "Attend meetings, share knowledge and report problems",
    ),
    label("负责所用计算机和办公设备、办公席位的清洁工作", "Keep one's computer, equipment and desk clean"),
    label("对部门工作提出有价值的建议和意见", "Suggest improvements to the department's work"),
    label(
      "参加部门安排的各项培训和考核，提升专业知识及技巧",
      "Attend training and assessments to build skill",
    ),
    label("执行呼出电话行销业务，完成销售任务", "Make outbound sales calls and meet sales targets"),
    label(
      "提供客户快速、准确与专业的查询及服务需求",
      "Serve enquiries quickly, accurately and professionally",
    ),
    label("适当处理客户投诉并适时汇报给主管", "Handle complaints properly and report them to the supervisor"),
    label(
      "详细记录销售过程，以利主管分析绩效并得以提供协助或训练",
      "Record sales in detail so the supervisor can analyse and coach",
    ),
    label(
      "对工作过程中接触的企业商业机密及客户数据进行严格保密",
      "Keep company secrets and customer data strictly confidential",
    ),
    label("充分应用企业资源，避免浪费，以创造更高的利润", "Use resources fully and avoid waste"),
    label("服从直接上级领导的工作安排和管理", "Follow the direct superior's arrangements"),
  ],
  forms: [
    "callcenter.inboundCall",
    "callcenter.outboundCall",
    "callcenter.phoneLog",
    "complaint.registration",
  ],
  processes: [
    {
      process: processPointer.inboundCall,
      steps: label("接听、记录、答复或转交", "answers, logs, replies or escalates"),
    },
    { process: processPointer.outboundCall, steps: label("呼出并记录", "calls out and records") },
    { process: processPointer.serviceRequest, steps: label("受理服务请求", "takes service requests") },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["callCentre"],
}
