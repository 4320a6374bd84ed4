/**
 * What a system holding an integration key may do. A key names its scopes; a procedure open to keys names the one
 * it needs, as staff procedures name roles.
 */
export const integrationScopes = {
  'catalog.read': '读取招生目录（学校、片区、招生计划）',
  'placements.read': '读取学校的审核通过、派位与录取名单',
  'decisions.write': '提交学校的审核决定',
  'statistics.read': '读取报名统计',
} as const;

export type IntegrationScope = keyof typeof integrationScopes;
