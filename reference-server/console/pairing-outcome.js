/* The pairing dialog's closing words: a migration from the original to the replacement, or the device added. */
import { additionSaid, migrationSaid } from './outcome-words.js';

export const pairingOutcome = (original, paired) => (original ? migrationSaid(original, paired) : additionSaid(paired));
