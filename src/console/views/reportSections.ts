import type { FigureNames } from '../../figures/figuresCsv';
import type { FiguresReport } from '../../figures/figuresService';
import { formatAverage, formatMinutes, formatShare, shareOf } from '../../figures/formatFigure';
import { barChart } from '../../web/charts/barChart';
import { columnChart } from '../../web/charts/columnChart';
import { dataTable } from './dataTable';
import { html, type SafeHtml } from '../../web/html/html';
import {
  PER,
  ROW_HEADER,
  SEE_TABLE,
  type SectionContext,
  TOP_ARTICLES,
  breakdown,
  categories,
  categoryName,
  onTimeSeries,
  section,
  table,
} from './reportSectionParts';

/** Every section of the reports page: a chart and its table for each group of figures. */
export function reportSections(report: FiguresReport, names: FigureNames): SafeHtml {
  const context = { report, names, per: PER[report.granularity], rowHeader: ROW_HEADER[report.granularity] };
  return html`${[
    conversations(context),
    questions(context),
    urgentConversations(context),
    handoffs(context),
    queueWaits(context),
    requests(context),
    callbacks(context),
    memberEnquiries(context),
    satisfaction(context),
    helpfulness(context),
    languageModel(context),
  ]}`;
}

function conversations(context: SectionContext): SafeHtml {
  const { periods } = context.report;
  return section(
    'conversations',
    'Conversations and containment',
    'Conversations in which a resident wrote at least once; contained means resolved without asking for a person.',
    columnChart({
      label: `Column chart of conversations ${context.per}, split into those resolved without a person and those that needed one. ${SEE_TABLE}`,
      categories: categories(context),
      stacked: true,
      series: [
        { name: 'Without a person', values: periods.map((f) => f.contained) },
        { name: 'Needed a person', values: periods.map((f) => f.conversations - f.contained) },
      ],
    }),
    table(
      context,
      `Conversations ${context.per}`,
      ['Conversations', 'Without a person', 'Needed a person', 'Containment rate'],
      (f) => [f.conversations, f.contained, f.conversations - f.contained, formatShare(f.containmentRate)],
    ),
  );
}

function questions(context: SectionContext): SafeHtml {
  return section(
    'questions',
    'Questions the bot could not answer',
    'Questions the bot tried to answer from the knowledge base (answers, clarifying questions and no-matches), and the share it found nothing for.',
    columnChart({
      label: `Column chart of the no-match rate ${context.per}. ${SEE_TABLE}`,
      categories: categories(context),
      series: [{ name: 'No-match rate', values: context.report.periods.map((f) => f.noMatchRate) }],
      max: 1,
      format: formatShare,
    }),
    table(
      context,
      `Questions and no-matches ${context.per}`,
      ['Questions', 'Answered', 'No match', 'No-match rate', 'Urgent messages'],
      (f) => [f.questions, f.answers, f.noMatches, formatShare(f.noMatchRate), f.urgentMessages],
    ),
  );
}

function urgentConversations(context: SectionContext): SafeHtml {
  return section(
    'urgent',
    'Emergencies and safeguarding concerns',
    'Conversations in which the bot gave emergency numbers or asked whether anyone was in danger, by the kind of emergency. Counts only: no words are kept for these figures.',
    ...breakdown(context, {
      what: 'Urgent conversations',
      by: 'kind',
      counts: (f) => f.urgentConversations.byCategory,
      name: categoryName,
      leading: {
        columns: ['Urgent conversations', 'Follow-ups recorded'],
        cells: (f) => [f.urgentConversations.total, f.urgentConversations.followUps],
      },
    }),
  );
}

function handoffs(context: SectionContext): SafeHtml {
  return section(
    'handoffs',
    'Handoffs to a person',
    'Each time the bot handed a conversation to the team or booked a callback because the contact centre was closed, by why and by the service it was about.',
    ...breakdown(context, {
      what: 'Handoffs',
      by: 'reason',
      counts: (f) => f.handoffs.byReason,
      name: context.names.reason,
      leading: { columns: ['Handoffs', 'Out of hours'], cells: (f) => [f.handoffs.total, f.handoffs.outOfHours] },
    }),
    ...breakdown(context, { what: 'Handoffs', by: 'service', counts: (f) => f.handoffs.byService }),
  );
}

