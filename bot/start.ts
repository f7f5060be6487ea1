import { main } from './main';

/** Entry point: `node scripts/ts-run.js bot/start.ts` (npm start) or `node dist/bot/start.js` after a build. */
void main();
