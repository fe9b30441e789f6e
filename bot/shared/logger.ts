/** Where the bot's parts report what happened: console in production, a recorder in tests. */
export type Logger = Pick<Console, 'log' | 'warn' | 'error'>;

/** What a part that only reports failures needs. */
export type ErrorLogger = Pick<Logger, 'error'>;
