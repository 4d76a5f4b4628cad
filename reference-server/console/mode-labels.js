/* The two choices of "Add or migrate device" (seed 000 §7.1), worded as the seed words them; the pairing dialog repeats
 * the one chosen. */

export const MODE_LABELS = {
  add: 'Add new device for backup without migration',
  migrate: 'Migrate backup content of existing device to a new device',
};
