/**
 * The integrators' REST API (`/api/v1/…`, decision 031): each stable path names the tRPC procedure it runs. A query is
 * a GET whose input comes from the path and the query string; a mutation is a POST whose input is the JSON body plus
 * the path's parameters. Paths never change once published: a new shape gets a new path.
 */
export interface RestOperation {
  method: 'GET' | 'POST';
  /** OpenAPI style, under `/api`: `/v1/catalog/regions/{regionId}`. */
  path: string;
  procedure: string;
  operationId: string;
  summary: string;
  /** Whether the procedure needs an integration key (`Authorization: Bearer ik_…`); false: public. */
  key: boolean;
  /** The scope the key must hold; null: any valid key (or none, for a public procedure). */
  scope: string | null;
  tag: string;
}

export const restOperations: readonly RestOperation[] = [
  {
    method: 'GET',
    path: '/v1/catalog/regions',
    procedure: 'catalog.regions',
    operationId: 'listRegions',
    summary: '区域列表（含当前招生季名称）',
    key: false,
    scope: null,
    tag: '招生目录',
  },
  {
    method: 'GET',
    path: '/v1/catalog/regions/{regionId}',
    procedure: 'catalog.region',
    operationId: 'getRegion',
    summary: '区域的当前招生季、报名入口及其报名时间',
    key: false,
    scope: null,
    tag: '招生目录',
  },
  {
    method: 'GET',
    path: '/v1/me',
    procedure: 'integration.whoami',
    operationId: 'whoami',
    summary: '当前密钥：名称、权限、所属学校与有效期',
    key: true,
    scope: null,
    tag: '集成',
  },
  {
    method: 'GET',
    path: '/v1/schools',
    procedure: 'integration.schools',
    operationId: 'listSchools',
    summary: '各区域已发布招生季的学校及计划学位',
    key: true,
    scope: 'catalog.read',
    tag: '集成',
  },
  {
    method: 'GET',
    path: '/v1/schools/{schoolId}/placements',
    procedure: 'integration.placements',
    operationId: 'listPlacements',
    summary: '学校的审核通过、派位与确认入学名单（每次读取均记入审计）',
    key: true,
    scope: 'placements.read',
    tag: '集成',
  },
  {
    method: 'GET',
    path: '/v1/statistics',
    procedure: 'integration.statistics',
    operationId: 'getStatistics',
    summary: '按第一志愿学校与状态统计的报名数',
    key: true,
    scope: 'statistics.read',
    tag: '集成',
  },
  {
    method: 'POST',
    path: '/v1/applications/{applicationId}/decision',
    procedure: 'integration.decide',
    operationId: 'decideApplication',
    summary: '提交学校审核决定（学校审核通过 / 驳回）',
    key: true,
    scope: 'decisions.write',
    tag: '集成',
  },
];

/** `/v1/a/{id}` → `/v1/a/:id`, as Hono routes name parameters. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The names of a path's parameters, in order. */
export const pathParameters = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
