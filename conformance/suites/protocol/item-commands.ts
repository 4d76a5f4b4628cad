/**
 * Commands on jobs and confirmed items: start a job, commit a snapshot (with the right counts, or refused when it
 * names an item never confirmed or the job is closed), archive items, list a tab or kind page by page, download
 * whole or from a byte offset, look for items that were never confirmed, and read the latest snapshot.
 */
import fc from 'fast-check';
import { ITEM_KINDS, type ItemKind } from '../../spec/file-types.js';
import type { AuthenticatorAccount, Counts } from '../../spec/protocol/resources.js';
import {
  address,
  listAll,
  pick,
  sameOnDesktop,
  uploadOf,
  type Held,
  type Model,
  type Tab,
} from './upload-integrity-model.js';
import { step, verifyUpload } from './upload-integrity-verify.js';
import { brief, bytesOf, canonical, refused, sha256 } from '../../kit/server-support.js';

const COUNT_OF: Record<ItemKind, keyof Counts> = { photo: 'photos', video: 'videos', document: 'files' };
const countOf = (kind: ItemKind): keyof Counts => COUNT_OF[kind];

export const startJob = fc.constant(
  step(
    'start a backup job',
    async (m, r) => {
      const backup = await r.device.call('startBackup', { body: {} });
      if (m.jobs.some((j) => j.id === backup.backupId)) throw new Error(`job id ${backup.backupId} was given twice`);
      m.jobs.push({ id: backup.backupId, closed: false });
    },
    (m) => m.jobs.length < 4,
    // Starting a job lists nothing and touches no upload.
    true,
  ),
);

/** Held items chosen by the bits of `mask`, in the order they were confirmed. */
function chosen(m: Model, mask: number): Held[] {
  return [...m.held.values()].filter((_, i) => (mask >> i) & 1);
}

/**
 * A SHA-256 the model never confirmed: an unfinished upload's when there is one (the step names that upload, so its
 * offset is read after it), else fresh bytes'.
 */
function unconfirmed(m: Model, n: number): string {
  const partial = m.uploads[n % Math.max(m.uploads.length, 1)];
  return partial && n % 2 === 0 ? address(m, partial).sha : sha256(bytesOf(n + 77, 9));
}

function account(n: number): AuthenticatorAccount {
  const base = { issuer: 'Example', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 } as const;
  return { ...base, id: `acct-${n}`, label: `user${n}@example.com`, push: false };
}

export const commit = fc
  .record({ j: fc.nat(), mask: fc.nat(15), unknown: fc.boolean(), accounts: fc.integer({ min: 0, max: 2 }) })
  .map(({ j, mask, unknown, accounts }) =>
    step(
      `commit job #${j} with items ${mask.toString(2)}${unknown ? ' and an item never confirmed' : ''}, ` +
        `${accounts} 2FA account(s)`,
      async (m, r) => {
        const job = pick(m.jobs, j);
        const present = chosen(m, mask).map((h) => h.sha);
        if (unknown) present.push(unconfirmed(m, mask));
        const body = { present, accounts: Array.from({ length: accounts }, (_, n) => account(n)) };
        const call = r.device.call('commitBackup', { params: { backupId: job.id }, body });
        if (job.closed) {
          const codes = unknown ? (['backup-closed', 'snapshot-items-missing'] as const) : (['backup-closed'] as const);
          await refused(call, codes, 'committing a committed job');
          return;
        }
        if (unknown) {
          await refused(call, ['snapshot-items-missing'], 'a snapshot naming an item never confirmed');
          return;
        }
        const snapshot = await call;
        const held = [...m.held.values()];
        for (const kind of ITEM_KINDS) {
          const sure = held.filter((h) => h.kind === kind && h.jobs.size === 1 && h.jobs.has(job.id)).length;
          const possible = held.filter((h) => h.kind === kind && h.jobs.has(job.id)).length;
          const count = snapshot.counts[countOf(kind)];
          if (count < sure || count > possible) {
            const wanted = sure === possible ? `${sure}` : `${sure} to ${possible}`;
            throw new Error(`job ${job.id} counts ${count} ${countOf(kind)}; it stored ${wanted}: ${brief(snapshot)}`);
          }
        }
        if (snapshot.counts.twoFactorAccounts !== accounts || snapshot.backupId !== job.id) {
          throw new Error(`the snapshot of job ${job.id} with ${accounts} 2FA account(s) is ${brief(snapshot)}`);
        }
        job.closed = true;
        for (const h of held) {
          if (present.includes(h.sha)) h.tab = 'recent';
          else if (h.tab === 'recent') h.tab = 'deleted';
        }
        m.snapshot = snapshot;
      },
      (m) => m.jobs.length > 0,
    ),
  );

