/**
 * Seed: 桃江县 · 桃花江镇 · 2024年秋季义务教育阶段入学报名.
 *
 * Source: the parents' guide, 桃江县中小学入学报名平台操作须知 (shared reference taojiang-enrollment-guide.zh.txt).
 * Channel names and definitions follow the guide's table (section 一) word for word; the pages
 * summarise sections 二 and 三 for the web platform (mobile + SMS code sign-in instead of WeChat).
 */
import { taojiangTiers } from '../../src/domain/placement/taojiang-tiers';
import type { ChannelDocument } from '../../src/domain/catalog';
import type { SeedChannel, SeedEntry, SeedPage, SeedSchool, SeedSeason, SeedTrack } from './types';

// ---------------------------------------------------------------------------
// Registration window (guide 三(一): 7月15日零时开放，至7月25日24时关闭，共11天; closesAt is exclusive)
// ---------------------------------------------------------------------------

const opensAt = '2024-07-15T00:00:00+08:00';
const closesAt = '2024-07-26T00:00:00+08:00';

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

/** Needed by every channel: 学生本人及其父母的户口簿、父母的身份证原件; 出生医学证明 only when the hukou lacks the relation. */
const commonDocuments: readonly ChannelDocument[] = [
  { kind: 'student-hukou', name: '学生本人户口簿页' },
  { kind: 'father-hukou', name: '父亲户口簿页' },
  { kind: 'mother-hukou', name: '母亲户口簿页' },
  { kind: 'father-id-card', name: '父亲身份证', twoSided: true },
  { kind: 'mother-id-card', name: '母亲身份证', twoSided: true },
  {
    kind: 'birth-certificate',
    name: '出生医学证明',
    note: '户口簿不能体现亲子关系的，请上传儿童出生医学证明。',
    condition: 'hukou_lacks_relation',
  },
];

/** The common documents followed by the channel's own ones. */
const withCommon = (...specific: ChannelDocument[]): ChannelDocument[] => [...commonDocuments, ...specific];

/** 园区证明: alone in the park-enterprise channel, an alternative to the licence in the business channel. */
const parkCertificate: ChannelDocument = {
  kind: 'park-certificate',
  name: '园区证明',
  note: '入园（桃江高新区）规模企业法人或高管由园区提供证明。',
};

// ---------------------------------------------------------------------------
// Channels (报名通道): defined once, referenced by the tracks below
// ---------------------------------------------------------------------------

const hukou: SeedChannel = {
  code: 'hukou',
  name: '县城区常住户籍学生',
  definition: '学生本人于2024年3月1日前取得中心城区户口。提供学生本人及其父母的户口簿、父母的身份证原件。（系统可查验）',
  eligibility: { check: 'hukou', before: '2024-03-01', verifiable: true, manualProof: false },
  documents: withCommon(),
};

const publicServant: SeedChannel = {
  code: 'public-servant',
  name: '在县城工作的国家公职人员子女',
  definition: '提供父母所调入的城区党政机关、事业单位工资或机关事业单位基本养老保险参保证明。（系统可查验）',
  eligibility: { check: 'public_servant', verifiable: true, manualProof: false },
  documents: withCommon(
    {
      kind: 'public-salary-proof',
      name: '城区党政机关、事业单位工资证明',
      note: '父母所调入的城区党政机关、事业单位出具。',
      alternativeGroup: 'public-servant-proof',
    },
    {
      kind: 'public-pension-proof',
      name: '机关事业单位基本养老保险参保证明',
      alternativeGroup: 'public-servant-proof',
    },
  ),
};

const military: SeedChannel = {
  code: 'military',
  name: '驻本县现役军人、军队文职人员子女；烈士、英模子女；今年转业干部、转业士官及部队军休人员子女',
  definition: '父母一方的现役军人、军队文职人员证件；相关证明；父母一方转业安置或军休相关证明。',
  eligibility: { check: 'military', verifiable: false, manualProof: true },
  documents: withCommon(
    {
      kind: 'military-id',
      name: '父母一方的现役军人、军队文职人员证件',
      alternativeGroup: 'military-proof',
    },
    {
      kind: 'military-related-proof',
      name: '相关证明',
      note: '烈士、英模子女提供相关证明。',
      alternativeGroup: 'military-proof',
    },
    {
      kind: 'military-transfer-proof',
      name: '父母一方转业安置或军休相关证明',
      alternativeGroup: 'military-proof',
    },
  ),
};

