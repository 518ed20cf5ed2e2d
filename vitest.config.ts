import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects: `build` builds the fixture archive once (globalSetup) and
 * checks the generated site; `default` runs every other test.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/build/**', 'tests/.tmp/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-fixture-site.ts'],
        },
      },
    ],
  },
});
