"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { EnsembleSearchSummary } from "@/lib/contracts/scalingTypes";
import type { SearchMessage, SearchRequest } from "./searchWorker";

type SearchState =
  | { status: "idle" }
  | { status: "running"; done: number; total: number | null }
  | { status: "done"; result: EnsembleSearchSummary }
  | { status: "error"; message: string };

/**
 * Runs the ensemble search in a Web Worker (created on first use, ended on unmount). A new search
 * replaces a running one: results of an older request are ignored by id.
 */
export function useEnsembleSearch() {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<SearchState>({ status: "idle" });

  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((request: Omit<SearchRequest, "id">) => {
    if (!worker.current) {
      worker.current = new Worker(new URL("./searchWorker.ts", import.meta.url));
      worker.current.onmessage = ({ data }: MessageEvent<SearchMessage>) => {
        if (data.id !== latest.current) return;
        if (data.type === "progress") setState({ status: "running", done: data.done, total: data.total });
        else if (data.type === "result") setState({ status: "done", result: data.result });
        else setState({ status: "error", message: data.message });
      };
      worker.current.onerror = (event) =>
        setState({ status: "error", message: event.message || "The search stopped." });
    }
    latest.current += 1;
    setState({ status: "running", done: 0, total: null });
    worker.current.postMessage({ ...request, id: latest.current } satisfies SearchRequest);
  }, []);

  return { state, start };
}
