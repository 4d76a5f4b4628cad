/** Schema of the metadata database, applied in order; `user_version` records how far a database has come. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    model TEXT NOT NULL,
    platform TEXT NOT NULL,
    os_version TEXT NOT NULL,
    install_id TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL UNIQUE,
    registered_at INTEGER NOT NULL,
    backup_path TEXT NOT NULL UNIQUE,
    next_seq INTEGER NOT NULL DEFAULT 1,
    migrated_from_id TEXT,
    migrated_from_name TEXT
  );
  CREATE TABLE pairing_tokens (
    token_hash TEXT PRIMARY KEY,
    mode TEXT NOT NULL,
    original_device_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE backups (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    folder TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    committed_at INTEGER
  );
  CREATE INDEX backups_device ON backups (device_id, folder);
  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    backup_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    meta_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    final_path TEXT,
    stored_as TEXT,
    seq INTEGER,
    UNIQUE (device_id, sha256)
  );
  CREATE TABLE items (
    device_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    kind TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    tab TEXT NOT NULL,
    stored_as TEXT NOT NULL,
    seq INTEGER NOT NULL,
    backup_id TEXT NOT NULL,
    confirmed_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, sha256)
  );
  CREATE INDEX items_listing ON items (device_id, tab, kind, seq);
  CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    backup_id TEXT NOT NULL,
    committed_at INTEGER NOT NULL,
    counts_json TEXT NOT NULL,
    accounts_json TEXT NOT NULL
  );
  CREATE INDEX snapshots_device ON snapshots (device_id, committed_at);
  `,
  // 2: two-factor authentication, the login flow, and the SMS and e-mail outbox.
  `
  CREATE TABLE tfa_registrations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    secret TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE tfa_authenticators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    push INTEGER NOT NULL,
    secret TEXT NOT NULL,
    key_hash TEXT UNIQUE,
    install_id TEXT UNIQUE,
    platform TEXT,
    device_id TEXT,
    registered_at INTEGER NOT NULL,
    last_time_step INTEGER NOT NULL DEFAULT -1,
    recovery_phone TEXT
  );
  CREATE INDEX tfa_authenticators_device ON tfa_authenticators (device_id);
  CREATE TABLE tfa_codes (
    purpose TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    letters TEXT NOT NULL,
    digits TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE tfa_logins (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    trusted INTEGER NOT NULL,
    push_request_id TEXT,
    recovery_authenticator_id TEXT,
    completed_at INTEGER
  );
  CREATE TABLE tfa_push_requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    login_id TEXT NOT NULL,
    authenticator_id TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    number INTEGER,
    number_choices TEXT,
    status TEXT NOT NULL,
    answered_at INTEGER
  );
  CREATE INDEX tfa_push_authenticator ON tfa_push_requests (authenticator_id, seq);
  CREATE INDEX tfa_push_login ON tfa_push_requests (login_id, status);
  CREATE TABLE tfa_trusted_browsers (
    token_hash TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE tfa_password_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    password_hash TEXT NOT NULL,
    email TEXT NOT NULL,
    set_at INTEGER NOT NULL
  );
  CREATE TABLE tfa_failures (scope TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at INTEGER NOT NULL);
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT,
    text TEXT NOT NULL,
    sent_at INTEGER NOT NULL
  );
  `,
  // The push service could not be reached when the login started: it offers one-time passwords only (NET-09).
  `ALTER TABLE tfa_logins ADD COLUMN push_unreachable INTEGER NOT NULL DEFAULT 0;`,
  // SMS and e-mail codes sent, per purpose, for the send limit (two-factor/send-limit.ts).
  `CREATE TABLE tfa_sends (seq INTEGER PRIMARY KEY AUTOINCREMENT, purpose TEXT NOT NULL, sent_at INTEGER NOT NULL);
   CREATE INDEX tfa_sends_purpose ON tfa_sends (purpose, sent_at);`,
  // A pairing's public id and the device that used it, so the desktop names exactly the device its QR code paired.
  `ALTER TABLE pairing_tokens ADD COLUMN id TEXT;
   ALTER TABLE pairing_tokens ADD COLUMN device_id TEXT;
   CREATE UNIQUE INDEX pairing_tokens_id ON pairing_tokens (id);`,
  // An e-mail's sender, so the outbox shows who the password-lock e-mail comes from (PWL-16).
  `ALTER TABLE outbox ADD COLUMN sender TEXT;`,
  // A push request's number among its own authenticator's, which the app's notifications show and page by: the
  // table's number counted every authenticator's requests, so an app saw how many others were asked, and a run's
  // numbers hung on the order of unrelated logins. The requests already there keep their numbers, still increasing.
  `ALTER TABLE tfa_push_requests ADD COLUMN auth_seq INTEGER;
   UPDATE tfa_push_requests SET auth_seq = seq;
   DROP INDEX tfa_push_authenticator;
   CREATE UNIQUE INDEX tfa_push_auth_seq ON tfa_push_requests (authenticator_id, auth_seq);`,
  // Where the item file of an upload dropped after its place was reserved may still land (upload-ownership.ts): an
  // append under way may move it there after the drop, and a crash before it takes it back leaves it on no record.
  `CREATE TABLE dropped_uploads (upload_id TEXT PRIMARY KEY, final_path TEXT NOT NULL, stored_as TEXT NOT NULL);`,
];
