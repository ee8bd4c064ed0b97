/**
 * The browser context every test runs in: playwright.config.ts gives it to the per-test pages, and
 * the worker's shared page (fixtures.ts `sharedDemo`) is opened with the same, as a worker fixture
 * does not receive the config's test options.
 */
export const contextOptions = {
  viewport: { width: 1400, height: 900 },
  locale: 'zh-CN',
};
