import { LRUCache } from "lru-cache";

type Png = Uint8Array<ArrayBuffer>;

/** Rendered preview images, by frontier version and view: a version's image never changes. */
const rendered = new LRUCache<string, Png>({
  maxSize: 32 * 2 ** 20,
  sizeCalculation: (png) => png.byteLength,
});

/** Renders under way, so a burst of unfurls of one link renders it once. */
const pending = new Map<string, Promise<Png>>();

/** A preview image rendered once per key (the frontier's ETag and the view), then served from memory. */
export function cachedRender(key: string, render: () => Promise<Png>): Promise<Png> {
  const cached = rendered.get(key);
  if (cached) return Promise.resolve(cached);
  let running = pending.get(key);
  if (!running) {
    running = render()
      .then((png) => {
        rendered.set(key, png);
        return png;
      })
      .finally(() => pending.delete(key));
    pending.set(key, running);
  }
  return running;
}
