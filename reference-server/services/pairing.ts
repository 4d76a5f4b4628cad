/**
 * Pairing (seed 000 §7): the desktop side issues a single-use, expiring token; the app pairs with it as a new device
 * or as the replacement of an existing one. Every check runs before anything is written, so a refused pairing
 * changes nothing and does not use up the token. The backup folder a pairing chooses, reserves and makes is
 * pairing-backup-folder.ts's.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import { appMigrates, desktopMigrates, MINIMUM_VERSIONS, type AppPlatform } from '../../conformance/spec/versions.js';
import { MAX_NAME_BYTES, nameFitsOnDisk } from '../../conformance/spec/protocol/common.js';
import {
  encodePairingPayload,
  type CreatePairingRequest,
  type PairingPayload,
  type CreatePairingResponse,
  type PairRequest,
  type PairResponse,
} from '../../conformance/spec/protocol/pairing.js';
import { partFile } from '../storage/layout.js';
import { removeIfPresent } from '../storage/durable-fs.js';
import type { DeviceRow, UploadRow } from '../store/rows.js';
import { hashSecret, newId, newSecret, type ServiceContext } from './context.js';
import { makeBackupFolder, removeBackupFolder, reservedPaths } from './pairing-backup-folder.js';

type PairingMode = 'add' | 'migrate';

interface TokenRow {
  mode: PairingMode;
  original_device_id: string | null;
  expires_at: number;
  used_at: number | null;
}

/** A replacement's app must be 1.5.0 (Android) or 268 (iOS) or later; an app that states no version is not checked. */
export function refuseOldMigratingApp(mode: PairingMode, platform: AppPlatform, appVersion: string | undefined): void {
  if (mode !== 'migrate' || appVersion === undefined || appMigrates(platform, appVersion)) return;
  throw new MbsError(
    'app-version-unsupported',
    `Migration needs app ${MINIMUM_VERSIONS.migration.app[platform]} or later on ${platform}; this app is ${appVersion}.`,
    { appVersion, minimum: MINIMUM_VERSIONS.migration.app[platform] },
  );
}

/** Migration starts from a device of the server's list (seed 000 §7.1): any other original is refused at once. */
export function refuseUnlistedOriginal(ctx: ServiceContext, originalDeviceId: string): void {
  if (!deviceById(ctx, originalDeviceId)) {
    throw new MbsError('device-not-found', `No device ${originalDeviceId} to migrate from.`);
  }
}

/** The text of the pairing QR code: the app's link, which a phone's camera opens (seed 000 §7.1, PAIR-14). */
export function pairingQrText(payload: PairingPayload): string {
  return encodePairingPayload(payload);
}

/** A pairing token lives the server's pairing lifetime (10 minutes unless configured) from issue. */
export function pairingExpiry(ctx: ServiceContext, issuedAt: number): number {
  return issuedAt + ctx.pairingTtlMs;
}

/** PROTOCOL.md "Pairing": a token expires at its `expiresAt`, so from that very millisecond on it is refused. */
export function pairingTokenExpired(now: number, expiresAt: number): boolean {
  return now >= expiresAt;
}

