import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Mechanism, mechanisms } from '../domain/placement/input';
import { verifyPublished } from '../domain/placement/verify';

const usage = '用法：npm run placement:verify -- --inputs <file> --seed <hex> [--mechanism da|ia] --results <file>';

/** Recomputes a published placement and says whether the result file is identical: 0 identical, 1 different, 2 usage or unreadable file. */
export async function main(args: readonly string[], out: (line: string) => void = console.info): Promise<number> {
  let values: { inputs?: string; seed?: string; mechanism?: string; results?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        inputs: { type: 'string' },
        seed: { type: 'string' },
        mechanism: { type: 'string', default: 'da' },
        results: { type: 'string' },
      },
    }));
  } catch (error) {
    out(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const mechanism = values.mechanism as Mechanism;
  if (!values.inputs || !values.seed || !values.results || !mechanisms.includes(mechanism)) {
    out(usage);
    return 2;
  }
  let inputsText: string;
  let resultsText: string;
  try {
    inputsText = readFileSync(values.inputs, 'utf8');
    resultsText = readFileSync(values.results, 'utf8');
  } catch (error) {
    out(`无法读取文件：${(error as Error).message}`);
    return 2;
  }
  const verification = await verifyPublished({ inputsText, seed: values.seed, mechanism, resultsText });
  out(`输入文件 SHA-256：${verification.inputsSha256}`);
  out(`结果文件 SHA-256：${verification.resultsSha256}`);
  if (verification.identical) {
    out('一致：由输入文件和种子重新计算的结果与公布的结果文件逐字节相同');
    return 0;
  }
  out(`不一致：${verification.problem}`);
  const difference = verification.firstDifference;
  if (difference) {
    out(`第一处不同在第 ${difference.line} 行`);
    out(`  重新计算：${difference.expected ?? '（无此行）'}`);
    out(`  公布文件：${difference.published ?? '（无此行）'}`);
  }
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
