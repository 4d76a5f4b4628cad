/* The self-test's faulty setup-offer.js (console-setup-offer-hidden): the first login's offer never shows. */
export function setupOfferView() {
  return undefined;
}
