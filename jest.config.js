/** Jest runs the TypeScript sources as ES modules through ts-jest (transpile only; `npm run typecheck` checks types). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, tsconfig: 'tsconfig.json' }],
  },
  roots: ['<rootDir>/test', '<rootDir>/harness'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 30000,
};
