/**
 * What the device-scope suites share, in one import: where a check applies (applies.ts), the world of a
 * device check, paired or not (device-world.ts), media on the phone and the items the server lists
 * (media-items.ts), a tap on the app's wire that can interrupt a job after its n-th append or download
 * (wire-tap.ts), the server's listing asked again only when it may have changed (server-listing.ts), and the
 * expectations and TOTP the checks judge by (check-oracles.ts). The suites import from here so that each piece can
 * move between those files without touching every suite.
 */
export { where, type Needs } from './applies.js';
export { CHUNK, deviceName, newWorld, pairApp, phoneOf, type World, type WorldOptions } from './device-world.js';
export {
  addMedia,
  BASE_DATE,
  DAY,
  kindCounts,
  mediaInit,
  pathFor,
  serverItems,
  type MediaSpec,
  type Phone,
  type ServerItem,
} from './media-items.js';
export { tapWire, Wire, wireSentNothingTwice, type Append } from './wire-tap.js';
export { serverListing, type ServerListing } from './server-listing.js';
export { expectEqual, expectTrue, sorted, totp } from './check-oracles.js';
