import type { Server } from 'restify';
import { londonTime } from '../../calendar/londonTime';
import { figuresCsv, type FigureNames } from '../../figures/figuresCsv';
import { isRequestType, REQUEST_DEFINITIONS } from '../../requests/requestTypes';
import { ESCALATION_REASONS } from '../../handoff/handoffDesk';
import type { ConsoleContext } from '../consoleContext';
import { CONSOLE_PAGE_HEADERS, sendHtml } from '../http/consoleResponses';
import { describeReason } from '../views/describeReason';
import { renderReportsPage } from '../views/reportsPage';
import type { ConsoleGuard } from './consoleGuard';
import { parseReportQuery, reportQueryString } from './reportQuery';

/**
 * Supervisors' reports (`/console/reports`): the figures for the chosen periods and service as charts and tables,
 * and the same figures as CSV (`/console/reports/figures.csv`). CSAs get 403.
 */
export function addReportRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  const names: FigureNames = {
    reason: (code) => {
      const reason = ESCALATION_REASONS.find((known) => known === code);
      return reason ? describeReason(reason) : code;
    },
    requestType: (code) => (isRequestType(code) ? REQUEST_DEFINITIONS[code].title : code),
    article: (articleId) => context.figures.articleTitle(articleId) ?? articleId,
  };

  server.get(
    '/console/reports',
    guard.page(
      async (req, res, { frame }) => {
        const services = context.figures.services();
        const parsed = parseReportQuery(req.query, services);
        if (!parsed.ok) {
          sendHtml(res, 400, renderReportsPage(frame, { ...parsed, services, names }));
          return;
        }
        const report = await context.figures.report(parsed.query);
        sendHtml(
          res,
          200,
          renderReportsPage(frame, {
            filters: parsed.filters,
            services,
            errors: [],
            report,
            names,
            csvHref: `/console/reports/figures.csv?${reportQueryString(parsed.filters)}`,
          }),
        );
      },
      { role: 'supervisor' },
    ),
  );

  server.get(
    '/console/reports/figures.csv',
    guard.page(
      async (req, res) => {
        const parsed = parseReportQuery(req.query, context.figures.services());
        if (!parsed.ok) {
          const body = parsed.errors.map((error) => error.message).join('\n');
          res.writeHead(400, { ...CONSOLE_PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
          res.end(body);
          return;
        }
        const report = await context.figures.report(parsed.query);
        const body = figuresCsv(report, names);
        const fileName = [
          'figures',
          `${parsed.query.granularity}s`,
          parsed.query.service
            ?.toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, ''),
          londonTime(report.generatedAt).date,
        ]
          .filter(Boolean)
          .join('-');
        res.writeHead(200, {
          ...CONSOLE_PAGE_HEADERS,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}.csv"`,
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      { role: 'supervisor' },
    ),
  );
}
