import { describe, expect, it } from 'vitest';
import { planRequestSchema } from '../../api/schemas.js';
import { fieldsOf, problemsOf } from '../../src/io/issues.js';

const problems = (body: unknown) => {
  const result = planRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be refused');
  return fieldsOf(problemsOf(result.error.issues, planRequestSchema));
};

describe('validation problems of a request body', () => {
  it('names an unknown key of the nested config by its own path, with the key it was meant to be', () => {
    expect(problems({ config: { service: { answer_within_secs: 15 } }, history: 'timestamp,contacts\n' })).toContainEqual({
      path: 'config.service.answer_within_secs',
      message: 'unknown field (did you mean answer_within_seconds?)',
    });
  });

  it('names the bad row of a history given as rows, not the union', () => {
    expect(
      problems({
        config: {},
        history: [
          { timestamp: '2026-11-30T08:00', contacts: 3 },
          { timestamp: '2026-11-30T09:00', contacts: 'many' },
        ],
      }),
    ).toEqual([{ path: 'history.1.contacts', message: expect.any(String) }]);
  });
});
