/**
 * Where each element sits on the screen, in points of a 360-point-wide phone: rows stack down the screen; a bar
 * shares its row among its children; a grid row's cells are square, so 4 per row draws small thumbnails and 2 per
 * row (enlarged) big ones. Page sources report these bounds and screenshots draw them.
 */
import type { UiElement } from './ui-element.js';

export const SCREEN_WIDTH = 360;
export const SCREEN_HEIGHT = 780;
const ROW = 36;
const INSET = 8;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  readonly rects: ReadonlyMap<UiElement, Rect>;
  /** The height of everything drawn (a screen may scroll past SCREEN_HEIGHT). */
  readonly height: number;
}

export function layOut(root: UiElement): Layout {
  const rects = new Map<UiElement, Rect>();
  const height = place(root, 0, 0, SCREEN_WIDTH, rects);
  rects.set(root, { x: 0, y: 0, width: SCREEN_WIDTH, height: Math.max(SCREEN_HEIGHT, height) });
  return { rects, height: Math.max(SCREEN_HEIGHT, height) };
}

/** Places `element` at (x, y) in `width` points; answers its height. */
function place(element: UiElement, x: number, y: number, width: number, rects: Map<UiElement, Rect>): number {
  const children = element.children ?? [];
  let height: number;
  if (element.role === 'bar' || element.role === 'grid') {
    const columns = Math.max(1, element.columns ?? children.length);
    const cell = Math.floor(width / columns);
    height = element.role === 'grid' ? cell : ROW;
    children.forEach((child, i) => {
      place(child, x + i * cell, y, cell, rects);
      rects.set(child, { x: x + i * cell, y, width: cell, height });
    });
  } else if (children.length > 0) {
    height = 0;
    for (const child of children) height += place(child, x, y + height, width, rects);
  } else {
    height = element.role === 'screen' || element.role === 'group' || element.role === 'list' ? 0 : ROW;
  }
  rects.set(element, { x, y, width, height });
  return height;
}

/** A rect shrunk by the inset, for drawing. */
export const inset = (r: Rect): Rect => ({
  x: r.x + INSET / 4,
  y: r.y + INSET / 4,
  width: Math.max(0, r.width - INSET / 2),
  height: Math.max(0, r.height - INSET / 2),
});