const property: SeedChannel = {
  code: 'property',
  name: '父母在城区有房产的子女',
  definition: [
    '1.父母的房屋产权证；（系统可查验）',
    '2.已购商品房，有房产网签备案信息的，提供不动产登记信息证明；',
    '3.父母居住公租房的须出具“公租房入住证明”；',
    '4.工矿、林场棚改等的原始住户由主管部门出具证明。',
  ].join('\n'),
  eligibility: { check: 'property', verifiable: true, manualProof: false },
  documents: withCommon(
    {
      kind: 'property-certificate',
      name: '父母的房屋产权证',
      note: '系统可查验。',
      alternativeGroup: 'property-proof',
    },
    {
      kind: 'real-estate-registration',
      name: '不动产登记信息证明',
      note: '已购商品房，有房产网签备案信息的提供。',
      alternativeGroup: 'property-proof',
    },
    {
      kind: 'public-rental-proof',
      name: '公租房入住证明',
      note: '父母居住公租房的提供。',
      alternativeGroup: 'property-proof',
    },
    {
      kind: 'original-resident-proof',
      name: '原始住户证明',
      note: '工矿、林场棚改等的原始住户，由主管部门出具证明。',
      alternativeGroup: 'property-proof',
    },
  ),
};

const business: SeedChannel = {
  code: 'business',
  name: '外来经商人员及入园（桃江高新区）规模企业法人、高管随迁子女',
  definition:
    '父母一方在城区取得企业营业执照或个体工商户营业执照，并连续经营1年以上（即在2023年9月1日前取得），提供工商营业执照。入园企业法人或高管由园区提供证明。',
  eligibility: { check: 'business', before: '2023-09-01', verifiable: true, manualProof: true },
  documents: withCommon(
    {
      kind: 'business-licence',
      name: '工商营业执照',
      note: '父母一方在城区取得的企业营业执照或个体工商户营业执照，须在2023年9月1日前取得。',
      alternativeGroup: 'business-proof',
    },
    { ...parkCertificate, alternativeGroup: 'business-proof' },
  ),
};

const migrantWorker: SeedChannel = {
  code: 'migrant-worker',
  name: '进城务工人员随迁子女',
  definition:
    '父母一方在城区连续务工满一年以上，提供桃江县人社部门一年以上职工基本养老保险参保缴费证明（即在2023年9月1日前取得）。（系统可查验）',
  eligibility: { check: 'pension', before: '2023-09-01', minInsuredMonths: 12, verifiable: true, manualProof: false },
  documents: withCommon({
    kind: 'pension-proof',
    name: '职工基本养老保险参保缴费证明',
    note: '由桃江县人社部门出具，参保缴费一年以上（即在2023年9月1日前取得）。',
  }),
};

/** 初中七年级 · 县城小学毕业生 only. The guide names no specific paper: reviewers judge what is uploaded. */
const other: SeedChannel = {
  code: 'other',
  name: '其他情况',
  definition: '此为城区小六毕业其他情况学生专用报名通道。',
  eligibility: { check: 'other', verifiable: false, manualProof: true },
  documents: withCommon({
    kind: 'other-situation-proof',
    name: '情况说明及相关证明材料',
    note: '请上传能说明孩子情况的材料，具体以教育局要求为准。',
  }),
};

/** Transfers only (the guide's 转学入学 row: park enterprises without the 外来经商 part). */
const parkEnterprise: SeedChannel = {
  code: 'park-enterprise',
  name: '入园（桃江高新区）规模企业法人、高管随迁子女',
  definition: '入园企业法人或高管由园区提供证明。',
  eligibility: { check: 'park_enterprise', verifiable: false, manualProof: true },
  documents: withCommon(parkCertificate),
};

/** 小学/初中入学: the six channels of the guide's table. */
const newStudentChannels: SeedChannel[] = [hukou, publicServant, military, property, business, migrantWorker];

/** 转学入学: the five channels of the guide's table. */
const transferChannels: SeedChannel[] = [hukou, publicServant, military, property, parkEnterprise];

