/** A setting the bot refuses to start with; its message names the setting, never a secret's value. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
