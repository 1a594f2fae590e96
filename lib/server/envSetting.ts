/** A positive whole number from the environment; the fallback when unset or not such a number. */
export function positiveIntegerSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}
