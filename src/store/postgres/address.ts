import { InputError } from '../../domain/errors.js';

/** Whether a store location names a PostgreSQL database rather than a folder. */
export const isDatabaseUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/**
 * A database URL as messages may show it: without the password (and without the query, which
 * may carry one). Throws an input error that does not repeat the URL when it is not one.
 */
export function displayUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new InputError({ file: 'database URL' }, 'not a valid postgres://user@host:port/database URL');
  }
  const user = url.username ? `${url.username}@` : '';
  return `${url.protocol}//${user}${url.host}${url.pathname}`;
}
