import { defaultLabOptions, LAB_HOSTS, labAddress, labDown, labUp } from './lab';
import { labNetworkMode } from './lab-network';

/** `npm run lab -- up|down|status` */
async function main(): Promise<void> {
  const command = process.argv[2];
  const options = defaultLabOptions();
  if (command === 'up') {
    const inventory = await labUp(options);
    for (const host of LAB_HOSTS) {
      const state =
        host.behaviour === 'down'
          ? 'down (on purpose)'
          : host.behaviour === 'hang'
            ? 'up, never answers (on purpose)'
            : 'up';
      console.log(
        `  ${host.name.padEnd(8)} ${labAddress(options, host).padEnd(14)} ${host.role.padEnd(15)} ${host.scenario.padEnd(26)} ${state}`,
      );
    }
    console.log(`lab is up (${options.network ?? labNetworkMode()}); inventory written to ${inventory}`);
  } else if (command === 'down') {
    await labDown(options);
    console.log('lab is down');
  } else {
    console.error('usage: npm run lab -- up|down');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(`lab: ${(error as Error).message}`);
  process.exit(1);
});
