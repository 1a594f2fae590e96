/** A whole number ≥ `least` from the environment; the fallback when unset or not such a number. */
export function integerSetting(name: string, fallback: number, least: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= least ? value : fallback;
}

/** A positive whole number from the environment; the fallback when unset or not such a number. */
export function positiveIntegerSetting(name: string, fallback: number): number {
  return integerSetting(name, fallback, 1);
}
