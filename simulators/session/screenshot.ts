/**
 * A screenshot of the current screen as a PNG: each element's box where the layout puts it, coloured by its role
 * and state (a pressed toggle, a selected tab, a greyed-out button), with its label in a small bitmap font. Enough
 * for a report to show what the screen looked like, and for a test to tell screens apart.
 */
import { PNG } from 'pngjs';
import { glyph, GLYPH_WIDTH } from './bitmap-font.js';
import { inset, layOut, SCREEN_HEIGHT, SCREEN_WIDTH, type Rect } from './layout.js';
import { walk, type UiElement } from './ui-element.js';

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [30, 30, 30];
const GREY: Rgb = [170, 170, 170];
const BLUE: Rgb = [33, 110, 220];
const PALE_BLUE: Rgb = [220, 233, 252];
const PANEL: Rgb = [238, 238, 238];
const SCALE = 2;

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.png = new PNG({ width, height });
    this.fill({ x: 0, y: 0, width, height }, WHITE);
  }

  fill(r: Rect, [red, green, blue]: Rgb): void {
    const x1 = Math.min(this.width, Math.round(r.x + r.width));
    const y1 = Math.min(this.height, Math.round(r.y + r.height));
    for (let y = Math.max(0, Math.round(r.y)); y < y1; y++) {
      for (let x = Math.max(0, Math.round(r.x)); x < x1; x++) {
        const at = (y * this.width + x) * 4;
        this.png.data[at] = red;
        this.png.data[at + 1] = green;
        this.png.data[at + 2] = blue;
        this.png.data[at + 3] = 255;
      }
    }
  }

  frame(r: Rect, colour: Rgb): void {
    this.fill({ ...r, height: 1 }, colour);
    this.fill({ ...r, y: r.y + r.height - 1, height: 1 }, colour);
    this.fill({ ...r, width: 1 }, colour);
    this.fill({ ...r, x: r.x + r.width - 1, width: 1 }, colour);
  }

  write(x: number, y: number, value: string, maxWidth: number, colour: Rgb): void {
    const step = (GLYPH_WIDTH + 1) * SCALE;
    const fits = Math.max(0, Math.floor(maxWidth / step));
    [...value].slice(0, fits).forEach((char, i) => {
      for (const [cx, cy] of glyph(char)) {
        this.fill({ x: x + i * step + cx * SCALE, y: y + cy * SCALE, width: SCALE, height: SCALE }, colour);
      }
    });
  }
}

export function screenshot(root: UiElement): Buffer {
  const { rects } = layOut(root);
  const canvas = new Canvas(SCREEN_WIDTH, SCREEN_HEIGHT);
  for (const element of walk(root)) {
    const rect = rects.get(element);
    if (!rect || rect.height === 0) continue;
    draw(canvas, element, inset(rect));
  }
  return PNG.sync.write(canvas.png);
}

function draw(canvas: Canvas, e: UiElement, r: Rect): void {
  const enabled = e.enabled !== false;
  const ink = enabled ? INK : GREY;
  switch (e.role) {
    case 'dialog':
    case 'bar':
      canvas.fill(r, PANEL);
      break;
    case 'button':
    case 'tab':
      if (e.selected || e.role === 'button') canvas.fill(r, enabled ? PALE_BLUE : PANEL);
      canvas.frame(r, enabled ? BLUE : GREY);
      break;
    case 'field':
      canvas.frame(r, ink);
      break;
    case 'toggle':
    case 'checkbox':
    case 'radio': {
      const box = { x: r.x + r.width - 22, y: r.y + (r.height - 14) / 2, width: 14, height: 14 };
      canvas.frame(box, ink);
      if (e.checked) canvas.fill(inset(inset(box)), BLUE);
      break;
    }
  }
  if (e.text && !e.children?.length) canvas.write(r.x + 6, r.y + (r.height - 10) / 2, e.text, r.width - 34, ink);
}
