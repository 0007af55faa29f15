import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES, apiTypes } from '../../api/console/generateTypes.js';

describe("the console's API types", () => {
  it('are generated from the current OpenAPI document (api/console/api.d.ts is not stale)', async () => {
    const fresh = await apiTypes();
    expect(fresh).toContain('operations["getMe"]');
    expect(readFileSync(API_TYPES, 'utf8') === fresh, 'api/console/api.d.ts is stale: run npm run gen:api').toBe(true);
  });
});
