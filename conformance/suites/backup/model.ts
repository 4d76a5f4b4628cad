/**
 * The model of backup, resume and integrity (seed 000 §10): what is on the device, what the server holds and in
 * which tab, whether a job is open (stopped or held, and why), and what the current job stored. A job stopped or
 * held part-way may have confirmed any of its pending items (the seed sets no order), so the model then learns
 * which from the server and checks that they were pending; everything else it predicts.
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { Platform } from '../../../simulators/device/device-spec.js';

export interface DeviceEntry {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly contentSeed: number;
  /** Whether the platform backs it up (documents are Android-only). */
  readonly eligible: boolean;
}

export interface HeldEntry {
  readonly kind: ItemKind;
  readonly size: number;
  readonly contentSeed: number;
  tab: 'recent' | 'deleted';
}

export type OpenJob = 'held' | 'stopped' | undefined;

export interface BackupModel {
  readonly platform: Platform;
  device: DeviceEntry[];
  readonly held: Map<string, HeldEntry>;
  lan: boolean;
  battery: number;
  open: OpenJob;
  /** Items the current (or last) job stored, by hash. */
  jobStored: Map<string, ItemKind>;
  accounts: number;
  /** Items and 2FA accounts the commands added: the next one's name and album take the count as a serial. */
  added: number;
  /** Set when a job completed during the last command. */
  justCompleted: boolean;
  /** Items whose bytes on the server were already compared. */
  readonly compared: Set<string>;
}

export function newBackupModel(platform: Platform): BackupModel {
  return {
    platform,
    device: [],
    held: new Map(),
    lan: true,
    battery: 80,
    open: undefined,
    jobStored: new Map(),
    accounts: 0,
    added: 0,
    justCompleted: false,
    compared: new Set(),
  };
}

/** Why a backup holds now (power saving is on, as by default). */
export function holdReasonsOf(m: BackupModel): string[] {
  const reasons: string[] = [];
  if (!m.lan) reasons.push('not-on-backup-lan');
  if (m.battery < 30) reasons.push('battery-low');
  return reasons;
}

/** Hashes of the items the device has that the platform backs up. */
export function presentHashes(m: BackupModel): Set<string> {
  return new Set(m.device.filter((d) => d.eligible).map((d) => d.sha256));
}

/** Items a job still has to send. */
export function pendingHashes(m: BackupModel): Set<string> {
  return new Set([...presentHashes(m)].filter((sha) => !m.held.has(sha)));
}

/** A job that runs to its end: every pending item is stored, then the snapshot sorts the tabs. */
export function completeJob(m: BackupModel): void {
  for (const entry of m.device) {
    if (!entry.eligible || m.held.has(entry.sha256)) continue;
    storeItem(m, entry.sha256);
  }
  const present = presentHashes(m);
  for (const [sha, held] of m.held) held.tab = present.has(sha) ? 'recent' : 'deleted';
  m.open = undefined;
  m.justCompleted = true;
}

export function storeItem(m: BackupModel, sha256: string): void {
  const entry = m.device.find((d) => d.sha256 === sha256);
  if (!entry) throw new Error(`no device item with hash ${sha256}`);
  m.held.set(sha256, { kind: entry.kind, size: entry.size, contentSeed: entry.contentSeed, tab: 'recent' });
  m.jobStored.set(sha256, entry.kind);
}

/** A held job goes on by itself once nothing holds it. */
export function settle(m: BackupModel): void {
  if (m.open === 'held' && holdReasonsOf(m).length === 0) completeJob(m);
}

/** The result line the seed shows: Android counts Files, iOS does not. */
export function resultLine(m: BackupModel): string {
  const count = (kind: ItemKind) => [...m.jobStored.values()].filter((k) => k === kind).length;
  const parts = [`${count('photo')} Photos`, `${count('video')} Videos`];
  if (m.platform === 'android') parts.push(`${count('document')} Files`);
  return `${parts.join(', ')}, and ${m.accounts} 2FA Accounts`;
}
