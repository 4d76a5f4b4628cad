/** Option parsing shared by every command: values that start with a dash, and forgotten values. */
import { describe, expect, it } from 'vitest';
import { defineCommand, EXIT, parseOptions, UsageError } from '../../cli/command.js';

const command = defineCommand({
  summary: 'test command',
  options: {
    'console-key': { type: 'string', description: 'key' },
    seed: { type: 'string', description: 'seed' },
    json: { type: 'boolean', description: 'JSON' },
  },
  run: async () => EXIT.ok,
});

describe('parseOptions', () => {
  it('takes a value that starts with a dash as the value of the option before it', () => {
    expect(parseOptions(command, ['--console-key', '-x3Q_k', '--seed', '-5', '--json'])).toEqual({
      'console-key': '-x3Q_k',
      seed: '-5',
      json: true,
    });
    expect(parseOptions(command, ['--console-key=-x3Q_k'])['console-key']).toBe('-x3Q_k');
    // A generated key can begin with two dashes too: it is still a value, not an unknown option.
    expect(parseOptions(command, ['--console-key', '--x3Q_k'])['console-key']).toBe('--x3Q_k');
  });

  it('does not take another of its options as a value, so a forgotten value is a usage error', () => {
    expect(() => parseOptions(command, ['--console-key', '--json'])).toThrow(/console-key/);
    expect(() => parseOptions(command, ['--seed'])).toThrow(/seed/);
    expect(() => parseOptions(command, ['--sede', '1'])).toThrow(UsageError);
  });
});
