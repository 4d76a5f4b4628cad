/** The self-test's faulty variant of how the restore pages write a size (size-text.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const SIZE_TEXT_FAULTS = {
  'sizes-in-binary-units': {
    // Steps of 1024 with a space before the unit: 2.78GB of the seed would read "2.59 GB".
    sizeText: () => (bytes) => {
      const units = ['B', 'KB', 'MB', 'GB', 'TB'];
      let value = bytes;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return unit === 0 ? `${bytes} B` : `${value.toFixed(2)} ${units[unit]}`;
    },
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
