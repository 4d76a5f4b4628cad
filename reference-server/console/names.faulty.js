/* The self-test's faulty names.js (console-names-unescaped): names go into the page as markup. */
import { nameHolder } from './dom.js';

export function setText(el, text) {
  el.innerHTML = String(text ?? '');
  return el;
}

export const nameElement = (tag, name, className) => setText(nameHolder(tag, className), name);
