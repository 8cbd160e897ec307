/**
 * WeCom's own shapes, as its documentation prints them, kept apart from tixi's model. Only the
 * fields tixi reads are listed; WeCom omits what is empty, so everything is optional.
 */

/** A text in one language: WeCom writes `zh_CN` (not zh-CN) and `en`. */
export interface RawText {
  readonly text: string
  readonly lang: "zh_CN" | "en"
}

/** A control of a template (`create_template`, `gettemplatedetail`). */
export interface RawControl {
  readonly property: {
    readonly control: string
    readonly id: string
    readonly title: ReadonlyArray<RawText>
    readonly placeholder?: ReadonlyArray<RawText>
    readonly require?: 0 | 1
    readonly un_print?: 0 | 1
  }
  readonly config?: {
    readonly date?: { readonly type: "day" | "hour" }
    readonly selector?: {
      readonly type: "single" | "multi"
      readonly options: ReadonlyArray<{ readonly key: string; readonly value: ReadonlyArray<RawText> }>
    }
    readonly contact?: { readonly type: "single" | "multi"; readonly mode: "user" | "department" }
    readonly table?: { readonly children: ReadonlyArray<RawControl> }
  }
}

/** A control's value in `apply_data.contents`. */
export interface RawContent {
  readonly control: string
  readonly id: string
  readonly title?: ReadonlyArray<RawText>
  readonly value: {
    readonly text?: string
    readonly new_number?: string
    readonly new_money?: string
    readonly date?: { readonly type: "day" | "hour"; readonly s_timestamp: string }
    readonly selector?: {
      readonly type: "single" | "multi"
      readonly options: ReadonlyArray<{ readonly key: string }>
    }
    readonly members?: ReadonlyArray<{ readonly userid: string; readonly name?: string }>
    readonly departments?: ReadonlyArray<{ readonly openapi_id: string; readonly name?: string }>
    readonly children?: ReadonlyArray<{ readonly list: ReadonlyArray<RawContent> }>
  }
}

/** `getapprovaldetail`'s `info`. */
export interface RawApprovalDetail {
  readonly sp_no?: string
  readonly sp_name?: string
  /** 1 审批中, 2 已通过, 3 已驳回, 4 已撤销, 6 通过后撤销, 7 已删除, 10 已支付. */
  readonly sp_status?: number
  readonly template_id?: string
  readonly apply_time?: number
  readonly applyer?: { readonly userid?: string; readonly partyid?: string }
  readonly sp_record?: ReadonlyArray<{
    readonly sp_status?: number
    /** 1 或签, 2 会签: the legacy numbering, the reverse of `applyevent`'s `apv_rel`. */
    readonly approverattr?: number
    readonly details?: ReadonlyArray<{
      readonly approver?: { readonly userid?: string }
      readonly speech?: string
      readonly sp_status?: number
      readonly sptime?: number
    }>
  }>
  readonly apply_data?: { readonly contents?: ReadonlyArray<RawContent> }
}

/** A member of `user/get` and `user/list`. */
export interface RawMember {
  readonly userid: string
  readonly name?: string
  readonly department?: ReadonlyArray<number>
  readonly main_department?: number
  readonly position?: string
  readonly direct_leader?: ReadonlyArray<string>
  /** 1 active, 2 disabled, 4 not yet activated, 5 left. */
  readonly status?: number
}

/** A department of `department/list`. */
export interface RawWeComDepartment {
  readonly id: number
  readonly name?: string
  readonly parentid?: number
  readonly department_leader?: ReadonlyArray<string>
}
