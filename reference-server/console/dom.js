/*
 * A small element builder for the console's own labels: `text` sets textContent, `class` the class list, `data-*`/`aria-*` and `for` set
 * attributes, any other key the DOM property. Names from the server never come through here (names.js).
 */
/* global document, Blob */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'class') el.className = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'for') el.setAttribute(key, String(value));
    else el[key] = value;
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** A modal dialog added to the page and opened; close() removes it. */
export function openDialog(id, ...children) {
  document.getElementById(id)?.remove();
  const dialog = h('dialog', { id }, ...children);
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Shows an error of an action in el: the server's message, or that it cannot be reached. */
export function showError(el, error) {
  el.textContent = error && error.message ? error.message : String(error);
}

/** An element that will hold one name from the server, marked so a check can find every name on the page. */
export function nameHolder(tag, className) {
  const el = document.createElement(tag);
  el.dataset.name = '';
  if (className) el.className = className;
  return el;
}

/** A countdown's text: hh:mm:ss, whole seconds left (rounded down), never below zero. */
export function hhmmss(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

/** An image of an SVG the server drew (a QR code), from a blob: URL, which the Content-Security-Policy allows. */
export async function svgImage(svg, label) {
  const img = document.createElement('img');
  img.className = 'qr';
  img.alt = label;
  img.dataset.qr = '';
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await img.decode().catch(() => undefined);
  return img;
}
