/**
 * The two restore options (seed 000 §11): Original location restores a device's own backup to where it came from
 * on that registered device; Migration restores the backed-up content of an original device that was broken, lost
 * or missing to the replacement registered in its place. The restore page names the one it offers.
 */

/** The option of a phone: Migration when the server lists it as the replacement of `migratedFrom`. */
export function restoreOption(migratedFrom: string | undefined): string {
  return migratedFrom === undefined ? 'Original location' : `Migration from ${migratedFrom}`;
}
