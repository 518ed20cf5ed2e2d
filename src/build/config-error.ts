/**
 * A problem with how the build was asked for (an environment variable, a
 * folder): Astro prints the message of an error thrown from its config, and
 * its stack when it has one; this one has none, so the message is all a
 * person sees.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}