// ---------------------------------------------------------------------------
// Entries (报名入口) and tracks
// ---------------------------------------------------------------------------

export const grade1Tracks: SeedTrack[] = [
  {
    code: 'primary-new',
    name: '小学一年级新生',
    description: '今年秋季上小学一年级的孩子，共六个报名通道。',
    level: 'primary',
    gradeMin: 1,
    gradeMax: 1,
    channels: newStudentChannels,
  },
];

export const grade7Tracks: SeedTrack[] = [
  {
    code: 'town-graduates',
    name: '县城小学毕业生',
    description: '在县城小学读完六年级、今年小学毕业的学生。',
    level: 'junior',
    gradeMin: 7,
    gradeMax: 7,
    channels: [...newStudentChannels, other],
  },
  {
    code: 'non-town-graduates',
    name: '非县城小学毕业生',
    description: '在县城以外的小学毕业、今年申请到县城读初一的学生。',
    level: 'junior',
    gradeMin: 7,
    gradeMax: 7,
    channels: newStudentChannels,
  },
];

const transferTracks: SeedTrack[] = [
  {
    code: 'primary-transfer',
    name: '小学插班生',
    description: '申请插班转入县城小学二年级至六年级的学生。',
    level: 'primary',
    gradeMin: 2,
    gradeMax: 6,
    channels: transferChannels,
  },
  {
    code: 'junior-transfer',
    name: '初中插班生',
    description: '申请插班转入县城初中八年级至九年级的学生。',
    level: 'junior',
    gradeMin: 8,
    gradeMax: 9,
    channels: transferChannels,
  },
];

const entries: SeedEntry[] = [
  {
    code: 'grade1',
    name: '小学一年级新生',
    description:
      '适用于今年秋季上小学一年级的孩子：到2024年8月31日年满6周岁（2018年8月31日及以前出生）。二至六年级转学请走“插班生转学”入口。',
    opensAt,
    closesAt,
    tracks: grade1Tracks,
  },
  {
    code: 'grade7',
    name: '初中七年级新生',
    description:
      '适用于2024年小学毕业、今年秋季上初一（七年级）的学生。在县城小学毕业的选“县城小学毕业生”，在县城以外小学毕业的选“非县城小学毕业生”。',
    opensAt,
    closesAt,
    tracks: grade7Tracks,
  },
  {
    code: 'transfer',
    name: '插班生转学',
    description: '适用于申请插班转学的学生：小学二年级至六年级、初中八年级至九年级。一年级、七年级新生请不要从这里报名。',
    opensAt,
    closesAt,
    tracks: transferTracks,
  },
];

// ---------------------------------------------------------------------------
// Communities and schools
// NOTE: illustrative demo data. The names below are plausible for 桃江县桃花江镇 but are not an
// official list; school names, capacities, addresses, 咨询电话 and catchments (招生范围) are invented for the demo,
// as are the bureau's number and the ICP record number of the region below.
// ---------------------------------------------------------------------------

const communities = [
  '资江社区',
  '桃花社区',
  '迎宾社区',
  '凤凰山社区',
  '三里桥社区',
  '牛潭河社区',
  '花果山社区',
  '桃谷山社区',
  '美人窝社区',
  '羞女山社区',
  '高桥社区',
  '石牛江村',
  '狮子山村',
  '竹金村',
] as const;

type Community = (typeof communities)[number];

/** Catchment list, checked against `communities` at compile time. */
const serves = (...names: Community[]): string[] => names;

