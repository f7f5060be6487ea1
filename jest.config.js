// Six tiers, one runner. unit and turn need nothing outside the process; integration and e2e start
// real lab hosts (sshd + pwsh), a real SQLite file and real HTTP servers (tests/support/global-setup);
// browser adds Debian's Chromium driving the Agents Playground's web page (tests/support/browser).
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    '^strip-bom$': '<rootDir>/node_modules/strip-bom-cjs',
  },
};

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'turn', testMatch: ['<rootDir>/tests/turn/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // kill -9 at every step between Confirm and the result (about 90 s: seven bot restarts).
    { ...common, displayName: 'crash', testMatch: ['<rootDir>/tests/crash/**/*.test.ts'] },
    // Two bot instances behind a proxy and two workers on one throwaway PostgreSQL (issue 15, about 2 min).
    { ...common, displayName: 'scale', testMatch: ['<rootDir>/tests/scale/**/*.test.ts'] },
    // Real Chromium clicking the real buttons in the Playground's page; screenshots to data/browser/.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
};
