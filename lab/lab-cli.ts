import { defaultLabOptions, LAB_HOSTS, labAddress, labDown, labUp } from './lab';
import { labNetworkMode } from './lab-network';
import { labScaleDown, labScaleUp, SCALE_PORT, SCALE_SCENARIO, scaleHosts, scaleSshdPids } from './lab-scale';

/** `npm run lab -- up|down|scale-up [count]|scale-down` */
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
    console.log('lab is down (the scale lab too)');
  } else if (command === 'scale-up') {
    const count = process.argv[3] === undefined ? 40 : Number(process.argv[3]);
    const inventory = await labScaleUp(options, count);
    const hosts = scaleHosts(options, count);
    console.log(
      `  ${hosts[0]?.name} .. ${hosts[hosts.length - 1]?.name} on ${hosts[0]?.address} .. ${hosts[hosts.length - 1]?.address}:${SCALE_PORT}, ${scaleSshdPids(options).length} sshd, ${SCALE_SCENARIO}`,
    );
    console.log(`scale lab is up (${count} hosts); inventory written to ${inventory}`);
  } else if (command === 'scale-down') {
    await labScaleDown(options);
    console.log('scale lab is down');
  } else {
    console.error('usage: npm run lab -- up|down|scale-up [count]|scale-down');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(`lab: ${(error as Error).message}`);
  process.exit(1);
});
