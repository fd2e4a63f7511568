import type * as Testcontainers from 'testcontainers';

/**
 * Loads testcontainers on first use only, so importing tracegate costs nothing for users without containers (it is
 * an optional peer dependency). Ryuk, testcontainers' reaper, is an image from a registry tracegate cannot assume
 * reachable, so it is disabled before testcontainers reads the setting (tracegate removes its containers on stop);
 * a user may set it to "false".
 */
export async function loadTestcontainers(): Promise<typeof Testcontainers> {
  process.env['TESTCONTAINERS_RYUK_DISABLED'] ??= 'true';
  try {
    return await import('testcontainers');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      'starting a container needs the testcontainers package, an optional peer dependency of tracegate: npm install --save-dev testcontainers@11',
      { cause: error },
    );
  }
}
