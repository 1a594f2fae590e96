import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { IMPORT_FORMATS } from "../../lib/formats/formats";

const badImportSchema = z.strictObject({
  /** The file's name in {@link BAD_IMPORTS_DIR}. */
  file: z.string(),
  fault: z.string(),
  /** `--format`, for a file whose format detection should not decide. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** Every line the importer prints, after the file name: `:line[:column]: field or path: message`. */
  expected: z.array(z.string()).min(1),
});

export type BadImport = z.infer<typeof badImportSchema>;

/** The fault corpus: one bad input per file (tests/fixtures/import/bad/). */
export const BAD_IMPORTS_DIR = fileURLToPath(new URL("../fixtures/import/bad/", import.meta.url));

/** The corpus table (tests/fixtures/import/bad-inputs.yaml), one entry per file of the corpus. */
export function readBadImports(): BadImport[] {
  const table = readFileSync(
    fileURLToPath(new URL("../fixtures/import/bad-inputs.yaml", import.meta.url)),
    "utf8",
  );
  return z.array(badImportSchema).parse(parse(table));
}

/** The files in the corpus directory, to check that each one has its entry in the table. */
export function badImportFiles(): string[] {
  return readdirSync(BAD_IMPORTS_DIR).sort();
}
