/** Limits of an infrastructure import (docs/import.md): every surface enforces them through `importInfrastructure`. */
export const IMPORT_LIMITS = {
  /** Files in one import. */
  maxFiles: 200,
  /** Characters of one file. */
  maxFileChars: 1_000_000,
  /** Characters of all files together. */
  maxTotalChars: 5_000_000,
} as const;
