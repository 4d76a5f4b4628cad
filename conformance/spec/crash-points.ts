/**
 * For conformance testing only: the moments in a server's work where the kit's nemesis may have it die at once, as a
 * power cut would, to judge what it keeps. A server started with its crash points on (`mbsc serve
 * --conformance-crash-points`; never on otherwise) reads, at each of them, the file named below in its data
 * directory; when the file names that point the server removes it and kills itself with SIGKILL. The kit arms a
 * point by writing the file and knows the point was reached when the file is gone.
 */
export const CRASH_POINTS = {
  'upload-hashed': "an upload's last bytes are in, fsynced and hashed; nothing of the item is recorded yet",
  'item-file-in-place': "the item's file is in its blocks folder; its record is not committed yet",
} as const;

export type CrashPoint = keyof typeof CRASH_POINTS;
export const CRASH_POINT_NAMES = Object.keys(CRASH_POINTS) as CrashPoint[];

/** The file in the data directory that arms a crash point: its text is the point's name. */
export const CRASH_POINT_FILE = 'conformance-crash-point';
