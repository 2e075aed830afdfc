import { z } from 'zod';
import { MAX_PERIODS, type FiguresQuery } from '../../figures/figuresService';
import { GRANULARITIES, type Granularity } from '../../figures/periods';
import type { FieldError } from '../views/components';

/** How many periods a report shows when the form leaves it empty. */
export const DEFAULT_COUNTS: Readonly<Record<Granularity, number>> = { day: 14, week: 12, month: 12 };

const UNITS: Record<Granularity, string> = { day: 'days', week: 'weeks', month: 'months' };

/** The reports form's fields as typed (shown back in the form, and carried to the CSV link). */
export interface ReportFilters {
  period: Granularity;
  count: string;
  service: string;
}

export type ReportQueryOutcome =
  | { ok: true; query: FiguresQuery; filters: ReportFilters }
  | { ok: false; errors: FieldError[]; filters: ReportFilters };

const querySchema = z.object({
  period: z.enum(GRANULARITIES, { error: 'Choose days, weeks or months' }).optional(),
  count: z.string().trim().max(10).optional(),
  service: z.string().trim().max(200).optional(),
});

/**
 * The reports form's query string (`period`, `count`, `service`), checked: a period kind, a whole number of periods
 * within what a report may cover, and a service from the list (or none for all).
 */
export function parseReportQuery(query: unknown, services: readonly string[]): ReportQueryOutcome {
  const parsed = querySchema.safeParse(query && typeof query === 'object' ? query : {});
  if (!parsed.success) {
    return {
      ok: false,
      filters: { period: 'week', count: '', service: '' },
      errors: parsed.error.issues.map((issue) => ({
        field: typeof issue.path[0] === 'string' ? issue.path[0] : undefined,
        message: issue.path[0] === 'period' ? issue.message : 'Check the filters and try again',
      })),
    };
  }
  const period = parsed.data.period ?? 'week';
  const filters: ReportFilters = { period, count: parsed.data.count ?? '', service: parsed.data.service ?? '' };
  const errors: FieldError[] = [];
  const max = MAX_PERIODS[period];
  const count = filters.count === '' ? DEFAULT_COUNTS[period] : Number(filters.count);
  if (!/^\d*$/.test(filters.count) || !Number.isInteger(count) || count < 1 || count > max)
    errors.push({ field: 'count', message: `Enter a number of ${UNITS[period]} from 1 to ${max}` });
  if (filters.service !== '' && !services.includes(filters.service))
    errors.push({ field: 'service', message: 'Choose a service from the list' });
  if (errors.length > 0) return { ok: false, errors, filters };
  return {
    ok: true,
    filters: { ...filters, count: String(count) },
    query: { granularity: period, count, service: filters.service || undefined },
  };
}

/** The same filters as a query string, for the CSV link. */
export function reportQueryString(filters: ReportFilters): string {
  const params = new URLSearchParams({ period: filters.period, count: filters.count });
  if (filters.service) params.set('service', filters.service);
  return params.toString();
}
