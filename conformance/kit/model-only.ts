/**
 * The device requirements no check through the screens shows, and why: over WebDriver their verdicts come from the
 * checks of the app model in process alone (and a real build, `--via emulator`, leaves them untested). Kept true to
 * the suites by a test.
 */
export const MODEL_ONLY: Readonly<Record<string, string>> = {
  'PLAT-04': 'no capability or mobile: method answers the auto-launch and background prompts of the first launch',
  'SET-07': 'no capability sets the language the phone was set up in before the app is installed',
  'LIM-05': "no screen or mobile: method shows a file's content hash, so an unchanged file cannot be told apart",
  'LIM-06': "no screen or mobile: method shows a file's content hash, so a restored original cannot be compared",
  'LIM-07': 'no screen shows the EXIF the server holds, and mobile: addMedia cannot set any',
  'LIM-08': "no screen or mobile: method shows a file's modification time",
  'BAK-06': "the job's folder and files on the server are not on the app's screens",
  'FUS-10': 'Android removes the items in the background without a prompt: no screen shows the removal as permanent',
  'FUS-14': 'the count of archived items is read from the backup result of the app model',
  'RST-12': 'one app installation registers one authenticator, so the restored accounts cannot be made on the screens',
  'RST-16': 'one app installation registers one authenticator, so a group of accounts cannot be made on the screens',
  'RFE-13': 'mobile: addMedia puts documents in one folder, so folders cannot be told apart',
  'MIG-01': "the list of devices to migrate from is the desktop program's, not the app's",
  'MIG-03': "the desktop program's device list is not on the app's screens",
  'MIG-04': "the backup folder on the server is not on the app's screens",
  'MIG-05': "the device entry's name on the server is not on the app's screens",
  'TOTP-10': 'a saved QR code cannot be entered on a second phone of the same run through the screens',
};