export const archive = fc.tuple(fc.nat(15), fc.boolean()).map(([mask, unknown]) =>
  step(
    `archive items ${mask.toString(2)}${unknown ? ' and an item never confirmed' : ''}`,
    async (m, r) => {
      const items = chosen(m, mask);
      if (items.length === 0) items.push([...m.held.values()][0] as Held);
      const shas = items.map((h) => h.sha);
      if (unknown) {
        const call = r.device.call('archiveItems', { body: { items: [...shas, unconfirmed(m, mask)] } });
        await refused(call, ['item-not-found'], 'archiving an item never confirmed');
        return;
      }
      const answer = await r.device.call('archiveItems', { body: { items: [...shas, ...shas.slice(0, 1)] } });
      if (answer.archived !== shas.length) throw new Error(`archiving ${shas.length} items answered ${brief(answer)}`);
      for (const h of items) h.tab = 'archive';
    },
    (m) => m.held.size > 0,
  ),
);

const tabs: readonly (Tab | undefined)[] = [undefined, 'recent', 'archive', 'deleted'];
const kinds: readonly (ItemKind | undefined)[] = [undefined, ...ITEM_KINDS];
export const list = fc
  .record({ t: fc.nat(3), k: fc.nat(3), limit: fc.integer({ min: 1, max: 3 }) })
  .map(({ t, k, limit }) =>
    step(
      `list tab ${tabs[t] ?? 'any'}, kind ${kinds[k] ?? 'any'}, ${limit} per page`,
      async (m, r) => {
        const tab = tabs[t];
        const kind = kinds[k];
        const query = { ...(tab ? { tab } : {}), ...(kind ? { kind } : {}) };
        const paged = await listAll(r, query, limit);
        const got = paged.map((i) => i.sha256);
        const wanted = [...m.held.values()]
          .filter((h) => (!kind || h.kind === kind) && (!tab || h.tab === tab))
          .map((h) => h.sha);
        if (new Set(got).size !== got.length || JSON.stringify([...got].sort()) !== JSON.stringify(wanted.sort())) {
          throw new Error(`the pages list [${got.join(', ')}], not [${wanted.join(', ')}]`);
        }
        await sameOnDesktop(r, paged, query, limit);
      },
      () => true,
      true,
    ),
  );

export const download = fc.tuple(fc.nat(), fc.nat()).map(([h, from]) =>
  step(
    `download held item #${h} from byte #${from}`,
    async (m, r) => {
      const item = pick([...m.held.values()], h);
      const start = from % item.bytes.length;
      const bytes = await r.device.download(item.sha, start);
      if (!bytes.equals(item.bytes.subarray(start))) {
        throw new Error(`item ${item.sha} from byte ${start} downloads ${bytes.length} bytes that differ from its own`);
      }
      const one = await r.device.call('getItem', { params: { sha256: item.sha } });
      if (one.size !== item.bytes.length) throw new Error(`item ${item.sha} reads back as ${brief(one)}`);
    },
    (m) => m.held.size > 0,
    true,
  ),
);

const notHeld = (m: Model) => m.contents.filter((c) => !m.held.has(c.sha));
export const missing = fc.nat().map((c) =>
  step(
    `look for and download content #${c}, never confirmed`,
    async (m, r) => {
      const content = pick(notHeld(m), c);
      const partial = uploadOf(m, content.sha);
      const what = partial ? 'an unfinished upload' : 'an item never uploaded';
      const params = { sha256: content.sha };
      await refused(r.device.call('getItem', { params }), ['item-not-found'], `reading ${what}`);
      await refused(r.device.download(content.sha), ['item-not-found'], `downloading ${what}`);
      // Asked for as an item, an unfinished upload stays as it was.
      if (partial) await verifyUpload(r, partial);
    },
    (m) => notHeld(m).length > 0,
    true,
  ),
);

export const latest = fc.constant(
  step(
    'read the latest snapshot',
    async (m, r) => {
      const call = r.device.call('getLatestSnapshot');
      if (!m.snapshot) {
        await refused(call, ['snapshot-not-found'], 'the latest snapshot before any commit');
        return;
      }
      const answer = await call;
      if (canonical(answer) !== canonical(m.snapshot)) {
        throw new Error(`the latest snapshot is ${brief(answer)}, not the last one committed ${brief(m.snapshot)}`);
      }
    },
    () => true,
    true,
  ),
);