function queueWaits(context: SectionContext): SafeHtml {
  const { periods } = context.report;
  return section(
    'queue',
    'Waiting for a person',
    'How long residents waited in the queue before a CSA took their chat (median and 90th percentile), and how many stopped waiting first.',
    columnChart({
      label: `Column chart of the median and 90th percentile queue wait in minutes ${context.per}. ${SEE_TABLE}`,
      categories: categories(context),
      fractions: true,
      format: (value) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}`,
      series: [
        { name: 'Median (minutes)', values: periods.map((f) => f.queueWait.medianMinutes) },
        { name: '90th percentile (minutes)', values: periods.map((f) => f.queueWait.p90Minutes) },
      ],
    }),
    table(
      context,
      `Queue waits ${context.per}`,
      [
        'Chats accepted',
        'Median wait',
        '90th percentile wait',
        'Joined the queue',
        'Stopped waiting',
        'Abandonment rate',
      ],
      (f) => [
        f.queueWait.accepted,
        formatMinutes(f.queueWait.medianMinutes),
        formatMinutes(f.queueWait.p90Minutes),
        f.abandonment.queued,
        f.abandonment.abandoned,
        formatShare(f.abandonment.rate),
      ],
    ),
  );
}

function requests(context: SectionContext): SafeHtml {
  const { periods } = context.report;
  return section(
    'requests',
    'Service requests',
    'Requests made in each period, and whether staff replied by the promised date (2 working days). Not yet due: no reply yet, and the date has not passed.',
    columnChart({
      label: `Stacked column chart of service requests ${context.per}: replied on time, late, and not yet due. ${SEE_TABLE}`,
      categories: categories(context),
      stacked: true,
      series: onTimeSeries(periods.map((f) => f.requests)),
    }),
    table(
      context,
      `Service requests ${context.per}`,
      ['Requests', 'On time', 'Late', 'Not yet due', 'Share on time'],
      (f) => [
        f.requests.total,
        f.requests.onTime,
        f.requests.late,
        f.requests.pending,
        formatShare(f.requests.onTimeRate),
      ],
    ),
    ...breakdown(context, {
      what: 'Service requests',
      by: 'type',
      counts: (f) => f.requests.byType,
      name: context.names.requestType,
    }),
  );
}

function callbacks(context: SectionContext): SafeHtml {
  const { periods } = context.report;
  return section(
    'callbacks',
    'Callbacks',
    'Callbacks booked in each period, and whether the team called back by the promised date.',
    columnChart({
      label: `Stacked column chart of callbacks ${context.per}: on time, late, and not yet due. ${SEE_TABLE}`,
      categories: categories(context),
      stacked: true,
      series: onTimeSeries(periods.map((f) => f.callbacks)),
    }),
    table(
      context,
      `Callbacks ${context.per}`,
      ['Callbacks', 'On time', 'Late', 'Not yet due', 'Share on time'],
      (f) => [
        f.callbacks.total,
        f.callbacks.onTime,
        f.callbacks.late,
        f.callbacks.pending,
        formatShare(f.callbacks.onTimeRate),
      ],
    ),
  );
}

function memberEnquiries(context: SectionContext): SafeHtml {
  const figures = context.report.periods.map((f) => f.memberEnquiries);
  return section(
    'member-enquiries',
    'Councillors’ enquiries',
    'Cases councillors raised for residents, and whether the council gave a full reply by the member-enquiry target.',
    columnChart({
      label: `Stacked column chart of councillors’ enquiries ${context.per}: on time, late, and not yet due. ${SEE_TABLE}`,
      categories: categories(context),
      stacked: true,
      series: onTimeSeries(figures),
    }),
    table(
      context,
      `Councillors’ enquiries ${context.per}`,
      ['Enquiries', 'On time', 'Late', 'Not yet due', 'Share on time'],
      (f) => [
        f.memberEnquiries.total,
        f.memberEnquiries.onTime,
        f.memberEnquiries.late,
        f.memberEnquiries.pending,
        formatShare(f.memberEnquiries.onTimeRate),
      ],
    ),
  );
}

function satisfaction(context: SectionContext): SafeHtml {
  return section(
    'satisfaction',
    'Satisfaction',
    'Ratings residents gave after a chat with a CSA, from 1 (very poor) to 5 (very good).',
    columnChart({
      label: `Column chart of the average rating ${context.per}, out of 5. ${SEE_TABLE}`,
      categories: categories(context),
      series: [{ name: 'Average rating', values: context.report.periods.map((f) => f.satisfaction.average) }],
      max: 5,
      step: 1,
      format: (value) => value.toLocaleString('en-GB', { maximumFractionDigits: 2 }),
    }),
    table(
      context,
      `Ratings ${context.per}`,
      ['Ratings', 'Average', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4', 'Rated 5'],
      (f) => [f.satisfaction.ratings, formatAverage(f.satisfaction.average), ...f.satisfaction.distribution],
    ),
  );
}

function helpfulness(context: SectionContext): SafeHtml {
  const byArticle = new Map<string, { helpful: number; notHelpful: number }>();
  for (const figures of context.report.periods) {
    for (const article of figures.helpfulness) {
      const counts = byArticle.get(article.articleId) ?? { helpful: 0, notHelpful: 0 };
      counts.helpful += article.helpful;
      counts.notHelpful += article.notHelpful;
      byArticle.set(article.articleId, counts);
    }
  }
  const top = [...byArticle.entries()]
    .sort(
      ([a, one], [b, other]) => other.helpful + other.notHelpful - (one.helpful + one.notHelpful) || a.localeCompare(b),
    )
    .slice(0, TOP_ARTICLES);
  const description = `Answers residents rated with "Was this helpful?", for the ${Math.min(TOP_ARTICLES, byArticle.size)} articles with the most ratings over all the periods shown.`;
  if (top.length === 0)
    return section('helpful', 'Was this helpful?', 'No answers were rated "Was this helpful?" in these periods.');
  return section(
    'helpful',
    'Was this helpful?',
    description,
    barChart({
      label: `Stacked bar chart of answers rated helpful and not helpful, for the articles with the most ratings. ${SEE_TABLE}`,
      series: ['Helpful', 'Not helpful'],
      bars: top.map(([articleId, counts]) => ({
        label: context.names.article(articleId),
        values: [counts.helpful, counts.notHelpful],
      })),
    }),
    dataTable({
      caption: 'Was this helpful? by article, all periods together',
      rowHeader: 'Article',
      columns: ['Helpful', 'Not helpful', 'Share helpful'],
      rows: top.map(([articleId, counts]) => ({
        header: context.names.article(articleId),
        cells: [
          counts.helpful,
          counts.notHelpful,
          formatShare(shareOf(counts.helpful, counts.helpful + counts.notHelpful)),
        ],
      })),
    }),
  );
}

function languageModel(context: SectionContext): SafeHtml {
  const { periods } = context.report;
  const used = periods.some((f) => f.languageModel.calls + f.languageModel.generated + f.languageModel.fallbacks > 0);
  if (!used) return html``;
  return section(
    'language-model',
    'Language model',
    'Calls to the language model and the tokens they used, answers it wrote, and answers given without it instead (it was unavailable, could not answer, or its answer failed the checks). Calls are not tied to a service, so these figures are shown for all services only.',
    columnChart({
      label: `Column chart of language model tokens ${context.per}. ${SEE_TABLE}`,
      categories: categories(context),
      series: [{ name: 'Tokens', values: periods.map((f) => f.languageModel.tokens) }],
    }),
    table(
      context,
      `Language model ${context.per}`,
      ['Calls', 'Tokens', 'Median latency', 'Answers written', 'Fallbacks'],
      (f) => [
        f.languageModel.calls,
        f.languageModel.tokens,
        f.languageModel.medianLatencyMs === null
          ? 'no data'
          : `${f.languageModel.medianLatencyMs.toLocaleString('en-GB')} ms`,
        f.languageModel.generated,
        f.languageModel.fallbacks,
      ],
    ),
  );
}
