/** `--fault a,b` and `--faults a,b`: names from the fault catalogue; an unknown one is a usage error naming the nearest. */
import { ClientError } from '../conformance/spec/errors.js';
import { parseFaults, type FaultName } from '../conformance/spec/faults.js';
import { UsageError } from './command.js';

export function faultsOption(value: string | undefined): FaultName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    return parseFaults(names);
  } catch (error) {
    if (error instanceof ClientError) throw new UsageError(error.message);
    throw error;
  }
}
