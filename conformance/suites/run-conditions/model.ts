/**
 * The run-conditions model (backup-held.ts): the phone's battery, charger, LAN and settings, the photos not yet
 * backed up and those on the server, and whether a job is held; the rules it holds backup by, how a held job goes
 * on when they clear, and where each run starts.
 */

export interface Model {
  battery: number;
  charging: boolean;
  lan: boolean;
  powerSaving: boolean;
  chargingOnly: boolean;
  pending: number;
  backedUp: number;
  /** A job was started and has not completed (it is held). */
  jobOpen: boolean;
}

/** The model's own statement of the rules: simpler than the app, written from the seed. */
export function expectedHolds(m: Model): string[] {
  const holds: string[] = [];
  if (!m.lan) holds.push('not-on-backup-lan');
  if (m.powerSaving && m.battery < 30) holds.push('battery-low');
  if (m.chargingOnly && !m.charging) holds.push('not-charging');
  return holds;
}

/** A held job goes on by itself as soon as nothing holds it. */
export function settle(m: Model): void {
  if (m.jobOpen && expectedHolds(m).length === 0) {
    m.backedUp += m.pending;
    m.pending = 0;
    m.jobOpen = false;
  }
}

export const START: Model = {
  battery: 80,
  charging: false,
  lan: true,
  powerSaving: true,
  chargingOnly: false,
  pending: 0,
  backedUp: 0,
  jobOpen: false,
};
