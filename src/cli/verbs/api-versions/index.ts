// kubectl api-versions: every group/version kubesim serves, one a line, sorted byte-wise.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { RESOURCES, apiVersionOf } from '../../../api/registry.js';
import { UsageError } from '../../../util/errors.js';

export function apiVersions(): string[] {
  return [...new Set(RESOURCES.map(apiVersionOf))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function run(ctx: Ctx, args: string[], _opts: Record<string, unknown>, _cmd: Command): Promise<void> {
  if (args.length) throw new UsageError(`unexpected arguments: [${args.join(' ')}]`, 'api-versions');
  ctx.out(apiVersions().map((v) => v + '\n').join(''));
}
