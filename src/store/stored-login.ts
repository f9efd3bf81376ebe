/**
 * Logins are stored and looked up in lower case: GitHub's are case-insensitive, and a config may spell a
 * contractor's login differently from GitHub's webhooks.
 */
export const storedLogin = (login: string): string => login.toLowerCase();

export const storedLogins = (logins: readonly string[]): string[] => logins.map(storedLogin);