export function createPairing(
  ctx: ServiceContext,
  request: Static<typeof CreatePairingRequest>,
): Static<typeof CreatePairingResponse> {
  const originalDeviceId = request.mode === 'migrate' ? request.originalDeviceId : null;
  if (originalDeviceId !== null && !desktopMigrates(ctx.identity.desktopVersion)) {
    throw new MbsError(
      'desktop-version-unsupported',
      `Migration needs desktop version ${MINIMUM_VERSIONS.migration.desktop} or later; this is ${ctx.identity.desktopVersion}.`,
    );
  }
  if (originalDeviceId !== null) ctx.rules.refuseUnlistedOriginal(ctx, originalDeviceId);
  const token = newSecret();
  const pairingId = newId();
  const now = ctx.clock.now();
  const expiresAt = ctx.rules.pairingExpiry(ctx, now);
  ctx.db
    .prepare(
      `INSERT INTO pairing_tokens (id, token_hash, mode, original_device_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(pairingId, hashSecret(token), request.mode, originalDeviceId, now, expiresAt);
  const { identity } = ctx;
  const payload = ctx.rules.pairingQrText({
    v: 1,
    server: identity.serverId,
    edition: identity.edition,
    host: identity.advertisedHost,
    tcp: identity.tcpPort,
    udp: identity.udpPort,
    token,
    mode: request.mode,
    expires: expiresAt,
  });
  const ports = { tcpPort: identity.tcpPort, udpPort: identity.udpPort };
  return { pairingId, token, mode: request.mode, expiresAt, payload, ...ports };
}

export async function pair(
  ctx: ServiceContext,
  request: Static<typeof PairRequest>,
): Promise<Static<typeof PairResponse>> {
  assertNameFitsOnDisk(request.device.name);
  const tokenHash = hashSecret(request.token);
  const token = await ctx.rules.tokenToPair(ctx, tokenHash);
  const now = ctx.clock.now();
  if (!token) throw new MbsError('pairing-token-invalid');
  if (token.used_at !== null) throw new MbsError('pairing-token-used');
  if (ctx.rules.pairingTokenExpired(now, token.expires_at)) throw new MbsError('pairing-token-expired');
  if (request.edition !== ctx.identity.edition) {
    throw new MbsError(
      'pairing-edition-mismatch',
      `The pairing payload is for the ${request.edition} edition; this server is ${ctx.identity.edition}.`,
    );
  }
  ctx.rules.refusePairedInstall(ctx, token.mode, request.device.installId);
  ctx.rules.refuseOldMigratingApp(token.mode, request.device.platform, request.appVersion);
  const original = token.original_device_id === null ? undefined : deviceById(ctx, token.original_device_id);
  if (token.mode === 'migrate' && !original) throw new MbsError('device-not-found', ORIGINAL_REMOVED);

  const deviceKey = newSecret();
  const deviceId = newId();
  const backupPath = original ? original.backup_path : ctx.rules.freeBackupPath(ctx, request.device.name, now);
  // A new device's folder is named by its registration ms (seed 000 §10.2): when that ms was taken and the folder
  // moved on, the registration moves with it, so the two always agree.
  const registeredAt = original ? now : Number(backupPath.slice(backupPath.lastIndexOf('/') + 1));
  const { device } = request;
  const reserved = reservedPaths(ctx);
  reserved.add(backupPath);
  try {
    // The folder first: if the file system refuses it, nothing has been recorded and the token is still valid.
    await makeBackupFolder(ctx, backupPath);
  } catch (error) {
    reserved.delete(backupPath);
    throw error;
  }
  const abandoned: UploadRow[] = [];
  let replaced: DeviceRow | undefined;
  const commit = ctx.db.transaction(() => {
    // Checked again inside the transaction: another pairing may have used the token, or paired this
    // installation, while the folder was being made.
    ctx.rules.useToken(ctx, tokenHash, now, deviceId);
    ctx.rules.claimInstall(ctx, token.mode, request.device.installId);
    // The original as it is now: while the folder was being made it may have committed items (its next sequence
    // number moved on, and the replacement must not name a file again) or been removed.
    const current = token.original_device_id === null ? undefined : deviceById(ctx, token.original_device_id);
    if (token.mode === 'migrate' && !current) throw new MbsError('device-not-found', ORIGINAL_REMOVED);
    replaced = current;
    if (current) {
      // The replacement takes over the original's backup folder and items; the original leaves the device list.
      abandoned.push(...ctx.rules.discardUnfinishedUploads(ctx, current.id));
      ctx.rules.retireOriginal(ctx, current.id);
    }
    ctx.db
      .prepare(
        `INSERT INTO devices (id, name, model, platform, os_version, install_id, key_hash, registered_at, backup_path,
           next_seq, migrated_from_id, migrated_from_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        deviceId,
        device.name,
        device.model,
        device.platform,
        device.osVersion,
        device.installId,
        hashSecret(deviceKey),
        registeredAt,
        backupPath,
        current?.next_seq ?? 1,
        current?.id ?? null,
        current?.name ?? null,
      );
    if (current) ctx.rules.takeOverRecords(ctx, current.id, deviceId);
  });
  try {
    commit();
  } catch (error) {
    // Refused after all (the token was used meanwhile): the new folder goes, so a refusal leaves nothing behind.
    if (!original) removeBackupFolder(ctx, backupPath);
    throw error;
  } finally {
    reserved.delete(backupPath);
  }
  for (const upload of abandoned) await removeIfPresent(partFile(ctx.layout, upload.id));

  const response: Static<typeof PairResponse> = {
    deviceId,
    deviceKey,
    name: device.name,
    backupPath,
    registeredAt,
  };
  if (replaced) response.migratedFrom = { deviceId: replaced.id, name: replaced.name };
  return response;
}

