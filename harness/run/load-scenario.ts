import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '../errors.js';
import type { Scenario } from './scenario.js';
import { validateScenario } from './validate-scenario.js';

const API = 'tracegate.loadScenario()';
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function importModule(path: string): Promise<unknown> {
  // In the CommonJS build (dist/cjs) TypeScript turns import() into require(), which cannot load an ES module
  // scenario, and import.meta does not exist: there tsx's require loads every kind of file.
  if (typeof module === 'object' && typeof require === 'function') {
    const { require: tsxRequire } = await import('tsx/cjs/api');
    return tsxRequire(path, path);
  }
  const url = pathToFileURL(path).href;
  if (!TYPESCRIPT.has(extname(path))) return import(url);
  // Loaded only for TypeScript files, so JSON and JavaScript scenarios never pay for the compiler.
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, url);
}

async function loadModule(path: string): Promise<unknown> {
  let loaded: { default?: unknown; scenario?: unknown; name?: unknown };
  try {
    loaded = (await importModule(path)) as typeof loaded;
  } catch (error) {
    throw new InvalidArgumentError(`${API}: could not load ${path}: ${reason(error)}`);
  }
  // require() of a CommonJS file (in the CommonJS build) returns its module.exports, which may be the scenario.
  let scenario: unknown = loaded.default ?? loaded.scenario ?? (loaded.name === undefined ? undefined : loaded);
  // A file compiled as CommonJS (no "type": "module" above it) arrives with its exports object as the default.
  const inner = scenario as { default?: unknown; name?: unknown } | null | undefined;
  if (typeof inner === 'object' && inner !== null && inner.name === undefined && inner.default !== undefined) {
    scenario = inner.default;
  }
  if (scenario === undefined) {
    throw new InvalidArgumentError(
      `${API}: ${path} has no scenario: export one as default (export default defineScenario({ … }))`,
    );
  }
  return scenario;
}

async function loadJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`${API}: could not read ${path}: ${reason(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidArgumentError(`${API}: ${path} is not valid JSON: ${reason(error)}`);
  }
}

/**
 * Loads and validates a scenario file: `.json`, or a module (`.ts`, `.mts`, `.cts` through tsx; `.js`, `.mjs`,
 * `.cjs` as they are) whose default export (or `scenario` export) is the scenario. Errors name the file and field.
 */
export async function loadScenario(path: string): Promise<Scenario> {
  if (typeof path !== 'string' || path === '') throw new InvalidArgumentError(`${API}: path must be a file path`);
  const absolute = resolve(path);
  const extension = extname(absolute);
  let value: unknown;
  if (extension === '.json') value = await loadJson(absolute);
  else if (TYPESCRIPT.has(extension) || JAVASCRIPT.has(extension)) value = await loadModule(absolute);
  else {
    throw new InvalidArgumentError(
      `${API}: ${path}: expected a .json, .ts, .mts, .cts, .js, .mjs or .cjs file, got "${extension || 'no extension'}"`,
    );
  }
  return validateScenario(value, path);
}
