/*
 * How the console's screens stay current: each reads what it shows again every so often (its poll), and soon after
 * the server says something may have changed (GET /console/changes, a long poll answered once a request that may
 * write has been answered: a phone paired, a push approved, the clock moved), so the page shows a change at once
 * rather than at its next poll. The notice is only a hint: a screen still reads its state through the console
 * routes, and without notices (a server that has none, a lost connection) it goes on polling. A read asked before
 * one of the screen's own steps answered is dropped (staleReads): it states what stood before that step.
 */
/* global fetch, performance, setTimeout, clearTimeout */
import { consoleKey } from './api.js';

/** The most often a notice makes a screen read again, whatever the server's load: a busy server changes all the time. */
const NOTICE_GAP_MS = 250;
/** The wait before asking again for notices after a failed ask. */
const RETRY_MS = 5000;

const listeners = new Set();
/** The screens' ways to read again at once, for a screen just shown. */
const wakers = new Set();
let listening = false;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function listen() {
  let since;
  for (;;) {
    let response;
    try {
      const query = since === undefined ? '' : `?since=${since}`;
      response = await fetch(`/console/changes${query}`, {
        headers: { accept: 'application/json', 'x-mbs-console-key': consoleKey.get() ?? '' },
        cache: 'no-store',
      });
    } catch {
      await sleep(RETRY_MS);
      continue;
    }
    // A server without notices: the screens poll, as they do anyway.
    if (response.status === 404) return;
    const answer = response.ok ? await response.json().catch(() => undefined) : undefined;
    if (answer === undefined) {
      await sleep(RETRY_MS);
      continue;
    }
    const changed = since !== undefined && answer.version !== since;
    since = answer.version;
    if (!changed) continue;
    for (const notice of listeners) notice();
    // On a busy server every answer is a change: ask again no sooner than a screen would read again.
    await sleep(NOTICE_GAP_MS);
  }
}

/**
 * Calls `refresh` now, then `everyMs` after each call ends and soon after each notice of a change, one call at a
 * time (a notice during a call makes another after it), while a person can see what it draws: with its `screen`
 * element given, a screen behind another tab (hidden) reads nothing until `screenShown()` says it is in front again,
 * then reads at once. Returns stop().
 */
export function keepFresh(refresh, everyMs, screen) {
  const shown = () => !screen?.hidden;
  let timer;
  let running = false;
  let again = false;
  let stopped = false;
  let asleep = false;
  let started = -Infinity;
  const soon = () => Math.max(0, NOTICE_GAP_MS - (performance.now() - started));
  const run = async () => {
    clearTimeout(timer);
    if (stopped) return;
    if (!shown()) return void (asleep = true);
    running = true;
    started = performance.now();
    try {
      await refresh();
    } catch {
      // The screen shows its own errors; the next call tries again.
    } finally {
      running = false;
    }
    if (stopped) return;
    timer = setTimeout(run, again ? soon() : everyMs);
    again = false;
  };
  const notice = () => {
    if (running) return void (again = true);
    if (asleep) return;
    clearTimeout(timer);
    timer = setTimeout(run, soon());
  };
  const wake = () => {
    if (!asleep) return;
    asleep = false;
    void run();
  };
  listeners.add(notice);
  wakers.add(wake);
  if (!listening) {
    listening = true;
    void listen();
  }
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    listeners.delete(notice);
    wakers.delete(wake);
  };
}

/**
 * A screen's reads against its own steps (an action of the user's, or a change the screen saw through itself): a
 * read asked before the latest step was answered states what stood before that step, and on a slow network its
 * answer can come after the step's own or after a read asked since. Drawn, it would show the screen as it was before
 * the step (a removed device again, an empty form) until the next poll, so its answer is dropped.
 */
export function staleReads() {
  let answered = 0;
  return {
    /** A step was answered: the reads asked before now are stale. */
    stepAnswered: () => void (answered += 1),
    /** A step was answered: the screen reads again (`read()`), and its reads asked before now are stale. */
    afterStep(read) {
      answered += 1;
      return read();
    },
    /** What `reading()` answers, or undefined when a step was answered while it was asked. */
    async fresh(reading) {
      const asked = answered;
      const answer = await reading();
      return asked === answered ? answer : undefined;
    },
  };
}

/** A screen was brought to the front: those that slept behind another tab read again now. */
export function screenShown() {
  for (const wake of wakers) wake();
}
