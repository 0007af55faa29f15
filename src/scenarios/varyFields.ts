// No imports: the console's bundle offers the same list.

/** The configuration paths a scenario may vary (SPEC section 2, Scenarios). */
export const VARY_FIELDS = [
  'budget',
  'max_outsourced_share',
  'night.min_coverage',
  'min_coverage',
  'service.service_level',
  'service.answer_within_seconds',
  'demand.bot_deflection',
  'demand.aht_seconds',
  'demand.concurrency',
  'demand.queues.<queue>.bot_deflection',
  'demand.queues.<queue>.aht_seconds',
  'demand.queues.<queue>.concurrency',
  'pools.<id>.cost_per_hour',
  'pools.<id>.max_agents',
] as const;
