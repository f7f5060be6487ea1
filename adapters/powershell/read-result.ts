import Ajv, { type ValidateFunction } from 'ajv';
import type { TargetReport } from '../../bot/domain';
import { ExecutionError } from '../../bot/ports';
import resultSchema from './schemas/operation-result.schema.json';

/** The line the entry scripts print their answer on. */
export const RESULT_PREFIX = 'RDSBOT-RESULT ';

/** The target's answer is validated against operation-result.schema.json before anyone reads it. */
export function resultValidator(): ValidateFunction {
  return new Ajv({ strict: true, allErrors: false }).compile(resultSchema);
}

/**
 * The last result line of an entry script's output, as a report, or the expected failure it names
 * (host unreachable, refused by the target, failed there) as an ExecutionError.
 */
export function readResult(stdout: string, hostName: string, validate: ValidateFunction): TargetReport {
  const line = stdout
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new ExecutionError('executor_failed', `no result came back from ${hostName}.`);
  let result: unknown;
  try {
    result = JSON.parse(line.slice(RESULT_PREFIX.length));
  } catch {
    throw new ExecutionError('executor_failed', `the result from ${hostName} is not JSON.`);
  }
  if (isFailure(result)) {
    const code = ['host_unreachable', 'target_refused', 'target_failed'].includes(result.code)
      ? (result.code as ExecutionError['code'])
      : 'executor_failed';
    const message =
      code === 'host_unreachable'
        ? `${hostName} did not accept a PowerShell session (down or unreachable).`
        : result.message;
    throw new ExecutionError(code, message.slice(0, 300));
  }
  if (!validate(result)) {
    throw new ExecutionError('executor_failed', `the result from ${hostName} does not match the result schema.`);
  }
  const report = result as TargetReport;
  if (report.host.toUpperCase() !== hostName.toUpperCase()) {
    throw new ExecutionError('target_failed', `the host answered as ${report.host}, not ${hostName}.`);
  }
  return report;
}

function isFailure(value: unknown): value is { ok: false; code: string; message: string } {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
