import { type Difficulty, isDifficulty } from "../../domain/difficulty";
import { SETTINGS, type Setting } from "../../domain/setting";

/**
 * Narrows a stored `experiments.setting`. The table's CHECK constraint allows only these values,
 * so a failure here means the schema and the code disagree.
 */
export function storedSetting(value: string): Setting {
  const setting = SETTINGS.find((candidate) => candidate === value);
  if (!setting) throw new Error(`Unexpected experiment setting in the database: "${value}"`);
  return setting;
}

/** Narrows a stored `problems.difficulty` (guarded by a CHECK constraint like the setting). */
export function storedDifficulty(value: string): Difficulty {
  if (!isDifficulty(value)) throw new Error(`Unexpected problem difficulty in the database: "${value}"`);
  return value;
}
