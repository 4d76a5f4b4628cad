/*
 * The console's only way to the server: the protocol's console routes, with the console key in the header they
 * take (x-mbs-console-key), never in a URL. The key lives in sessionStorage, so it ends with the browser tab.
 * Reads that fail because the server is gone are retried with a backoff bounded at MAX_DELAY_MS, and the page says
 * so; an action (a POST) is never repeated on its own, it fails with the same notice.
 */
/* global fetch, sessionStorage, document, setTimeout */
const KEY_ITEM = 'mbsc-console-key';
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class ServerGone extends Error {}

export const consoleKey = {
  get: () => sessionStorage.getItem(KEY_ITEM) ?? undefined,
  set: (key) => sessionStorage.setItem(KEY_ITEM, key),
  clear: () => sessionStorage.removeItem(KEY_ITEM),
};

function connectionNotice(text) {
  const el = document.getElementById('connection');
  el.textContent = text ?? '';
  el.hidden = text === undefined;
  el.dataset.state = text === undefined ? 'connected' : 'lost';
}

async function once(method, path, body, key) {
  const headers = { accept: 'application/json' };
  if (key) headers['x-mbs-console-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ServerGone('The server cannot be reached.');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    throw new ApiError(response.status, error.code ?? 'unknown', error.message ?? `HTTP ${response.status}`);
  }
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read: retried while the server is gone, each wait doubling up to MAX_DELAY_MS. */
export async function read(path, key = consoleKey.get()) {
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      const data = await once('GET', path, undefined, key);
      connectionNotice(undefined);
      return data;
    } catch (error) {
      if (!(error instanceof ServerGone)) throw error;
      connectionNotice(`The server cannot be reached. Retrying in ${Math.round(delay / 1000)} s…`);
      await sleep(delay);
    }
  }
}

/** An action: sent once; if the server is gone the notice says so and the caller shows the failure. */
export async function act(method, path, body, key = consoleKey.get()) {
  try {
    const data = await once(method, path, body, key);
    connectionNotice(undefined);
    return data;
  } catch (error) {
    if (error instanceof ServerGone) connectionNotice('The server cannot be reached. Try again when it is back.');
    throw error;
  }
}
