/**
 * When "Activate and start backup" pairs (seed 000 §6.2): once the detected code is confirmed with OK, never on
 * detection alone, so that Cancel leaves the phone unpaired (PAIR-03).
 */
export function pairsOn(moment: 'detected' | 'confirmed'): boolean {
  return moment === 'confirmed';
}