const ORIGINAL_REMOVED = 'The device to migrate from has been removed since the token was issued.';

export function assertNameFitsOnDisk(name: string): void {
  if (!nameFitsOnDisk(name)) throw new MbsError('invalid-name', `The name is over ${MAX_NAME_BYTES} bytes in UTF-8.`);
}

/**
 * Refuses an installation that is paired already: as a device, and, for a replacement, for 2FA as well (seed 000
 * §7.1, MIG-02). Runs before anything is written.
 */
export function refusePairedInstall(ctx: ServiceContext, mode: PairingMode, installId: string): void {
  refuseIfPairedDevice(ctx, mode, installId);
  if (mode === 'migrate' && installIsAuthenticator(ctx, installId)) {
    throw new MbsError('migration-target-paired', 'The replacement device is already registered for 2FA.');
  }
}

/** The token a pairing names, as it stands before the backup folder is made; useToken checks it again after. */
export function tokenToPair(
  ctx: ServiceContext,
  tokenHash: string,
): TokenRow | undefined | Promise<TokenRow | undefined> {
  return ctx.db
    .prepare('SELECT mode, original_device_id, expires_at, used_at FROM pairing_tokens WHERE token_hash = ?')
    .get(tokenHash) as TokenRow | undefined;
}

/**
 * Inside the pairing's transaction the token is used up: refused if a pairing that ran meanwhile used it (PROTOCOL.md
 * "Pairing": a token is single-use), since the check before the folder was made only saw it as it was then.
 */
export function useToken(ctx: ServiceContext, tokenHash: string, now: number, deviceId: string): void {
  const used = ctx.db.prepare(
    'UPDATE pairing_tokens SET used_at = ?, device_id = ? WHERE token_hash = ? AND used_at IS NULL',
  );
  if (used.run(now, deviceId, tokenHash).changes !== 1) throw new MbsError('pairing-token-used');
}

/** Inside the pairing's transaction the installation is claimed: refused if a pairing that ran meanwhile paired it. */
export function claimInstall(ctx: ServiceContext, mode: PairingMode, installId: string): void {
  refuseIfPairedDevice(ctx, mode, installId);
}

function refuseIfPairedDevice(ctx: ServiceContext, mode: PairingMode, installId: string): void {
  if (ctx.db.prepare('SELECT id FROM devices WHERE install_id = ?').get(installId)) {
    throw new MbsError(mode === 'add' ? 'device-already-paired' : 'migration-target-paired');
  }
}

function installIsAuthenticator(ctx: ServiceContext, installId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM tfa_authenticators WHERE install_id = ?').get(installId) !== undefined;
}

export function deviceById(ctx: ServiceContext, id: string): DeviceRow | undefined {
  return ctx.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
}
