import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../api/openapi.js';
import { ROLES } from '../../src/store/keyRecord.js';

const doc = openApiDocument() as any;
const ROUTES_DIR = join(import.meta.dirname, '../../api/routes');

/** `method path` of every route the routers declare, `:param` written `{}` (names differ: `:id` vs `{plan_id}`). */
function declaredRoutes(): { route: string; file: string; roles: string[] | null }[] {
  return readdirSync(ROUTES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      const text = readFileSync(join(ROUTES_DIR, file), 'utf8');
      const shared = /const (\w+) = allow\([\w.]+, \[([^\]]*)\]\)/.exec(text);
      return [...text.matchAll(/\.(get|post|put|patch|delete)\(\s*'([^']+)'(.*)$/gm)].map(([, method, path, rest]) => {
        const inline = /allow\([\w.]+, (?:\[([^\]]*)\]|(ANY_ROLE))\)/.exec(rest);
        let roles: string[] | null = null;
        if (inline?.[2]) roles = ['any'];
        else if (inline?.[1]) roles = listed(inline[1]);
        else if (shared && new RegExp(`^\\s*${shared[1]}\\b`).test(rest.slice(1))) roles = listed(shared[2]);
        return { route: `${method} ${path.replace(/:\w+/g, '{}')}`, file, roles };
      });
    });
}
const listed = (text: string) => [...text.matchAll(/'(\w+)'/g)].map((m) => m[1]);

const documented = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path.replace(/\{\w+\}/g, '{}')}`, path, method, op })),
  );

/** The members of the ErrorCode union, read from the source (a type has no runtime list). */
function errorCodes(): string[] {
  const text = readFileSync(join(import.meta.dirname, '../../src/domain/errors.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]*);/.exec(text)![1];
  return [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]);
}

describe('the OpenAPI document', () => {
  it('documents every route the routers declare', () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const paths = new Set(documented().map((d) => d.route));
    for (const { route, file } of routes) expect(paths.has(route), `${route} (api/routes/${file})`).toBe(true);
  });

  it('documents no route that does not exist', () => {
    const routes = new Set(declaredRoutes().map((r) => r.route));
    for (const { route } of documented()) expect(routes.has(route), route).toBe(true);
  });

  it("gives each secured route the roles its router allows (x-roles, 'any' for every role)", () => {
    const byRoute = new Map(documented().map((d) => [d.route, d.op]));
    const open = declaredRoutes().filter((r) => r.roles === null);
    expect(open.map((r) => r.route).sort()).toEqual(['get /health', 'get /openapi.json', 'get /ready']);
    // Open routes say so (an empty requirement), as linters and client generators expect.
    for (const { route } of open) expect(byRoute.get(route).security, route).toEqual([]);
    for (const { route, roles } of declaredRoutes().filter((r) => r.roles !== null)) {
      const op = byRoute.get(route);
      expect([...op['x-roles']].sort(), route).toEqual([...roles!].sort());
      expect(op.security, route).toEqual([{ apiKey: [] }]);
    }
    for (const { op, route } of documented()) for (const role of op['x-roles'] ?? []) expect(['any', ...ROLES], route).toContain(role);
  });

  it('declares every path parameter of a path, by the name in the path', () => {
    for (const { path, op, route } of documented()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
      expect(declared, route).toEqual(inPath);
    }
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) expect(doc.components[kind], `${kind}/${name}`).toHaveProperty([name]);
  });

  it('answers each documented error status with the Error body, under the same status', () => {
    for (const [name, response] of Object.entries(doc.components.responses as Record<string, any>)) {
      expect(name).toMatch(/^E[45]\d\d$/);
      expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
    for (const { op, route } of documented())
      for (const [status, response] of Object.entries(op.responses as Record<string, any>))
        if (response.$ref) expect(response.$ref, `${route} ${status}`).toBe(`#/components/responses/E${status}`);
  });

  it('names only error codes that exist (ErrorCode in src/domain/errors.ts)', () => {
    const codes = errorCodes();
    expect(codes).toContain('invalid_input');
    const listedCodes = (doc.components.schemas.Error.properties.error.description as string)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '...');
    expect(listedCodes.length).toBeGreaterThan(3);
    const inResponses = Object.values(doc.components.responses as Record<string, any>).flatMap((r) =>
      [...(r.description as string).matchAll(/\b([a-z]+_[a-z_]+)\b/g)].map((m) => m[1]),
    );
    expect(inResponses).toContain('store_unavailable');
    for (const code of [...listedCodes, ...inResponses]) expect(codes, code).toContain(code);
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/v1' }]);
  });

  it("is lint clean under Redocly's recommended rules (what client generators and linters expect)", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const found = problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(found).toEqual([]);
  });

  it('names every operation (operationId, unique) for generated clients', () => {
    const ids = documented().map((d) => d.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
