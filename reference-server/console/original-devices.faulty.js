/* The self-test's faulty original-devices.js (console-original-chooser-stale): keeps the list the wizard first showed,
 * so a device paired since is never offered as the original. */
let first;

export function originalCandidates(devices) {
  first ??= devices;
  return first;
}
