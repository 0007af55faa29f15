// Generated from /v1/openapi.json by `npm run gen:api` (api/console/generateTypes.ts): do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** readiness: store writable, and the job queue and its workers up */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** this document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the calling key's record: who is signed in, with which role */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** plans, newest first */
        get: operations["listPlans"];
        put?: never;
        /** plan a week (a job) */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the plan's summary.json with links to its files */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan_id}/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** one file of the plan (schedule.csv only when it was planned with named agents, events.csv only when events touched its week) */
        get: operations["getPlanFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan_id}/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cost/service trade-off grid (a job; its result is the scenarios JSON) */
        post: operations["runScenarios"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan_id}/intraday": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** the rest of the week re-forecast from the actuals so far, and the day's corrections (answered at once; logged beside the plan) */
        post: operations["answerIntraday"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** job status, stage, progress and result */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /** cancel a queued or running job */
        delete: operations["cancelJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** validate a config.json without running it */
        post: operations["validateConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the keys (never the keys themselves) */
        get: operations["listKeys"];
        put?: never;
        /** make a key; the key is in this answer only */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** revoke a key */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Config: {
            /** @default Asia/Shanghai */
            timezone: string;
            /** @default null */
            week_start: string | null;
            /** @default CNY */
            currency: string;
            /** @default {} */
            demand: {
                /** @default 0.78 */
                bot_deflection: number;
                /** @default 240 */
                aht_seconds: number;
                /** @default 1 */
                concurrency: number;
                aht_rise_per_point?: number;
                baseline_deflection?: number;
                queues?: {
                    [key: string]: {
                        bot_deflection?: number;
                        aht_seconds?: number;
                        concurrency?: number;
                        aht_rise_per_point?: number;
                        baseline_deflection?: number;
                        tier?: string;
                    };
                };
            };
            /** @default {} */
            service: {
                /** @default 15 */
                answer_within_seconds: number;
                /** @default 0.8 */
                service_level: number;
                /** @default null */
                max_asa_seconds: number | null;
                /** @default 0.85 */
                max_occupancy: number | null;
                /** @default null */
                patience_seconds: number | null;
                /** @default null */
                max_abandon_rate: number | null;
                /**
                 * @default {
                 *       "answer_within_seconds": 30
                 *     }
                 */
                holiday: {
                    answer_within_seconds?: number;
                    service_level?: number;
                    max_asa_seconds?: number | null;
                    max_occupancy?: number | null;
                    patience_seconds?: number | null;
                    max_abandon_rate?: number | null;
                };
                /** @default [] */
                periods: {
                    answer_within_seconds?: number;
                    service_level?: number;
                    max_asa_seconds?: number | null;
                    max_occupancy?: number | null;
                    patience_seconds?: number | null;
                    max_abandon_rate?: number | null;
                    days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun" | "workday" | "weekend" | "holiday")[];
                    start_hour?: number;
                    end_hour?: number;
                }[];
                tiers?: {
                    [key: string]: {
                        answer_within_seconds?: number;
                        service_level?: number;
                        max_asa_seconds?: number | null;
                        max_occupancy?: number | null;
                        patience_seconds?: number | null;
                        max_abandon_rate?: number | null;
                    };
                };
                /** @default null */
                max_miss_probability: number | null;
            };
            /** @default 0.3 */
            shrinkage: number | {
                [key: string]: number;
            };
            /** @default {} */
            night: {
                /** @default 0 */
                start_hour: number;
                /** @default 8 */
                end_hour: number;
                /** @default 0.85 */
                min_coverage: number;
            };
            /** @default 0.95 */
            min_coverage: number;
            /** @default 500 */
            shortfall_penalty: number;
            /** @default 0.45 */
            max_outsourced_share: number | null;
            /** @default null */
            budget: number | null;
            /**
             * @default [
             *       {
             *         "id": "inhouse",
             *         "kind": "in_house",
             *         "cost_per_hour": 55,
             *         "night_premium": 0.3,
             *         "productivity": 1,
             *         "shift_lengths": [
             *           8,
             *           10
             *         ],
             *         "start_hours": null,
             *         "max_agents": null,
             *         "week_pattern": null
             *       },
             *       {
             *         "id": "vendor",
             *         "kind": "outsourced",
             *         "cost_per_hour": 38,
             *         "night_premium": 0.2,
             *         "productivity": 0.9,
             *         "shift_lengths": [
             *           4,
             *           8
             *         ],
             *         "start_hours": null,
             *         "max_agents": 300,
             *         "week_pattern": null
             *       },
             *       {
             *         "id": "night",
             *         "kind": "in_house",
             *         "cost_per_hour": 55,
             *         "night_premium": 0.5,
             *         "productivity": 1,
             *         "shift_lengths": [
             *           8
             *         ],
             *         "start_hours": [
             *           22,
             *           23,
             *           0
             *         ],
             *         "max_agents": null,
             *         "week_pattern": null
             *       }
             *     ]
             */
            pools: {
                id: string;
                /** @enum {string} */
                kind: "in_house" | "outsourced" | "standby";
                cost_per_hour: number;
                retainer_per_hour?: number;
                /** @default 0 */
                night_premium: number;
                /** @default 1 */
                productivity: number;
                /**
                 * @default [
                 *       8
                 *     ]
                 */
                shift_lengths: number[];
                /** @default null */
                start_hours: number[] | null;
                /** @default null */
                max_agents: number | null;
                /** @default null */
                week_pattern: {
                    days: number;
                    /** @default false */
                    consecutive_days_off: boolean;
                } | null;
                quality?: {
                    bad_review_rate?: number;
                    repeat_complaint_rate?: number;
                };
                tiers?: string[];
            }[];
            schedule?: {
                min_rest_hours?: number;
                max_consecutive_days?: number;
                min_hours?: number;
                max_hours?: number;
                max_days?: number;
            };
            standby?: {
                coverage?: number;
            };
            intraday?: {
                overtime_premium?: number;
                max_overtime_hours?: number;
            };
            /** @default {} */
            solver: {
                /** @default 30 */
                time_limit_seconds: number;
                /** @default 0.005 */
                mip_rel_gap: number;
            };
            /** @default {} */
            alerts: {
                /** @default 60 */
                max_asa_seconds: number;
                /** @default 0.1 */
                budget_tolerance: number;
                /** @default 0.85 */
                min_night_coverage: number;
                /** @default 0.15 */
                max_shortfall_share: number;
                /** @default 0.15 */
                max_quality_rate: number;
            };
        };
        PlanRequest: {
            /** @description plan from <store>/.<workspace>/ (config.json, history.csv, events.csv, agents.csv) */
            workspace?: string;
            config?: {
                /** @default Asia/Shanghai */
                timezone: string;
                /** @default null */
                week_start: string | null;
                /** @default CNY */
                currency: string;
                /** @default {} */
                demand: {
                    /** @default 0.78 */
                    bot_deflection: number;
                    /** @default 240 */
                    aht_seconds: number;
                    /** @default 1 */
                    concurrency: number;
                    aht_rise_per_point?: number;
                    baseline_deflection?: number;
                    queues?: {
                        [key: string]: {
                            bot_deflection?: number;
                            aht_seconds?: number;
                            concurrency?: number;
                            aht_rise_per_point?: number;
                            baseline_deflection?: number;
                            tier?: string;
                        };
                    };
                };
                /** @default {} */
                service: {
                    /** @default 15 */
                    answer_within_seconds: number;
                    /** @default 0.8 */
                    service_level: number;
                    /** @default null */
                    max_asa_seconds: number | null;
                    /** @default 0.85 */
                    max_occupancy: number | null;
                    /** @default null */
                    patience_seconds: number | null;
                    /** @default null */
                    max_abandon_rate: number | null;
                    /**
                     * @default {
                     *       "answer_within_seconds": 30
                     *     }
                     */
                    holiday: {
                        answer_within_seconds?: number;
                        service_level?: number;
                        max_asa_seconds?: number | null;
                        max_occupancy?: number | null;
                        patience_seconds?: number | null;
                        max_abandon_rate?: number | null;
                    };
                    /** @default [] */
                    periods: {
                        answer_within_seconds?: number;
                        service_level?: number;
                        max_asa_seconds?: number | null;
                        max_occupancy?: number | null;
                        patience_seconds?: number | null;
                        max_abandon_rate?: number | null;
                        days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun" | "workday" | "weekend" | "holiday")[];
                        start_hour?: number;
                        end_hour?: number;
                    }[];
                    tiers?: {
                        [key: string]: {
                            answer_within_seconds?: number;
                            service_level?: number;
                            max_asa_seconds?: number | null;
                            max_occupancy?: number | null;
                            patience_seconds?: number | null;
                            max_abandon_rate?: number | null;
                        };
                    };
                    /** @default null */
                    max_miss_probability: number | null;
                };
                /** @default 0.3 */
                shrinkage: number | {
                    [key: string]: number;
                };
                /** @default {} */
                night: {
                    /** @default 0 */
                    start_hour: number;
                    /** @default 8 */
                    end_hour: number;
                    /** @default 0.85 */
                    min_coverage: number;
                };
                /** @default 0.95 */
                min_coverage: number;
                /** @default 500 */
                shortfall_penalty: number;
                /** @default 0.45 */
                max_outsourced_share: number | null;
                /** @default null */
                budget: number | null;
                /**
                 * @default [
                 *       {
                 *         "id": "inhouse",
                 *         "kind": "in_house",
                 *         "cost_per_hour": 55,
                 *         "night_premium": 0.3,
                 *         "productivity": 1,
                 *         "shift_lengths": [
                 *           8,
                 *           10
                 *         ],
                 *         "start_hours": null,
                 *         "max_agents": null,
                 *         "week_pattern": null
                 *       },
                 *       {
                 *         "id": "vendor",
                 *         "kind": "outsourced",
                 *         "cost_per_hour": 38,
                 *         "night_premium": 0.2,
                 *         "productivity": 0.9,
                 *         "shift_lengths": [
                 *           4,
                 *           8
                 *         ],
                 *         "start_hours": null,
                 *         "max_agents": 300,
                 *         "week_pattern": null
                 *       },
                 *       {
                 *         "id": "night",
                 *         "kind": "in_house",
                 *         "cost_per_hour": 55,
                 *         "night_premium": 0.5,
                 *         "productivity": 1,
                 *         "shift_lengths": [
                 *           8
                 *         ],
                 *         "start_hours": [
                 *           22,
                 *           23,
                 *           0
                 *         ],
                 *         "max_agents": null,
                 *         "week_pattern": null
                 *       }
                 *     ]
                 */
                pools: {
                    id: string;
                    /** @enum {string} */
                    kind: "in_house" | "outsourced" | "standby";
                    cost_per_hour: number;
                    retainer_per_hour?: number;
                    /** @default 0 */
                    night_premium: number;
                    /** @default 1 */
                    productivity: number;
                    /**
                     * @default [
                     *       8
                     *     ]
                     */
                    shift_lengths: number[];
                    /** @default null */
                    start_hours: number[] | null;
                    /** @default null */
                    max_agents: number | null;
                    /** @default null */
                    week_pattern: {
                        days: number;
                        /** @default false */
                        consecutive_days_off: boolean;
                    } | null;
                    quality?: {
                        bad_review_rate?: number;
                        repeat_complaint_rate?: number;
                    };
                    tiers?: string[];
                }[];
                schedule?: {
                    min_rest_hours?: number;
                    max_consecutive_days?: number;
                    min_hours?: number;
                    max_hours?: number;
                    max_days?: number;
                };
                standby?: {
                    coverage?: number;
                };
                intraday?: {
                    overtime_premium?: number;
                    max_overtime_hours?: number;
                };
                /** @default {} */
                solver: {
                    /** @default 30 */
                    time_limit_seconds: number;
                    /** @default 0.005 */
                    mip_rel_gap: number;
                };
                /** @default {} */
                alerts: {
                    /** @default 60 */
                    max_asa_seconds: number;
                    /** @default 0.1 */
                    budget_tolerance: number;
                    /** @default 0.85 */
                    min_night_coverage: number;
                    /** @default 0.15 */
                    max_shortfall_share: number;
                    /** @default 0.15 */
                    max_quality_rate: number;
                };
            };
            history?: string | ({
                /** @description start of the interval, ISO 8601 */
                timestamp: string;
                /** @description contacts that arrived in the interval */
                contacts: number;
                queue?: string;
                aht_seconds?: number;
            } & {
                [key: string]: unknown;
            })[];
            events?: string | ({
                start: string;
                end: string;
                kind: string;
                name?: string;
                intensity?: number;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * Format: date
             * @description first day of the week to plan
             */
            week?: string;
            /** @description named agents (SPEC section 6): their pools' shifts are assigned to them and the plan gains schedule.csv */
            agents?: string | ({
                /** @description unique agent id */
                id: string;
                /** @description a pool id of the config */
                pool: string;
                min_hours?: number;
                max_hours?: number;
                max_days?: number;
                /** @description local dates YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD (a list, or one text joined by ;) */
                unavailable?: string | string[];
                /** @description weekdays mon .. sun the agent would rather not work (soft) */
                prefers_off?: string | string[];
                /** @description no (or false): no shift covering a night slot */
                night?: ("yes" | "no") | boolean;
            } & {
                [key: string]: unknown;
            })[];
            /** @description last week's schedule.csv: rest and consecutive days count it (needs agents) */
            previous?: string | ({
                agent: string;
                pool: string;
                /** @description start of the shift, ISO 8601 */
                start: string;
                hours: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description rows of a published schedule that must stay as they are (needs agents; each names an agent of agents) */
            pins?: string | ({
                agent: string;
                pool: string;
                /** @description start of the shift, ISO 8601 */
                start: string;
                hours: number;
            } & {
                [key: string]: unknown;
            })[];
        };
        ScenariosRequest: {
            vary: {
                [key: string]: string | (number | null)[];
            };
        };
        IntradayRequest: {
            actuals: string | ({
                /** @description start of the interval, ISO 8601 */
                timestamp: string;
                /** @description contacts that arrived in the interval */
                contacts: number;
                queue?: string;
                aht_seconds?: number;
                /** @description average speed of answer in the interval */
                asa_seconds?: number;
                /** @description contacts abandoned in the interval */
                abandoned?: number;
                /** @description agents logged in and available (on average) in the interval */
                agents_available?: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description the time of the answer, ISO 8601 in the plan's zone (default: the end of the last actual interval) */
            now?: string;
        };
        IntradayAnswer: {
            now: string;
            reforecast: {
                timestamp: string;
                contacts: number;
                lo80: number;
                hi80: number;
            }[];
            projected: {
                timestamp: string;
                staffed: number;
                agents_needed: number;
                service_level: number;
                asa_seconds: number;
            }[];
            actions: {
                /** @enum {string} */
                kind: "activate_standby" | "offer_overtime" | "offer_time_off";
                pool: string;
                start: string;
                hours: number;
                agents: number;
                cost: number;
                reason: string;
            }[];
            alerts: {
                kind: string;
                /** @enum {string} */
                severity: "critical" | "warning";
                hours: string[];
                value: number;
                threshold: number;
                message: string;
            }[];
        };
        KeyRequest: {
            /** @enum {string} */
            role: "planner" | "finance" | "admin";
            name?: string;
        };
        KeyInfo: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "planner" | "finance" | "admin";
            created: string;
            revoked: string | null;
        };
        Job: {
            id: string;
            /** @enum {string} */
            kind: "plan" | "scenarios";
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            stage: string;
            progress: {
                incumbent: number | null;
                bound: number | null;
                gap: number | null;
            };
            plan_id: string | null;
            result: unknown;
            error: {
                error: string;
                message: string;
            } | null;
            created: string;
            started: string | null;
            finished: string | null;
            attempts: number;
        };
        JobAccepted: {
            job_id: string;
            status_url: string;
        };
        PlanListItem: {
            plan_id: string;
            week_start: string;
            created: string;
            status: string;
            currency?: string;
            cost: unknown;
            /** @description the plan's alerts, by kind */
            alerts: {
                kind: string;
                /** @enum {string} */
                severity: "critical" | "warning";
            }[];
            url: string;
        };
        PlanSummary: {
            plan_id: string;
            week_start: string;
            status: string;
            /** @description absent for infeasible plans and plans made before issue 19 */
            service_risk?: {
                /** @description service.max_miss_probability the hours were staffed to; null: the point forecast */
                max_miss_probability: number | null;
                /** @description probability that the week's contact-weighted service level misses its target */
                week_miss_probability: number;
                /** @description expected hours whose contacts exceed what their scheduled agents take at target */
                expected_missed_hours: number;
                /** @description every hour of the roster: the probability it misses its target (standby not counted) */
                hours: {
                    timestamp: string;
                    miss_probability: number;
                }[];
            };
        } & {
            [key: string]: unknown;
        };
        Error: {
            /** @description invalid_input, unauthorized, forbidden, not_found, busy, rate_limited, ... */
            error: string;
            message: string;
            fields?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: {
        /** @description invalid input; `fields` names each problem */
        E400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description missing or wrong API key */
        E401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the key's role may not do this */
        E403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description no such resource */
        E404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the job has already ended */
        E409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the request body is larger than the server accepts */
        E413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the request body is not JSON (send Content-Type: application/json) or its encoding is not supported */
        E415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description queue full or rate limited; see Retry-After */
        E429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the request headers are larger than 16 KB */
        E431: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description store_unavailable: the plan store cannot be written; try again later */
        E503: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            431: components["responses"]["E431"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            431: components["responses"]["E431"];
            /** @description not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            431: components["responses"]["E431"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyInfo"];
                };
            };
            401: components["responses"]["E401"];
            429: components["responses"]["E429"];
        };
    };
    listPlans: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plans?: components["schemas"]["PlanListItem"][];
                    };
                };
            };
            401: components["responses"]["E401"];
            429: components["responses"]["E429"];
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanRequest"];
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanSummary"];
                };
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            429: components["responses"]["E429"];
        };
    };
    getPlanFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
                name: "config.json" | "forecast.csv" | "requirements.csv" | "roster.json" | "roster.csv" | "schedule.csv" | "agents.csv" | "events.csv" | "summary.json" | "report.html";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            429: components["responses"]["E429"];
        };
    };
    runScenarios: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScenariosRequest"];
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
    answerIntraday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntradayRequest"];
            };
        };
        responses: {
            /** @description the intraday answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntradayAnswer"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            429: components["responses"]["E429"];
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
    validateConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Config"];
            };
        };
        responses: {
            /** @description valid; the config with defaults */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys?: components["schemas"]["KeyInfo"][];
                    };
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            429: components["responses"]["E429"];
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyRequest"];
            };
        };
        responses: {
            /** @description the new key */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            413: components["responses"]["E413"];
            415: components["responses"]["E415"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            429: components["responses"]["E429"];
            503: components["responses"]["E503"];
        };
    };
}
