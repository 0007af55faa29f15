import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../openapi.js';

/** The console's API types: generated from the document the server publishes, never written by hand. */
export const API_TYPES = join(import.meta.dirname, 'api.d.ts');

/** The TypeScript of `/v1/openapi.json` (openapi-typescript), as `npm run gen:api` writes it. */
export async function apiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as Parameters<typeof openapiTS>[0]);
  return `// Generated from /v1/openapi.json by \`npm run gen:api\` (api/console/generateTypes.ts): do not edit.\n\n${astToString(ast)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeFile(API_TYPES, await apiTypes());
