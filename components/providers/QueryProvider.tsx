"use client";

// First, on every page (the root layout renders this): zod parses in the browser without the eval probe.
import "@/components/browser/zodWithoutEval";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/components/queries/queryClient";

/** Gives every client component the browser's single QueryClient. */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
