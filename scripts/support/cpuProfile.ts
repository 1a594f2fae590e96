/** A Chrome DevTools CPU profile (`Profiler.stop`'s result, the `.cpuprofile` format), as much as we read. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** Function name (or "(anonymous)"), then script file, line and column (1-based). */
  name: string;
  selfMs: number;
}

/**
 * Self time per function of a sampled CPU profile, largest first: each sample's interval is charged
 * to the function on top of the stack, and nodes of the same function (same name and position) add up.
 */
export function selfTimes(profile: CpuProfile): FunctionTime[] {
  const keyOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.slice(url.lastIndexOf("/") + 1);
    const where = file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : "";
    keyOf.set(node.id, `${functionName || "(anonymous)"}${where}`);
  }
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap to the next one; the last sample has none to charge.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const key = keyOf.get(id) ?? "(unknown)";
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  return [...totals.entries()]
    .map(([name, selfMs]) => ({ name, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs);
}
