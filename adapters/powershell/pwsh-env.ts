/** pwsh gets only what it needs from the bot's environment: no secrets, no bot tokens. */
export function minimalEnv(): NodeJS.ProcessEnv {
  const keep = [
    'PATH',
    'HOME',
    'USER',
    'LANG',
    'TMPDIR',
    'DOTNET_ROOT',
    'SystemRoot',
    'ProgramData',
    'USERPROFILE',
    'TEMP',
    'TMP',
  ];
  const env: NodeJS.ProcessEnv = { TERM: 'dumb', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' };
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}
