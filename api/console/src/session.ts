import { type Api, type KeyInfo, answer, apiClient } from './api.js';

/** Who is signed in: their key's record, a client sending the key, and what their role may do. */
export interface Session {
  me: KeyInfo;
  api: Api;
  /** Whether the role may call an operation (by its operationId in the API's document). */
  may: (operationId: string) => boolean;
}

// The tab's session only: closing the tab forgets the key.
const STORAGE = 'shiftcast.key';

/**
 * Signs in with a key: the server says whose key it is (`GET /v1/me`) and, through the roles its
 * own document gives each operation (`x-roles`), what the role may do, so the console offers
 * exactly what the API would allow.
 */
export async function signIn(key: string): Promise<Session> {
  const api = apiClient(key);
  const me = answer(await api.GET('/me'));
  // The document gives itself no schema: read as the OpenAPI shape this needs.
  const document = answer(await api.GET('/openapi.json')) as unknown as { paths: Record<string, Record<string, Operation>> };
  const allowed = new Set(
    Object.values(document.paths)
      .flatMap((ops) => Object.values(ops))
      .filter((op) => op['x-roles'] === undefined || op['x-roles'].includes('any') || op['x-roles'].includes(me.role))
      .map((op) => op.operationId),
  );
  sessionStorage.setItem(STORAGE, key);
  return { me, api, may: (operationId) => allowed.has(operationId) };
}

interface Operation {
  operationId: string;
  'x-roles'?: string[];
}

/** The session kept in this tab, if its key still works. */
export async function resume(): Promise<Session | null> {
  const key = sessionStorage.getItem(STORAGE);
  if (!key) return null;
  try {
    return await signIn(key);
  } catch {
    sessionStorage.removeItem(STORAGE);
    return null;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE);
}
