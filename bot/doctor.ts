import { doctor } from './tools/doctor-cli';

/** Entry point: `npm run doctor`, or `node dist/bot/doctor.js` in a deployment (docs/admin-guide.md). */
doctor().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`doctor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