const primarySchools: SeedSchool[] = [
  {
    code: 'shiyan-primary',
    name: '桃江县实验小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 450 }],
    address: '桃江县桃花江镇桃花中路56号',
    contactPhone: '0737-8821107',
    communities: serves('资江社区', '桃花社区', '迎宾社区', '凤凰山社区', '美人窝社区'),
  },
  {
    code: 'taohuajiang-primary',
    name: '桃江县桃花江小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 405 }],
    address: '桃江县桃花江镇桃花西路18号',
    contactPhone: '0737-8822114',
    communities: serves('桃花社区', '三里桥社区', '资江社区', '花果山社区', '迎宾社区'),
  },
  {
    code: 'zijiang-primary',
    name: '桃江县资江小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 360 }],
    address: '桃江县桃花江镇资江路112号',
    contactPhone: '0737-8823121',
    communities: serves('资江社区', '牛潭河社区', '羞女山社区', '美人窝社区'),
  },
  {
    code: 'fenghuangshan-primary',
    name: '桃江县凤凰山小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 315 }],
    address: '桃江县桃花江镇凤凰山路8号',
    contactPhone: '0737-8824128',
    communities: serves('凤凰山社区', '高桥社区', '狮子山村', '花果山社区'),
  },
  {
    code: 'sanliqiao-primary',
    name: '桃江县三里桥小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 270 }],
    address: '桃江县桃花江镇三里桥路25号',
    contactPhone: '0737-8825135',
    communities: serves('三里桥社区', '桃谷山社区', '竹金村', '牛潭河社区'),
  },
  {
    code: 'taogushan-primary',
    name: '桃江县桃谷山小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 225 }],
    address: '桃江县桃花江镇桃谷山路3号',
    contactPhone: '0737-8826142',
    communities: serves('桃谷山社区', '石牛江村', '羞女山社区', '高桥社区'),
  },
  {
    code: 'shiniujiang-primary',
    name: '桃江县桃花江镇石牛江完全小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 180 }],
    address: '桃江县桃花江镇石牛江村石牛江组',
    contactPhone: '0737-8827149',
    communities: serves('石牛江村', '竹金村', '狮子山村'),
  },
];

const juniorSchools: SeedSchool[] = [
  {
    code: 'taohuajiang-junior',
    name: '桃江县桃花江中学',
    level: 'junior',
    places: [{ entry: 'grade7', grade: 7, places: 700 }],
    address: '桃江县桃花江镇桃花东路20号',
    contactPhone: '0737-8828156',
    communities: serves('桃花社区', '资江社区', '迎宾社区', '三里桥社区', '花果山社区', '美人窝社区', '竹金村'),
  },
  {
    code: 'zijiang-junior',
    name: '桃江县资江中学',
    level: 'junior',
    places: [{ entry: 'grade7', grade: 7, places: 600 }],
    address: '桃江县桃花江镇资江路200号',
    contactPhone: '0737-8829163',
    communities: serves('资江社区', '牛潭河社区', '羞女山社区', '美人窝社区', '桃谷山社区', '石牛江村', '桃花社区'),
  },
  {
    code: 'fenghuangshan-junior',
    name: '桃江县凤凰山中学',
    level: 'junior',
    places: [{ entry: 'grade7', grade: 7, places: 500 }],
    address: '桃江县桃花江镇凤凰山路66号',
    contactPhone: '0737-8830170',
    communities: serves('凤凰山社区', '高桥社区', '狮子山村', '花果山社区', '三里桥社区', '迎宾社区'),
  },
  {
    // 九年一贯制学校; only its junior section (初中部) takes part here.
    code: 'taohuajiang-shiyan-junior',
    name: '桃江县桃花江实验学校（初中部）',
    level: 'junior',
    places: [{ entry: 'grade7', grade: 7, places: 400 }],
    address: '桃江县桃花江镇迎宾路9号',
    contactPhone: '0737-8831177',
    communities: serves('桃谷山社区', '石牛江村', '竹金村', '狮子山村', '凤凰山社区', '高桥社区', '牛潭河社区', '羞女山社区'),
  },
];

// ---------------------------------------------------------------------------
// Pages (admin-editable). Body format: plain text, "## " headings, "- " list items, blank lines between paragraphs.
// ---------------------------------------------------------------------------

