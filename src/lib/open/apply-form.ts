/**
 * 政府信息公开申请表: the fields of the application form, shared by the printable page, the
 * online form (only when site.yaml names `apply.endpoint`) and the downloadable file in
 * public/files/ (a unit test checks the file lists every label here). Field set after the
 * forms published by provincial portals under 条例 (国务院令第711号) 第二十九条: 申请人姓名或名称、
 * 身份证明、联系方式; 所需政府信息的名称、文号或便于查询的其他特征性描述; 获取方式和载体.
 * `name` is the form-field name posted to the endpoint (ASCII, stable).
 */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea' | 'date' | 'choice';
  required?: boolean;
  /** for `choice`: the options (checkboxes on paper, radio buttons online) */
  options?: readonly string[];
}

export interface FormSection {
  /** 申请人信息（公民）… */
  title: string;
  /** shown on the paper form as a note under the title */
  note?: string;
  fields: readonly FormField[];
}

export const APPLICATION_FORM_TITLE = '政府信息公开申请表';

export const APPLICATION_FORM: readonly FormSection[] = [
  {
    title: '申请人类型',
    fields: [{ name: 'applicantType', label: '申请人类型', type: 'choice', required: true, options: ['公民', '法人或者其他组织'] }],
  },
  {
    title: '申请人信息（公民）',
    note: '申请人为公民的填写本栏。',
    fields: [
      { name: 'name', label: '姓名', type: 'text' },
      { name: 'employer', label: '工作单位', type: 'text' },
      { name: 'idType', label: '证件名称', type: 'text' },
      { name: 'idNumber', label: '证件号码', type: 'text' },
    ],
  },
  {
    title: '申请人信息（法人或者其他组织）',
    note: '申请人为法人或者其他组织的填写本栏。',
    fields: [
      { name: 'orgName', label: '名称', type: 'text' },
      { name: 'orgCode', label: '统一社会信用代码', type: 'text' },
      { name: 'legalRep', label: '法定代表人或负责人', type: 'text' },
      { name: 'contactPerson', label: '联系人姓名', type: 'text' },
    ],
  },
  {
    title: '联系方式',
    fields: [
      { name: 'phone', label: '联系电话', type: 'tel', required: true },
      { name: 'email', label: '电子邮箱', type: 'email' },
      { name: 'address', label: '通信地址', type: 'text', required: true },
      { name: 'postcode', label: '邮政编码', type: 'text' },
    ],
  },
  {
    title: '所需政府信息情况',
    fields: [
      { name: 'infoTitle', label: '所需政府信息的名称', type: 'text' },
      { name: 'infoNumber', label: '文号', type: 'text' },
      { name: 'infoDescription', label: '所需政府信息的内容描述（便于查询的其他特征性描述）', type: 'textarea', required: true },
    ],
  },
  {
    title: '获取方式和载体',
    fields: [
      { name: 'delivery', label: '获取信息的方式', type: 'choice', required: true, options: ['邮寄', '电子邮件', '当面领取', '现场查阅'] },
      { name: 'medium', label: '信息的载体形式', type: 'choice', required: true, options: ['纸质文本', '电子文本'] },
    ],
  },
  {
    title: '申请人签名（盖章）',
    note: '在线提交无需签名；纸质申请请签名或盖章。',
    fields: [{ name: 'date', label: '申请日期', type: 'date', required: true }],
  },
];

/** Every label of the form, in order (section titles, field labels and options). */
export function applicationFormLabels(): string[] {
  return APPLICATION_FORM.flatMap((s) => [s.title, ...s.fields.flatMap((f) => [f.label, ...(f.options ?? [])])]);
}

/** The downloadable copy (public/files/…), linked from the apply page. */
export const APPLICATION_FORM_FILE = 'files/zhengfu-xinxi-gongkai-shenqingbiao.txt';
