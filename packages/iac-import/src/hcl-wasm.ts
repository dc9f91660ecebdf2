import { HclSyntaxError } from './errors';
import type { HclParser } from './types';

/**
 * The HCL parser for Node callers (CLI, services): HashiCorp's own parser compiled to WebAssembly
 * (`@cdktf/hcl2json`). Its errors read `parse config: [main.tf:2,7-3,1: Invalid expression; …]`;
 * the line is taken from there. The parser (a WebAssembly module it loads as soon as it is imported)
 * is loaded on the first call, so that commands and services that never see HCL do not pay for it.
 */
export const parseHcl: HclParser = async (file, text) => {
  const { parse } = await import('@cdktf/hcl2json');
  try {
    return (await parse(file, text)) as Record<string, unknown>;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const at = /:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*(.*?)\]?$/s.exec(message);
    throw new HclSyntaxError(at ? Number(at[1]) : 1, at ? at[2].trim() : message);
  }
};