const policyPage: SeedPage = {
  slug: 'policy',
  title: '桃花江镇2024年秋季县城义务教育阶段招生工作方案',
  body: `本页根据《桃江县中小学入学报名平台操作须知》整理，供家长报名前阅读。具体以教育局公布为准。

## 一、招生范围

- 小学一年级新生：到2024年8月31日年满6周岁的适龄儿童。
- 初中七年级新生：2024年小学毕业生，分“县城小学毕业生”和“非县城小学毕业生”两类报名。
- 插班生：申请插班转学到小学二年级至六年级、初中八年级至九年级的学生。
- 一、七年级新生及其他年级插班生均需网上报名。

## 二、报名时间

桃花江镇入学报名平台于2024年7月15日零时开放，至7月25日24时关闭，共开放11天。请在规定时间内登录平台报名，提前或延后都将无法报名。

## 三、报名入口

- 小学一年级新生：点击“桃花江镇小学一年级新生报名入口”。
- 初一新生：点击“桃花江镇初中七年级新生报名入口”。
- 小学二年级至六年级、初中八年级至九年级插班生：点击“桃花江镇插班生转学报名入口”。

请看清报名入口，根据自己的真实情况选择，防止选错影响学位申报。

## 四、报名通道

小学一年级新生、初中七年级新生（县城小学毕业生和非县城小学毕业生）设以下六个报名通道：

- 县城区常住户籍学生：学生本人于2024年3月1日前取得中心城区户口。（系统可查验）
- 在县城工作的国家公职人员子女：提供父母所调入的城区党政机关、事业单位工资或机关事业单位基本养老保险参保证明。（系统可查验）
- 驻本县现役军人、军队文职人员子女；烈士、英模子女；今年转业干部、转业士官及部队军休人员子女：提供父母一方的现役军人、军队文职人员证件；相关证明；父母一方转业安置或军休相关证明。
- 父母在城区有房产的子女：提供父母的房屋产权证（系统可查验）；或已购商品房、有房产网签备案信息的，提供不动产登记信息证明；或父母居住公租房的，出具“公租房入住证明”；或工矿、林场棚改等的原始住户，由主管部门出具证明。
- 外来经商人员及入园（桃江高新区）规模企业法人、高管随迁子女：父母一方在城区取得企业营业执照或个体工商户营业执照，并连续经营1年以上（即在2023年9月1日前取得），提供工商营业执照；入园企业法人或高管由园区提供证明。
- 进城务工人员随迁子女：父母一方在城区连续务工满一年以上，提供桃江县人社部门一年以上职工基本养老保险参保缴费证明（即在2023年9月1日前取得）。（系统可查验）

初中七年级县城小学毕业生另设：

- 其他情况：此为城区小六毕业其他情况学生专用报名通道。

插班生转学（小学插班生、初中插班生分开报名）设以下五个报名通道：

- 县城区常住户籍学生
- 在县城工作的国家公职人员子女
- 驻本县现役军人、军队文职人员子女；烈士、英模子女；今年转业干部、转业士官及部队军休人员子女
- 父母在城区有房产的子女
- 入园（桃江高新区）规模企业法人、高管随迁子女：入园企业法人或高管由园区提供证明。

以上插班生通道的条件和材料与新生相同通道一致。

## 五、报名材料

- 各类报名通道均需提供学生本人及其父母的户口簿、父母的身份证原件。
- 准确填写学生本人及其父母的姓名、身份证号码。
- 户口簿不能体现亲子关系的，请上传儿童出生医学证明。
- 各通道另需的证明材料，见平台上该通道的说明。

## 六、填报学校

每名学生须选择两所符合招生范围及政策要求的不同学校。

## 七、资料审核

报名平台已与湖南省相关权威部门进行了数据对接，报名所提交的身份证信息、户籍信息、房产信息、社保信息等会通过后台直接比对，实现全省联网查询，验证数据的真实性。

- 资料提交后先进行网上初步审核，再进入学校审核阶段。
- 正式提交后，若没有收到驳回需重新提交的通知，说明孩子的资料暂没问题，在正常的审核及派位状态，请耐心等待审核结果。
- 若资料有错被驳回，将收到短信或电话通知。请登录平台进入“报名进度”，查看驳回原因，重新修改提交。

## 八、兄弟姐妹就读同校

有亲哥哥（姐姐）在某一学校就读，希望进入同一学校就读的，请填写哥哥（姐姐）的身份证号码，在备注栏中予以说明。同时上传哥哥（姐姐）的户口页（能显示亲兄弟、亲姐妹关系）和哥哥（姐姐）的学籍卡，视学位情况，优先考虑。

## 九、特别提示

- 系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。
- 家长须保证所提交报名资料的真实性、准确性。如因家长虚假填写相关信息造成子女无法就读所报学校，其后果由家长自行承担。
- 请仔细阅读招生政策，根据实情选择正确的报名类别和报名通道，认真填报资料，反复确认无误再提交。`,
};

