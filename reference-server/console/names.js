/*
 * Every name the server gives (devices, models, authenticators, the server itself) enters the page through this
 * module, as text only: a model named `<img src=x onerror=…>` shows as those characters.
 */
import { nameHolder } from './dom.js';

export function setText(el, text) {
  el.textContent = String(text ?? '');
  return el;
}

export const nameElement = (tag, name, className) => setText(nameHolder(tag, className), name);
