/** A post a company adds (热线专员 under the call-centre supervisor), as untrusted policy input. */
export const hotlineOfficer = {
  label: { "zh-CN": "热线专员", en: "Hotline officer" },
  rank: "officer",
  department: "callCenter",
  reportsTo: "callCenterSupervisor",
  duties: [{ "zh-CN": "接听热线", en: "Answer the hotline" }],
  forms: ["callcenter.inboundCall"],
  processes: [],
  clearance: "internal",
  needToKnow: ["callCentre"],
}

/** An organisation policy that uses every section: a rename, a merge, an added post and an authority override. */
export const everySectionOrganisation = {
  version: "acme-5",
  preset: "smallEnterprise",
  labels: { complaintOfficer: { "zh-CN": "客服专员", en: "Service officer" } },
  merges: { informationOfficer: "complaintOfficer" },
  added: { hotlineOfficer },
  authority: { complaintOfficer: { "complaint.remedy": 800_00 } },
}
