/** The self-test's faulty variant of where stored items live (layout.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LAYOUT_FAULTS = {
  'file-names-decimal': {
    // Names the file by its decimal sequence number in place of six hexadecimal digits.
    storedItemPath: (rule) => (folder, seq, fileName) =>
      rule(folder, seq, fileName).replace(/[0-9a-f]{6}(?=\.[^./]+$)/, String(seq)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
