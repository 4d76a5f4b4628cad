/*
 * The index.html viewer, part 1 of 6: DOM and formatting helpers. The viewer draws the report from the JSON in
 * #report-data (reports/html/report-data.ts says its shape) in plain DOM, no framework and nothing fetched, so the
 * file opens from file:// with no network. Every string from the data goes in through textContent or a DOM property,
 * never innerHTML: the data cannot inject markup. The parts share one namespace, window.mbscViewer, and are inlined
 * in the order viewer-assets.ts lists them.
 */
/* global document, navigator, window */
'use strict';
(function () {
  const VERDICTS = {
    fail: { label: 'fail', symbol: '✗' },
    advisory: { label: 'advisory', symbol: '!' },
    pass: { label: 'pass', symbol: '✓' },
    skipped: { label: 'skipped', symbol: '–' },
    untested: { label: 'untested', symbol: '?' },
    error: { label: 'error', symbol: '⚠' },
  };

  /**
   * Creates an element: `text` sets textContent, `class` the class list, `data-*` and `aria-*` attributes, and any
   * other key the DOM property of that name. Children are nodes or strings (text nodes); empty ones are skipped.
   */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === 'text') el.textContent = String(value);
      else if (key === 'class') el.className = value;
      else if (key.startsWith('data-') || key.startsWith('aria-')) el.setAttribute(key, String(value));
      else el[key] = value;
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return el;
  }

  function badge(verdict, text) {
    return h('span', { class: `badge v-${verdict}`, text: text || VERDICTS[verdict].label });
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  function formatDuration(ms) {
    if (ms < 1000) return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60) return `${s.toFixed(1)} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
    return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  }

  /** UTC, so two people reading the same report see the same time. */
  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  }

  function legacyCopy(text) {
    const area = h('textarea', { value: text, readOnly: true, class: 'offscreen' });
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      // Not allowed here either: the button asks the reader to copy by hand.
    }
    area.remove();
    return ok;
  }

  /** A Copy button for `text`: the Clipboard API where the page may use it, else the older execCommand route. */
  function copyButton(text, what) {
    const button = h('button', { type: 'button', class: 'copy', text: 'Copy', title: `Copy ${what}` });
    button.addEventListener('click', async () => {
      let ok = false;
      try {
        if (navigator.clipboard) {
          await navigator.clipboard.writeText(text);
          ok = true;
        }
      } catch {
        // Denied (no focus or permission); fall back below.
      }
      if (!ok) ok = legacyCopy(text);
      button.textContent = ok ? 'Copied' : 'Select it and press Ctrl+C';
      button.classList.toggle('copied', ok);
      window.setTimeout(() => {
        button.textContent = 'Copy';
        button.classList.remove('copied');
      }, 2000);
    });
    return button;
  }

  /** A command in a <code> element with its Copy button. */
  function commandLine(text, what, className) {
    return h('div', { class: 'command-line' }, h('code', { class: className, text }), copyButton(text, what));
  }

  function section(id, title, ...children) {
    return h('section', { id, class: 'panel' }, h('h2', { text: title }), ...children);
  }

  window.mbscViewer = { VERDICTS, h, badge, plural, formatDuration, formatTime, copyButton, commandLine, section };
})();