const manualPage: SeedPage = {
  slug: 'manual',
  title: '家长操作手册',
  body: `请按以下步骤完成网上报名。报名时间：2024年7月15日零时至7月25日24时。

## 第一步：注册及登录

点击首页的“登录”，输入手机号，获取并填写短信验证码，即完成注册及登录，不需要设置密码。

- 这个手机号用于接收审核短信通知，请使用本人常用的手机号。
- 下次登录时，用同一手机号获取验证码登录，就会进入自己的个人界面。

## 第二步：仔细阅读政策

报名前，请仔细阅读桃花江镇2024年秋季县城义务教育阶段招生工作方案。操作方面有疑问，可查看本手册或常见问题。熟悉政策及平台操作步骤后再报名。

## 第三步：选择报名入口

- 小学一年级新生：选“小学一年级新生”入口。
- 初一新生：选“初中七年级新生”入口。
- 小学二年级至六年级、初中八年级至九年级插班生：选“插班生转学”入口。

请看清报名入口，根据自己的真实情况选择，防止选错影响学位申报。

## 第四步：添加孩子信息

进入报名入口后，先完善孩子信息：输入孩子姓名、证件类型和证件号码。这是孩子报名的基础信息。

- 学生姓名和身份证号请务必输入准确。姓名不能出现错别字、同音字，要与户口簿保持一致。
- 发现姓名填错了：进入“个人中心—我的孩子”，点击填错的学生姓名，修改后点击“确认”。
- 有多个孩子同时报名：进入“个人中心—我的孩子”，点击“添加孩子”。一个家长账号可以绑定多个孩子。
- 如果提示孩子信息已被某个手机号绑定，请先问问使用该手机号的家人是否已帮孩子注册过。

## 第五步：选择报名通道

点击孩子进入报名通道界面。每个通道下方都有定义说明和需要准备的材料，请根据家庭真实情况选择正确的报名通道，再点击“资料提交”。

- 小学一年级有六个报名通道。
- 初中七年级分县城小学毕业生和非县城小学毕业生报名通道。
- 插班生转学分小学插班生报名通道和初中插班生报名通道。

请仔细阅读，避免选错通道延误报名。

## 第六步：填写资料并上传

先仔细阅读报名须知，点击“同意”后，按页面提示填写学生及父母的姓名、身份证号码等信息，并上传所需材料的照片。

- 填写的信息必须与原件资料保持一致，不能有空格、错别字、同音字等。
- 各通道都需要学生本人及父母的户口簿页、父母的身份证；户口簿不能体现亲子关系的，还要上传儿童出生医学证明。

## 第七步：选择两所学校

点击“下一步”，进入最重要的学校填报：选择两所符合招生范围及政策要求的不同学校。

有亲哥哥（姐姐）在某一学校就读、希望进入同一学校的，请填写哥哥（姐姐）的身份证号码，在备注栏中说明，并上传哥哥（姐姐）的户口页（能显示亲兄弟、亲姐妹关系）和学籍卡。

## 第八步：预览并提交

点击“预览”，再次检查填写的所有报名信息。

- 检查无误：点击“提交资料”，出现“报名信息提交成功”才算提交完成。
- 需要修改：点击“返回”，重新填写和修改。

## 第九步：查看报名进度

在首页进入“报名进度”，可以查看报名进度和撤回申请。

- 显示“审核中”，说明资料提交成功，正在审核，请耐心等待。
- 进度有更新时，会通过短信通知家长；重新进入报名平台后，首页会有红点提示。
- 资料被驳回时，可在“报名进度”中查看驳回原因，修改后重新提交。

## 第十步：撤回修改

报名期间如需自行修改已提交的资料，可在“报名进度”中进入“修改已提交的资料”，点击“如需修改，请点击撤回”。

- 每个学生只有2次撤回的机会，请谨慎操作。
- 撤回后修改资料，需要按照之前的流程重新提交报名。
- 资料一旦通过网上初步审核、进入学校审核阶段，就不能再撤回。`,
};

