import { SshPreflight } from '../../adapters/openssh/ssh-preflight';
import { moduleVersion } from '../../adapters/powershell/module-version';
import { PwshExecutor } from '../../adapters/powershell/pwsh-executor';
import { findDotnetRoot, readConfig } from '../config';
import { type HostReport, failed, hasFailure } from '../preflight/check';
import { checkHost } from '../preflight/check-host';
import { doctorSummary, doctorTable } from '../preflight/doctor-table';
import { Slots } from '../workflow/slots';
import { checkConfig } from './doctor-config';

/** The longest the doctor waits for one host call: a wedged host must not hold the preflight for a minute. */
const DOCTOR_CALL_MS = 20_000;

/**
 * `npm run doctor` (or `node dist/bot/doctor.js`): the configuration, then every inventory host the
 * way the bot will call it, as one table; exit 1 when anything failed. With no settings at all it
 * checks what `npm start` uses (local mode, the lab's inventory).
 */
export async function doctor(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Promise<number> {
  const settings = env.BOT_ID || env.RDSBOT_LOCAL ? env : { ...env, RDSBOT_LOCAL: '1' };
  let config;
  try {
    config = readConfig(settings, root);
  } catch (error) {
    const report: HostReport = {
      host: '(configuration)',
      transport: '',
      checks: [failed('settings', (error as Error).message, 'See the environment table in docs/admin-guide.md.')],
    };
    console.log(doctorTable([report]));
    return 1;
  }
  const { report: configReport, hosts } = await checkConfig(config);
  const timeoutMs = Math.min(config.executionTimeoutMs, DOCTOR_CALL_MS);
  // One pwsh per call through the same entry script, module and payload checks as the bot's warm pool:
  // the preflight makes a few calls per host, where warming sessions costs more than it saves (ADR 0021).
  const executor = new PwshExecutor({
    pwsh: config.pwsh,
    timeoutMs,
    connectTimeoutSeconds: config.connectTimeoutSeconds,
    labOnly: config.local,
    env: { DOTNET_ROOT: findDotnetRoot(process.env) },
  });
  const deps = {
    probe: new SshPreflight({ connectTimeoutSeconds: config.connectTimeoutSeconds }),
    executor,
    moduleVersion: moduleVersion(),
    timeoutSeconds: Math.round(timeoutMs / 1000),
  };
  // At most EXECUTION_CONCURRENCY hosts at once, with the engine's own bound; results in inventory order.
  const slots = new Slots(config.execution.concurrency);
  const reports = await Promise.all(hosts.map((host) => slots.run(() => checkHost(host, deps))));
  console.log(doctorTable([configReport, ...reports]));
  console.log('');
  console.log(doctorSummary(configReport, reports));
  return hasFailure(configReport) || reports.some(hasFailure) ? 1 : 0;
}
