/** Pending callbacks, so closing or resetting the sandbox leaves nothing running. */
export class TimerSet {
  private readonly handles = new Set<NodeJS.Timeout>();

  schedule(delayMs: number, callback: () => void): void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      callback();
    }, delayMs);
    this.handles.add(handle);
  }

  clear(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
