// Marks dist/cjs as CommonJS. The package is "type": "module", so without this package.json Node (and jest, and
// TypeScript when it reads the .d.ts files) would take the CommonJS build's .js files for ES modules.
// Run by `npm run build` after `tsc -p tsconfig.cjs.json`.
import { mkdirSync, writeFileSync } from 'node:fs';

const CJS_DIR = new URL('../../dist/cjs/', import.meta.url);

mkdirSync(CJS_DIR, { recursive: true });
writeFileSync(new URL('package.json', CJS_DIR), `${JSON.stringify({ type: 'commonjs' })}\n`);
