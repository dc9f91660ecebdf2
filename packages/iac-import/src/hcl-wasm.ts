import { parse } from '@cdktf/hcl2json';
import { HclSyntaxError } from './errors';
import type { HclParser } from './types';

/**
 * The HCL parser for Node callers (CLI, services): HashiCorp's own parser compiled to WebAssembly
 * (`@cdktf/hcl2json`). Its errors read `parse config: [main.tf:2,7-3,1: Invalid expression; …]`;
 * the line is taken from there.
 */
export const parseHcl: HclParser = async (file, text) => {
  try {
    return (await parse(file, text)) as Record<string, unknown>;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const at = /:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*(.*?)\]?$/s.exec(message);
    throw new HclSyntaxError(at ? Number(at[1]) : 1, at ? at[2].trim() : message);
  }
};
