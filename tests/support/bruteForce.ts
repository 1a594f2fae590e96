/**
 * Independent references for the scaling tests: probabilities by enumerating every k-subset of
 * the n samples (c of them passing), never by the product-of-ratios formula under test.
 */
export function bruteNoPass(n: number, c: number, k: number): number {
  let subsets = 0;
  let noPass = 0;
  const visit = (start: number, left: number, hasPass: boolean) => {
    if (left === 0) {
      subsets++;
      if (!hasPass) noPass++;
      return;
    }
    for (let s = start; s <= n - left; s++) visit(s + 1, left - 1, hasPass || s < c);
  };
  visit(0, k, false);
  return noPass / subsets;
}

/** pass@k of one problem by enumeration. */
export function brutePassAtK(n: number, c: number, k: number): number {
  return 1 - bruteNoPass(n, c, k);
}
