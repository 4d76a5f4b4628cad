/** The wall clock behind the same interface, for live runs against real servers or apps. */
import type { SimClock, TimerHandle } from './clock.js';

export class RealClock implements SimClock {
  private readonly handles = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const id = this.nextId++;
    this.handles.set(
      id,
      setTimeout(() => {
        this.handles.delete(id);
        callback();
      }, delayMs),
    );
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    clearTimeout(this.handles.get(handle.id));
    this.handles.delete(handle.id);
  }
}
