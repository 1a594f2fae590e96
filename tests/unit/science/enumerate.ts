/** Every k-element subset of {0, …, n−1}, as index arrays (brute-force references for small n). */
export function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (k > n) return [];
  const result: number[][] = [];
  const visit = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      result.push([...chosen]);
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i++) visit(i + 1, [...chosen, i]);
  };
  visit(0, []);
  return result;
}
