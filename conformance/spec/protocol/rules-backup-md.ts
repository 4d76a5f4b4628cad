/**
 * PROTOCOL.md's rules for backup, the storage layout, listing and restore: what a job, an upload and an item are,
 * where a stored file goes and what it is named, which tab lists an item, and how a download resumes.
 */
import { FILE_TYPES, ITEM_KINDS } from '../file-types.js';
import { linkTo } from './schema-md.js';

const types = ITEM_KINDS.map((k) => `${k}: ${FILE_TYPES[k].join(', ')}`).join('; ');

export const BACKUP_MD = `
## Backup
1. \`POST /v1/backups\` starts a job. Each job writes its items under its own \`blocks/<yyyy-mm-dd-hh-mm-ss>\`
   folder, named after its start time in the server's local time. Two jobs of a device never share a folder: a job
   started in a second whose folder a job of the device already has takes the next second with none, so the folders
   of a device's jobs follow the order the jobs started in.
2. For each item, \`POST /v1/uploads\` announces its SHA-256, size and metadata (${linkTo('ItemMeta')}). Items are
   content-addressed per device: an item this device holds (confirmed by it, or inherited by migration) is answered
   \`duplicate\` with the held item, and no second copy is written. An unfinished upload of the same bytes is
   answered \`resumed\` with its current offset. All three answers are \`201\`.
3. \`PATCH /v1/uploads/{id}\` appends bytes with \`Upload-Offset\` equal to the current offset (ask with
   \`GET /v1/uploads/{id}\`); any other offset is \`409 upload-offset-mismatch\` with \`details.expectedOffset\`.
   \`Content-Length\` is required, and bytes past the declared size are refused. Bytes that reached the server before
   a connection dropped are kept, so the upload resumes from there.
4. When the offset reaches the declared size, the server hashes the bytes it holds. A mismatch discards the upload
   (\`422 upload-checksum-mismatch\`); a match confirms the item, durably, and answers it. Until then the upload is
   never listed, restored or counted. The app only frees up space for items a server has confirmed.
5. \`POST /v1/backups/{id}/commit\` records the snapshot: the confirmed items still on the device and the 2FA
   accounts. Naming an item never confirmed is \`snapshot-items-missing\`. The answer carries the counts the app shows
   ("49 Photos, 5 Videos, 0 Files, and 2 2FA Accounts"): the items this job stored (a duplicate is not stored again,
   so a job with nothing new counts 0), by kind, with documents and audio as files, and the 2FA accounts.

An upload belongs to the job whose announcement created it. A server MUST keep that job and the first
announcement's metadata when a later announcement (from the same job or another, naming another file) resumes it:
the item is stored in that job's folder under the first name's extension, and the resuming announcement changes
nothing. The item counts in that job's snapshot when it was confirmed before the job was committed; an upload
finished after its job was committed is counted by no snapshot (the later job did not store it).

Supported types (by extension, case-insensitive): ${types}.

## Storage layout
A server MUST store each confirmed item's bytes, unchanged, at
\`<data>/<backupPath>/<storedAs>\`, where \`backupPath\` is \`<device name>/<registration epoch ms>\` (see Pairing)
and \`storedAs\`, which every ${linkTo('Item')} carries, is \`blocks/<job folder>/0/<sequence>.<EXT>\`:
- \`<job folder>\` is the folder of the job the item's upload belongs to;
- \`<sequence>\` is a number in lower-case hexadecimal, zero-padded to at least six digits (\`00002d\`). Each
  device folder has one sequence: its first stored file is \`000001\`, and each confirmed item takes the next
  number in the order items are confirmed, across all its jobs and across a migration. A duplicate, a discarded or
  unfinished upload takes none;
- \`<EXT>\` is the extension of the item's name, in upper case (\`IMG_0001.png\` → \`00002d.PNG\`).

The stored file's modification time is the item's \`modifiedAt\` (else its \`capturedAt\`), to the second, as in
the seed's listing where a job folder of July holds files dated April. The original name and path stay in the
metadata. Where a server keeps its own state is its own (the reference
server: \`<data>/.mbs/\`, a name no device can take).

## Listing and restore
Confirmed items are listed by tab:
- **recent**: in the latest snapshot, and every item confirmed since it (a confirmed item is in Recent until a
  snapshot says otherwise);
- **archive**: removed from the device by free up space and reported with \`POST /v1/items/archive\`, or inherited by
  migration. An archived item stays archived until a snapshot lists it as present again;
- **deleted**: gone from the device (absent from the latest snapshot), still restorable while the device stays
  registered.

\`GET /v1/items?tab=…\` lists exactly the items of that tab; without \`tab\`, all of them, each with its \`tab\`.
Pages are ordered by upload order, oldest first: the order the server confirmed the items in (their sequence
numbers in \`storedAs\`, above), not the order they were announced in; they continue with \`cursor\`. A page
holds at most \`limit\` items (default 100) and may hold fewer while more follow: only \`nextCursor: null\` ends the
listing, so a client reads it whole by asking again with \`cursor\` set to each page's \`nextCursor\` until then.
The desktop's \`GET /v1/console/devices/{deviceId}/items\` pages the same way.

\`POST /v1/items/archive\` answers \`archived\`: the number of distinct items the request names, each now in
Archive, those already there included (naming one twice counts it once). One unknown item refuses the whole request
(\`item-not-found\`) and archives nothing.

Only the latest state of each item is restorable, and items are their bytes: when a file is edited on the device, its
new content is a new item, and the earlier content is not an "earlier version" of it. It is an item of its own that
the next snapshot, which no longer lists it, moves to Deleted, where it stays restorable.

\`GET /v1/items/{sha256}/content\` returns the bytes, byte-identical. A download resumes with \`Range: bytes=N-\`,
the only form of Range a server MUST take, for an item of S bytes:
- 0 < N < S: \`206\`, \`Content-Range: bytes N-(S-1)/S\`, and the bytes from N on;
- N = 0: \`200\` and the whole item, as without Range;
- N ≥ S (S > 0): \`416 range-not-satisfiable\` with \`details.size\` = S; nothing is left to send, so the client
  has the whole item;
- any other Range value: \`416 range-not-satisfiable\`.
`;
