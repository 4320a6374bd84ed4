import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/domain/placement/hex';
import { placeWithSeed } from '../../src/domain/placement/place';
import { inputsFile, resultsFile } from '../../src/domain/placement/published-files';
import { main } from '../../src/placement/verify-cli';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'placement-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = '5eed'.repeat(16);
const input = {
  schools: [
    { code: 'A', seats: 1 },
    { code: 'B', seats: 1 },
  ],
  applicants: [
    { number: 'R', choices: [{ school: 'A', tier: 1 }] },
    {
      number: 'P',
      choices: [
        { school: 'A', tier: 2 },
        { school: 'B', tier: 1 },
      ],
    },
    { number: 'Q', choices: [{ school: 'B', tier: 2 }] },
  ],
};

async function publish(mechanism: 'da' | 'ia') {
  const inputsText = inputsFile(input);
  const results = resultsFile(placeWithSeed(input, seed, mechanism), seed, await sha256Hex(inputsText));
  const inputs = join(dir, 'inputs.json');
  writeFileSync(inputs, inputsText);
  writeFileSync(join(dir, `results-${mechanism}.json`), results);
  return { inputs, results: join(dir, `results-${mechanism}.json`), text: results };
}

async function verify(args: string[]) {
  const lines: string[] = [];
  const status = await main(args, (line) => lines.push(line));
  return { status, output: lines.join('\n') };
}

describe('npm run placement:verify', () => {
  it('says identical and exits 0 when the published results are recomputed byte for byte', async () => {
    const files = await publish('da');
    const run = await verify(['--inputs', files.inputs, '--seed', seed, '--results', files.results]);
    expect(run.status).toBe(0);
    expect(run.output).toContain('一致');
    expect(run.output).toContain(`结果文件 SHA-256：${await sha256Hex(files.text)}`);
  });

  it('checks the 志愿优先 results with --mechanism ia, and refuses them as deferred acceptance results', async () => {
    const files = await publish('ia');
    expect((await verify(['--inputs', files.inputs, '--seed', seed, '--mechanism', 'ia', '--results', files.results])).status).toBe(0);
    expect((await verify(['--inputs', files.inputs, '--seed', seed, '--results', files.results])).status).toBe(1);
  });

  it('exits 1 with the first different line when a result was changed', async () => {
    const files = await publish('da');
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, files.text.replace('"number":"Q","placed":null', '"number":"Q","placed":"B"'));
    const run = await verify(['--inputs', files.inputs, '--seed', seed, '--results', tampered]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('第一处不同在第 3 行');
    expect(run.output).toContain('"number":"Q","placed":null');
    expect(run.output).toContain('"number":"Q","placed":"B"');
  });

  it('exits 1 for another seed, and for an input file changed after the results were published', async () => {
    const files = await publish('da');
    expect((await verify(['--inputs', files.inputs, '--seed', 'f'.repeat(64), '--results', files.results])).status).toBe(1);
    const changed = join(dir, 'changed-inputs.json');
    writeFileSync(changed, inputsFile({ ...input, schools: [{ code: 'A', seats: 2 }, input.schools[1]!] }));
    expect((await verify(['--inputs', changed, '--seed', seed, '--results', files.results])).status).toBe(1);
  });

  it('exits 2 with its usage when an argument is missing, and when a file cannot be read', async () => {
    const run = await verify(['--seed', seed]);
    expect(run.status).toBe(2);
    expect(run.output).toContain('用法');
    expect((await verify(['--inputs', join(dir, 'missing.json'), '--seed', seed, '--results', join(dir, 'missing.json')])).status).toBe(2);
  });

  it('runs as a script through tsx with the same exit status', async () => {
    const files = await publish('da');
    const tsx = join(root, 'node_modules/.bin/tsx');
    const script = join(root, 'src/placement/verify-cli.ts');
    const ok = await promisify(execFile)(tsx, [script, '--inputs', files.inputs, '--seed', seed, '--results', files.results]);
    expect(ok.stdout).toContain('一致');
    const tampered = join(dir, 'tampered-script.json');
    writeFileSync(tampered, files.text.replace('"unplaced":1}', '"unplaced":0}'));
    await expect(promisify(execFile)(tsx, [script, '--inputs', files.inputs, '--seed', seed, '--results', tampered])).rejects.toMatchObject(
      { code: 1 },
    );
  }, 30_000);
});

describe('the worked example in docs/placement.md', () => {
  it('has the commitments, seed and file hashes the page prints', async () => {
    const { commitmentOf, seedOf } = await import('../../src/domain/placement/lottery');
    const reveals = [
      { observerId: 'notary', contribution: '7f1c2a9e4b6d8035' },
      { observerId: 'parent-rep', contribution: '桃花江 2024 第一场雨' },
    ];
    const page = (await import('node:fs')).readFileSync(join(root, 'docs/placement.md'), 'utf8');
    for (const r of reveals) expect(page).toContain(await commitmentOf(r.contribution));
    const exampleSeed = await seedOf(reveals);
    const example = {
      schools: [
        { code: 'shiyan-primary', seats: 1 },
        { code: 'taohuajiang-primary', seats: 1 },
      ],
      applicants: [
        { number: 'TH24-1-7K3M9Q', choices: [{ school: 'shiyan-primary', tier: 1 }] },
        {
          number: 'TH24-1-8P2D4X',
          choices: [
            { school: 'shiyan-primary', tier: 2 },
            { school: 'taohuajiang-primary', tier: 1 },
          ],
        },
        { number: 'TH24-1-9Q5T7Z', choices: [{ school: 'taohuajiang-primary', tier: 2 }] },
      ],
    };
    const inputsText = inputsFile(example);
    const resultsText = resultsFile(placeWithSeed(example, exampleSeed, 'da'), exampleSeed, await sha256Hex(inputsText));
    expect(page).toContain(`seed        ${exampleSeed}`);
    expect(page).toContain(`\`\`\`text\n${inputsText}\`\`\``);
    expect(page).toContain(`\`\`\`text\n${resultsText}\`\`\``);
    expect(page).toContain(`结果文件 SHA-256：${await sha256Hex(resultsText)}`);
  });
});
