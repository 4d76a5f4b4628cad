/**
 * `mbsc merge DIR... [--out DIR] [--allow-partial]`: joins the reports of the shards of one run (`--shard i/n`) into
 * the summary.json, index.html, junit.xml and allure-results/ the unsharded run would have written. Shards of
 * different runs are refused with the reason; a missing shard is reported and never passes the gate.
 */
import { defineCommand, type Command, type OptionSpec } from '../command.js';

const MERGE_OPTIONS = {
  out: { type: 'string', description: 'Report folder of the merged run', placeholder: 'DIR', default: 'reports/out' },
  'allow-partial': {
    type: 'boolean',
    description: 'Exit by the verdict even when a shard is missing (its requirements stay untested)',
  },
  'fail-on-untested': {
    type: 'boolean',
    description:
      'Make the merged run an error (exit 1) when a requirement that applies could not be checked (untested)',
  },
} as const;

export const mergeCommand = defineCommand({
  summary: 'Join the reports of the shards of one run (--shard i/n): mbsc merge DIR... [--out DIR].',
  options: MERGE_OPTIONS,
  async run(values, io) {
    const { merge } = await import('./merge-action.js');
    const flags = { allowPartial: values['allow-partial'], failOnUntested: values['fail-on-untested'] };
    return merge((values as { _dirs?: string[] })._dirs ?? [], values.out, flags, io);
  },
});

/**
 * Splits `merge`'s folders (operands) from its options, so the options still go through parseOptions. An operand
 * is any argument that is neither an option nor the value of a string option.
 */
export function splitOperands(command: Command, argv: readonly string[]): { options: string[]; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) operands.push(arg);
    else {
      options.push(arg);
      const spec: OptionSpec | undefined = command.options[arg.slice(2)];
      if (spec?.type === 'string' && !arg.includes('=') && i + 1 < argv.length) options.push(argv[++i] as string);
    }
  }
  return { options, operands };
}
