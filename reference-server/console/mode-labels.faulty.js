/* The self-test's faulty mode-labels.js (console-wizard-modes-swapped): each choice's button wears the other's label. */

export const MODE_LABELS = {
  add: 'Migrate backup content of existing device to a new device',
  migrate: 'Add new device for backup without migration',
};
