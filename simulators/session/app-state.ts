/**
 * What `mobile: appState` and `mobile: deviceInfo` answer: the app's and the device's observable state as plain
 * JSON, so a suite driving the app over WebDriver can check the same things an in-process suite reads directly.
 */
import type { SimulatorSession } from './simulator-session.js';

export function appState(session: SimulatorSession) {
  const { app } = session;
  const backup = app.backupJob;
  const restore = app.restoreJob;
  return {
    screen: session.screen,
    path: [...session.nav.path],
    message: session.message ?? null,
    migration: session.migration ? { ...session.migration } : null,
    recoveryPhoneLastDigits: session.recoveryPhone ?? null,
    locked: session.locked,
    clockMs: session.clock.now(),
    settings: { ...app.settings },
    sources: { ...app.sources },
    connection: { ...app.connection },
    security: { enabled: app.security.enabled, lockRemainingMs: app.security.lockRemainingMs() },
    pairing: app.pairing
      ? {
          deviceId: app.pairing.deviceId,
          serverId: app.pairing.payload.server,
          edition: app.pairing.payload.edition,
          host: app.pairing.host,
          tcpPort: app.pairing.tcpPort,
        }
      : null,
    holdReasons: { backup: app.holdReasons('backup'), restore: app.holdReasons('restore') },
    backup: backup
      ? {
          state: backup.state,
          holdReasons: backup.holdReasons,
          itemsDone: backup.itemsDone,
          itemsTotal: backup.itemsTotal,
          bytesSent: backup.bytesSent,
          archived: backup.archived,
          counts: backup.counts ?? null,
          error: backup.error?.message ?? null,
        }
      : null,
    restore: restore
      ? {
          state: restore.state,
          holdReasons: restore.holdReasons,
          restored: { ...restore.restored },
          skipped: { ...restore.skipped },
          withoutPermission: { ...restore.withoutPermission },
          error: restore.error?.message ?? null,
        }
      : null,
    media: mediaCounts(session),
    accounts: app.accounts.list().map((a) => ({
      id: a.id,
      issuer: a.issuer,
      label: a.label,
      push: a.push,
      authenticatorId: session.twoFactor.linkFor(a.id)?.authenticatorId ?? null,
    })),
    requests: [...session.requests.values()].map((r) => ({
      requestId: r.requestId,
      loginId: r.loginId,
      machine: r.machine,
      expiresAt: r.expiresAt,
      numberChoices: r.numberChoices ? [...r.numberChoices] : null,
    })),
    log: app.log.all().map((e) => ({ at: e.at, type: e.type, message: e.message })),
  };
}

function mediaCounts(session: SimulatorSession) {
  const byKind = { photo: 0, video: 0, document: 0, unsupported: 0 };
  let bytes = 0;
  for (const item of session.device.mediaItems()) {
    byKind[item.kind ?? 'unsupported'] += 1;
    bytes += item.size;
  }
  return { count: session.device.mediaItems().length, bytes, byKind };
}

export function deviceInfo(session: SimulatorSession) {
  const { device, app } = session;
  return {
    ...device.spec,
    batteryLevel: device.batteryLevel,
    charging: device.charging,
    network: { ...device.network },
    freeBytes: device.freeBytes(),
    foreground: device.foreground,
    locked: session.locked,
    clockMs: session.clock.now(),
    appVersion: app.version,
    installId: app.installId,
    media: device
      .mediaItems()
      .map((m) => ({ id: m.id, name: m.name, path: m.path, size: m.size, kind: m.kind ?? null })),
    // iOS only: what free up space asked, and what it removed into Recently Deleted (still using storage).
    deletePrompts: device.deletePrompts.map((p) => ({ ...p })),
    recentlyDeleted: device
      .recentlyDeleted()
      .map((d) => ({ id: d.item.id, name: d.item.name, size: d.item.size, deletedAt: d.deletedAt })),
  };
}
