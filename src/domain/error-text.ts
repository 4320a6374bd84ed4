/**
 * An error as logs may show it: the query's failure without drizzle's `params:` part, which would carry phone
 * numbers, sign-in codes and other personal data bound into the statement.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  if (cause && (error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query:'))) return `${cause.name}: ${cause.message}`;
  const stack =
    error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 3)
      .join('\n') ?? '';
  return `${error.name}: ${error.message.split('\nparams:')[0]}${stack ? `\n${stack}` : ''}`;
}
