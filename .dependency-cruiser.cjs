/**
 * The layering of shared/design/architecture.md, checked by `npm run check` and `npm test`
 * (ADR 0010): the core imports no SDK, shell or database driver; adapters import neither the Teams
 * layer nor the cards; cards import neither; nothing imports in a circle.
 */
const SDKS = 'node_modules/(botbuilder|botframework-|@microsoft/|restify|better-sqlite3|node-powershell|pg/|pg-)';
// Composition roots and command-line tools wire adapters into the core; the Teams layer uses the SDK.
const CORE = '^bot/(?!app/|main\\.ts$|start\\.ts$|worker\\.ts$|doctor\\.ts$|tools/)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-no-sdk',
      comment: 'bot/ is the product logic: SDKs, shells and drivers only in bot/app/, adapters/ and the roots',
      severity: 'error',
      from: { path: CORE },
      to: { path: [SDKS, '^adapters/'] },
    },
    {
      name: 'adapters-import-no-teams-layer-or-cards',
      comment: 'the composition root injects what an adapter needs from cards/ or bot/app/',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: ['^bot/app/', '^cards/', '^bot/main\\.ts$'] },
    },
    {
      name: 'cards-import-no-adapters-or-teams-layer',
      severity: 'error',
      from: { path: '^cards/' },
      to: { path: ['^adapters/', '^bot/app/', SDKS] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|data|lab|coverage)/' },
  },
};