export const faqPage: SeedPage = {
  slug: 'faq',
  title: '常见问题',
  body: `## 添加孩子时提示“孩子信息已被某手机号绑定”，怎么办？

请先咨询使用该手机号的家属，是否已帮孩子进行了注册操作。如果其中一方家长想解除与孩子的绑定，让另一方家长报名，可以由已绑定的一方进入“个人中心—我的孩子”，点击孩子进入，再点击下方的“删除”按钮，即完成解绑。

## 孩子的姓名填错了，怎么改？

进入“个人中心—我的孩子”，点击填错的学生姓名进行修改，再点击“确认”即修改成功。姓名不能出现错别字、同音字，要与户口簿保持一致。

## 有两个孩子要报名，需要注册两个账号吗？

不需要。一个家长账号可以绑定多个孩子，进入“个人中心—我的孩子”，点击“添加孩子”即可。

## 提交后发现资料填错了，怎么办？

进入“报名进度”，点击审核中的报名，进入“修改已提交的资料”，再点击下方的“如需修改，请点击撤回”，修改后重新提交。每个学生仅能撤回2次。正式进入学校审核阶段后就不能撤回，请反复确认无误后再提交。

## 资料被驳回了，怎么办？

资料有错被驳回时，会收到短信或电话通知。请登录平台进入“报名进度”，查看驳回原因，重新修改提交。再次上传资料时请谨慎操作。

## 提交后一直没有消息，正常吗？

正常。正式提交后，若没有收到驳回需重新提交的通知，说明孩子的资料暂没问题，在正常的审核及派位状态，请耐心等待审核结果。

## 早点报名能优先分到学校吗？

不能。系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。网上报名共开放11天（7月15日零时至7月25日24时），请在规定时间内报名，提前或延后都将无法报名。

## 哥哥（姐姐）已在某所学校读书，弟弟（妹妹）能去同一所学校吗？

希望进入同一学校就读的，请在填报学校时填写哥哥（姐姐）的身份证号码，在备注栏中予以说明，并上传哥哥（姐姐）的户口页（能显示亲兄弟、亲姐妹关系）和学籍卡，视学位情况，优先考虑。

## 什么情况下要上传出生医学证明？

户口簿不能体现亲子关系的，请上传儿童出生医学证明。户口簿能体现亲子关系的，不需要上传。

## 不确定该选哪个入口或通道，怎么办？

一年级新生选“小学一年级新生”入口；初一新生选“初中七年级新生”入口；小学二至六年级、初中八至九年级插班生选“插班生转学”入口。通道请根据家庭真实情况选择，每个通道都有说明，请仔细阅读后再选，避免选错延误报名。`,
};

export const declarationPage: SeedPage = {
  slug: 'declaration',
  title: '报名须知',
  body: `请在填写报名资料前仔细阅读以下内容。

2024年桃江县义务教育阶段招生入学报名平台已与湖南省相关权威部门进行了数据对接，报名所提交的身份证信息、户籍信息、房产信息、社保信息等会通过后台直接比对，实现全省联网查询，验证数据的真实性。

请各位监护人确保所填信息真实、准确：

- 填写信息必须与原件资料保持一致，不能有空格、错别字、同音字等。
- 学生本人及其父母的姓名、身份证号码须准确填写。
- 如有虚假内容，影响孩子无法正常入学，由监护人自己负责。

家长须保证所提交报名资料的真实性、准确性。如因家长虚假填写相关信息造成子女无法就读所报学校，其后果由家长自行承担。

点击“同意”，即表示您已阅读并同意以上须知。`,
};

// ---------------------------------------------------------------------------

export const taojiang2024: SeedSeason = {
  region: {
    code: 'taohuajiang',
    name: '桃花江镇',
    contactPhone: '0737-8822011',
    address: '桃江县桃花江镇桃花中路1号 县教育局招生办',
    sponsor: '桃江县教育局',
    icp: '湘ICP备00000000号-1',
    sort: 0,
  },
  season: { code: '2024-autumn', name: '2024年秋季', year: 2024 },
  communities: [...communities],
  entries,
  schools: [...primarySchools, ...juniorSchools],
  pages: [policyPage, manualPage, faqPage, declarationPage],
  placementTiers: taojiangTiers,
};
