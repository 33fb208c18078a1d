import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          // Engine tests sit beside the code; e2e/*.spec.ts belong to Playwright.
          include: ['app/engine/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'ui',
          environment: 'node',
          include: ['app/{components,state,runtime,network,examples}/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
