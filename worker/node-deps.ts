import type { Db } from '../db/client';
import { localFiles } from '../src/adapters/files-local';
import { createNodeVault } from '../src/adapters/vault-node';
import type { AppDeps } from '../src/deps';
import { renderPolicyMarkdown } from '../src/render/policy-markdown';
import type { HostConfig } from './config';
import { buildDeps } from './deps';

/** The Node host's dependencies: documents in a local folder, Markdown rendered in the process, the vault on Node's crypto. */
export function buildNodeDeps(config: HostConfig, db: Db, overrides: Parameters<typeof buildDeps>[4] = {}): Promise<AppDeps> {
  return buildDeps(config, db, localFiles(config.filesDir), async (markdown) => renderPolicyMarkdown(markdown), {
    vault: createNodeVault(config.dataKey),
    ...overrides,
  });
}
