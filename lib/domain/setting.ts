/** The inference setting an experiment was evaluated in. */
export const SETTINGS = ["pure-reasoning", "tool-use", "agentic"] as const;

export type Setting = (typeof SETTINGS)[number];

export const SETTING_LABELS: Record<Setting, string> = {
  "pure-reasoning": "Pure reasoning",
  "tool-use": "Tool use",
  agentic: "Agentic coding",
};
