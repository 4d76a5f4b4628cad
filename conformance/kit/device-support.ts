/**
 * What the device-scope suites share, in one import: where a check applies (applies.ts), a paired simulated
 * device built for fast checks (paired-simulated-device.ts), media on the phone and the items the server lists
 * (media-items.ts), a tap on the app's wire that can interrupt a job after its n-th append or download
 * (wire-tap.ts), and the expectations and TOTP the checks judge by (check-oracles.ts). The suites import from here
 * so that each piece can move between those files without touching every suite.
 */
export { where, type Needs } from './applies.js';
export { CHUNK, newWorld, pairApp, phoneOf, type World, type WorldOptions } from './paired-simulated-device.js';
export {
  addMedia,
  BASE_DATE,
  DAY,
  kindCounts,
  mediaInit,
  newContentSeed,
  pathFor,
  serverItems,
  type MediaSpec,
  type ServerItem,
} from './media-items.js';
export { tapWire, Wire, wireSentNothingTwice, type Append } from './wire-tap.js';
export { expectEqual, expectTrue, sorted, totp } from './check-oracles.js';
