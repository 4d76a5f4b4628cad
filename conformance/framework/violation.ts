/**
 * A failure that names the requirements it breaks. A check covering many requirements throws it so that one broken
 * rule fails only its own requirements in the report, not every requirement the check covers.
 */
export class Violation extends Error {
  constructor(
    readonly requirements: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'Violation';
  }
}
