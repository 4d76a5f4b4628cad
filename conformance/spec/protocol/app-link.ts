/**
 * The app's link: the address a pairing QR code holds, so that a phone's camera, which opens web links and nothing
 * else it has no app for, leads a person without the app to it (seed 000 §7.1: "scan the QR code to get the below
 * Mobile App from App Store"). The app's publisher serves the link as its store page: a phone is sent to the
 * app's listing in its own store (Google Play, App Store). The installed app claims the link (an Android App Link,
 * an iOS Universal Link), so the same QR code opens the app, and the app's QR reader reads it to pair.
 *
 * The pairing data travels in the link's fragment, which a browser never sends: the page that sends a phone to
 * its store never learns the token or the server's address.
 */

/** The link every pairing QR code starts with, before its `#`. */
export const APP_LINK = 'https://app.example.com/pair';

/** The app's store listings the link's page sends a phone to, by platform. */
export const APP_STORE_PAGES = {
  android: 'https://play.google.com/store/apps/details?id=com.example.mbs',
  ios: 'https://apps.apple.com/app/id0000000000',
} as const;

/** The scheme of the first payload, before the app link: the app still reads it, no camera opens it. */
export const LEGACY_PAIRING_SCHEME = 'mbs:';

/**
 * Why a QR text does not lead a camera to the app's store page, or undefined when it does: an https URL, exactly
 * the app link before its fragment, with the pairing data in the fragment alone.
 */
export function appLinkProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 80)}" is not a URL, which a camera shows as text and opens nowhere`;
  }
  if (url.protocol !== 'https:') {
    return `the QR code's link is ${url.protocol}//…, which a camera opens only for an app already installed, not the app link ${APP_LINK}`;
  }
  if (`${url.origin}${url.pathname}` !== APP_LINK) {
    return `the QR code opens ${url.origin}${url.pathname}, not the app link ${APP_LINK}`;
  }
  if (url.search !== '') {
    return `the QR code's link carries a query (${url.search.slice(0, 60)}…), which the browser sends to the web server; the pairing data belongs in the fragment`;
  }
  if (url.hash.length < 2) return 'the QR code opens the app link with no pairing data in its fragment';
  return undefined;
}
