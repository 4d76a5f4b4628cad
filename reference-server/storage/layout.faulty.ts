/** The self-test's faulty variants of where stored items live and how they are named (layout.ts). */
import { extensionOf } from '../../conformance/spec/file-types.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const LAYOUT_FAULTS = {
  'file-names-decimal': {
    // Names the file by its decimal sequence number in place of six hexadecimal digits.
    storedItemPath: (rule) => (folder, seq, fileName) =>
      rule(folder, seq, fileName).replace(/[0-9a-f]{6}(?=\.[^./]+$)/, String(seq)),
  },
  'file-extension-lower-case': {
    // Keeps the extension as the device named it, lower case included.
    storedItemPath: (rule) => (folder, seq, fileName) =>
      rule(folder, seq, fileName).replace(/\.[^./]+$/, `.${extensionOf(fileName)}`),
  },
  'file-names-unpadded-hex': {
    // Names the file by its hexadecimal sequence number without the zero padding to six digits.
    storedItemPath: (rule) => (folder, seq, fileName) =>
      rule(folder, seq, fileName).replace(/[0-9a-f]{6}(?=\.[^./]+$)/, seq.toString(16)),
  },
  'job-folder-time-with-colons': {
    // Writes the job folder's time as a clock shows it, 2021-07-19-15:43:34: a colon, which FAT refuses.
    storedItemPath: (rule) => (folder, seq, fileName) =>
      rule(folder.replace(/-(\d\d)-(\d\d)-(\d\d)$/, '-$1:$2:$3'), seq, fileName),
  },
  'extension-after-first-dot': {
    // Reads the extension as what follows the name's first dot, as name.split('.')[1] does.
    storedItemPath: (rule) => (folder, seq, fileName) => rule(folder, seq, `_.${fileName.split('.')[1] ?? ''}`),
  },
  'sequence-from-zero': {
    // Starts each device folder's sequence at 000000 instead of 000001.
    storedItemPath: (rule) => (folder, seq, fileName) => rule(folder, seq - 1, fileName),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
