/**
 * DingTalk's own shapes, as its documentation prints them, kept apart from tixi's model
 * (DESIGN "Adapters", after Nango). Only the fields tixi reads are listed; everything is
 * optional because DingTalk omits what is empty.
 */

/** A form control of `POST /v1.0/workflow/forms` (FormComponent). */
export interface RawFormComponent {
  readonly componentType: string
  readonly props: {
    readonly componentId: string
    readonly label: string
    readonly required?: boolean
    readonly placeholder?: string
    readonly options?: ReadonlyArray<{ readonly key: string; readonly value: string }>
    readonly unit?: string
    readonly format?: string
    readonly choice?: string
    readonly multiple?: boolean
    readonly upper?: string
    readonly tableViewMode?: string
    readonly bizAlias?: string
  }
  readonly children?: ReadonlyArray<RawFormComponent>
}

/** A value of `formComponentValues` (FormComponentValues). */
export interface RawFormComponentValue {
  readonly name: string
  readonly value: string
  readonly componentType?: string
  readonly id?: string
  readonly extValue?: string
}

/** An item of the form schema (`GET /v1.0/workflow/forms/schemas/processCodes`). */
export interface RawSchemaItem {
  readonly componentName?: string
  readonly props?: {
    readonly id?: string
    readonly label?: string
    readonly required?: boolean
    readonly options?: ReadonlyArray<string>
    readonly unit?: string
    readonly choice?: number
  }
  readonly children?: ReadonlyArray<RawSchemaItem>
}

/** `GET /v1.0/workflow/processInstances` result. */
export interface RawProcessInstance {
  readonly title?: string
  readonly finishTime?: string
  readonly createTime?: string
  readonly originatorUserId?: string
  readonly status?: "RUNNING" | "TERMINATED" | "COMPLETED" | string
  readonly result?: "agree" | "refuse" | string
  readonly businessId?: string
  readonly approverUserIds?: ReadonlyArray<string>
  readonly operationRecords?: ReadonlyArray<{
    readonly userId?: string
    readonly date?: string
    readonly type?: string
    readonly result?: "AGREE" | "REFUSE" | "NONE" | string
    readonly remark?: string
    readonly activityId?: string
  }>
  readonly tasks?: ReadonlyArray<{
    readonly taskId?: number
    readonly userId?: string
    readonly status?: string
    readonly result?: string
    readonly activityId?: string
  }>
  readonly formComponentValues?: ReadonlyArray<{
    readonly id?: string
    readonly name?: string
    readonly value?: string
    readonly componentType?: string
  }>
}

/** A user of `topapi/v2/user/get` and `topapi/v2/user/list`. */
export interface RawUser {
  readonly userid: string
  readonly name?: string
  readonly dept_id_list?: ReadonlyArray<number>
  readonly manager_userid?: string
  readonly active?: boolean
  readonly title?: string
  readonly job_number?: string
  readonly role_list?: ReadonlyArray<{
    readonly id?: number
    readonly name?: string
    readonly group_name?: string
  }>
}

/** A department of `topapi/v2/department/get` and `topapi/v2/department/listsub`. */
export interface RawDepartment {
  readonly dept_id: number
  readonly name?: string
  readonly parent_id?: number
  readonly dept_manager_userid_list?: ReadonlyArray<string>
}
