/**
 * How the α slider moves over the evaluated α (sorted ascending): keyboard steps go from one
 * evaluated α to the next, dragging is continuous but snaps onto an evaluated α close by.
 */

/** Continuous α values are kept to two decimals: finer than a pixel of any slider, short in a URL. */
export function roundAlpha(alpha: number): number {
  return Math.round(alpha * 100) / 100;
}

/** The evaluated α within `tolerance` of α (the nearest one), else α itself. */
export function snapAlpha(alpha: number, evaluated: readonly number[], tolerance: number): number {
  let nearest = alpha;
  let distance = tolerance;
  for (const candidate of evaluated) {
    const d = Math.abs(candidate - alpha);
    if (d <= distance) {
      nearest = candidate;
      distance = d;
    }
  }
  return nearest;
}

/**
 * The evaluated α `steps` evaluated values away in a direction, clamped to the ends. From a value
 * between two evaluated α the first step lands on the neighbour in that direction.
 */
export function stepAlpha(alpha: number, evaluated: readonly number[], direction: 1 | -1, steps = 1): number {
  const last = evaluated.length - 1;
  let index: number;
  if (direction > 0) {
    const next = evaluated.findIndex((candidate) => candidate > alpha);
    index = next === -1 ? last : next + steps - 1;
  } else {
    const previous = evaluated.findLastIndex((candidate) => candidate < alpha);
    index = previous === -1 ? 0 : previous - steps + 1;
  }
  return evaluated[Math.max(0, Math.min(last, index))];
}

/** PageUp/PageDown move a quarter of the evaluated grid at a time (at least one step). */
export function pageSteps(evaluated: readonly number[]): number {
  return Math.max(1, Math.round((evaluated.length - 1) / 4));
}

/** α at a fraction (0–1, clamped) along the slider track from alphaMin to alphaMax. */
export function alphaAtFraction(fraction: number, alphaMin: number, alphaMax: number): number {
  const clamped = Math.max(0, Math.min(1, fraction));
  return alphaMin + clamped * (alphaMax - alphaMin);
}

/** Fraction (0–1) of the slider track at which α sits. */
export function fractionOfAlpha(alpha: number, alphaMin: number, alphaMax: number): number {
  return alphaMax > alphaMin ? (alpha - alphaMin) / (alphaMax - alphaMin) : 0.5;
}

/**
 * Where a key press moves the slider (WAI-ARIA slider keys), or null for a key the slider ignores:
 * arrows step one evaluated α, PageUp/PageDown a quarter of the grid, Home/End go to the ends.
 */
export function alphaForKey(key: string, alpha: number, evaluated: readonly number[]): number | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      return stepAlpha(alpha, evaluated, 1);
    case "ArrowLeft":
    case "ArrowDown":
      return stepAlpha(alpha, evaluated, -1);
    case "PageUp":
      return stepAlpha(alpha, evaluated, 1, pageSteps(evaluated));
    case "PageDown":
      return stepAlpha(alpha, evaluated, -1, pageSteps(evaluated));
    case "Home":
      return evaluated[0];
    case "End":
      return evaluated[evaluated.length - 1];
    default:
      return null;
  }
}
