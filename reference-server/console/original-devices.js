/* The devices "Migrate backup content of existing device to a new device" offers as the original (seed 000 §7.1):
 * every device paired as the page last read them. */

export function originalCandidates(devices) {
  return devices;
}
