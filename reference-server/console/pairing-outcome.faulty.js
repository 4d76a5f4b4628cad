/* The self-test's faulty pairing-outcome.js (console-migration-names-swapped): the two devices in each other's place. */
import { additionSaid, migrationSaid } from './outcome-words.js';

export const pairingOutcome = (original, paired) => (original ? migrationSaid(paired, original) : additionSaid(paired));
