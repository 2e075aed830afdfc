import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import type { Ward } from '../places/wardSchema';
import { endOfDueDay } from '../requests/requestDesk';
import { responseDueBy } from '../calendar/workingDays';
import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import type { AuditLog } from '../storage/repositories/auditLog';
import type { ConsoleUser, ConsoleUserRepository } from '../storage/repositories/consoleUserRepository';
import type { OutboxRepository } from '../storage/repositories/outboxRepository';
import type {
  RequestRepository,
  RequestStatus,
  ResidentContact,
  ServiceRequest,
} from '../storage/repositories/requestRepository';
import { caseAcknowledgementEmail, caseStatusEmail } from './caseworkEmails';
import {
  CASE_DETAILS,
  COUNCILLOR_AUTHOR_PREFIX,
  type CouncillorCase,
  isCaseOf,
  isMemberEnquiry,
  MEMBER_ENQUIRY_TYPE,
  toCouncillorCase,
} from './memberEnquiry';
import { memberEnquiryPayload } from './memberEnquiryPayload';
import { serviceAreas } from './serviceAreas';
import { summariseWard, WARD_SUMMARY_DAYS, type WardSummaryRow } from './wardSummary';

/** The ward a service request is in, when known. The address look-up (gazetteer) plugs in here. */
export type WardOfRequest = (request: ServiceRequest) => string | undefined;

/** Cases record the ward they were raised for; other requests have a ward once an address look-up gives one. */
export const wardRecordedOnRequest: WardOfRequest = (request) =>
  request.details[CASE_DETAILS.wardId] ?? request.details.ward;

export interface CaseworkDeskOptions {
  requests: RequestRepository;
  outbox: Pick<OutboxRepository, 'enqueue'>;
  auditLog: AuditLog;
  consoleUsers: Pick<ConsoleUserRepository, 'findById'>;
  analytics?: Pick<AnalyticsRepository, 'record'>;
  /** The council profile and wards now (editors may change them while running). */
  knowledge: () => { profile: CouncilProfile; wardById: ReadonlyMap<string, Ward> };
  /** `CRM_WEBHOOK_URL`: cases go to the service team's CRM like any request. */
  crmWebhookUrl?: string;
  /** The link to a case in the console, for the councillor's emails. */
  caseUrl: (reference: string) => string;
  wardOf?: WardOfRequest;
  onQueued?: () => void;
  clock: () => Date;
}

/** What the councillor typed on `Raise a case`, already checked. */
export interface NewCase {
  /** From the form, stable across a double submission: a second post returns the first case. */
  idempotencyKey: string;
  constituent: { name: string; email?: string; phone?: string; address: string };
  /** A value from `serviceAreas`. */
  serviceArea: string;
  problem: string;
  /** The constituent agreed to their details being shared: a case is never raised without it. */
  consent: true;
}

export type RaiseOutcome =
  { ok: true; case: CouncillorCase } | { ok: false; field: 'serviceArea' | 'councillor'; message: string };

/**
 * Councillors' casework: a case is a service request of type `member-enquiry` whose contact is the constituent's,
 * so staff see it in their list, change its status through the console or the staff API, and `npm run data` and
 * retention treat it like any resident's request. A councillor sees only the cases they raised. Every action is
 * audited; the councillor is emailed on raising and on each status change.
 */
export class CaseworkDesk {
  private readonly wardOf: WardOfRequest;

  constructor(private readonly options: CaseworkDeskOptions) {
    this.wardOf = options.wardOf ?? wardRecordedOnRequest;
  }

  /** The service areas a case can go to. */
  serviceAreas(): ReturnType<typeof serviceAreas> {
    return serviceAreas(this.options.knowledge().profile.contactCentre.teams);
  }

  /** The councillor's ward, from the ward data. */
  wardOfCouncillor(councillor: ConsoleUser): Ward | undefined {
    return councillor.wardId ? this.options.knowledge().wardById.get(councillor.wardId) : undefined;
  }

  async raise(councillor: ConsoleUser, input: NewCase): Promise<RaiseOutcome> {
    const area = this.serviceAreas().find((candidate) => candidate.value === input.serviceArea);
    if (!area) return { ok: false, field: 'serviceArea', message: 'Choose one of the service areas listed' };
    const ward = this.wardOfCouncillor(councillor);
    if (councillor.role !== 'councillor' || !ward) {
      return { ok: false, field: 'councillor', message: 'Your account has no ward: ask a supervisor to set it' };
    }
    const { profile } = this.options.knowledge();
    const now = this.options.clock();
    const contact: ResidentContact = {
      name: input.constituent.name,
      address: input.constituent.address,
      ...(input.constituent.email && { email: input.constituent.email }),
      ...(input.constituent.phone && { phone: input.constituent.phone }),
    };
    const { created, request } = await this.options.requests.create({
      idempotencyKey: `member-enquiry:${councillor._id}:${input.idempotencyKey}`,
      requestType: MEMBER_ENQUIRY_TYPE,
      details: {
        [CASE_DETAILS.serviceArea]: area.label,
        [CASE_DETAILS.problem]: input.problem,
        [CASE_DETAILS.councillor]: councillor.displayName,
        [CASE_DETAILS.councillorAccount]: councillor._id,
        [CASE_DETAILS.ward]: ward.name,
        [CASE_DETAILS.wardId]: ward.id,
        [CASE_DETAILS.consent]: `Agreed to sharing their details, recorded by the councillor at ${now.toISOString()}`,
      },
      contact,
      responseDueBy: responseDueBy(now, profile.memberEnquiryTarget.workingDays),
    });
    if (created) {
      await this.options.auditLog.record({
        actor: { kind: 'councillor', id: councillor._id },
        action: 'memberEnquiry.raised',
        subject: { kind: 'serviceRequest', id: request.reference },
        details: { consent: true, ward: ward.id, serviceArea: area.value },
      });
      await this.options.analytics?.record({
        kind: 'requestSubmitted',
        requestType: MEMBER_ENQUIRY_TYPE,
        reference: request.reference,
        promisedBy: endOfDueDay(request.responseDueBy),
      });
    }
    await this.queueAcknowledgement(councillor, request, profile);
    await this.queueCrmDelivery(request);
    this.options.onQueued?.();
    return { ok: true, case: toCouncillorCase(request, now) };
  }

  /** The councillor's own cases, newest first. */
  async casesOf(councillor: ConsoleUser): Promise<CouncillorCase[]> {
    const found = await this.options.requests.list({
      requestType: MEMBER_ENQUIRY_TYPE,
      detail: { key: CASE_DETAILS.councillorAccount, value: councillor._id },
      limit: 1000,
    });
    const now = this.options.clock();
    return found
      .filter((request) => isCaseOf(request, councillor._id))
      .map((request) => toCouncillorCase(request, now));
  }

  /** One of the councillor's cases (null for another councillor's, or none); opening it is audited. */
  async caseOf(councillor: ConsoleUser, reference: string): Promise<CouncillorCase | null> {
    const request = await this.options.requests.findByReference(reference);
    if (!request || !isCaseOf(request, councillor._id)) return null;
    await this.options.auditLog.record({
      actor: { kind: 'councillor', id: councillor._id },
      action: 'memberEnquiry.viewed',
      subject: { kind: 'serviceRequest', id: request.reference },
    });
    return toCouncillorCase(request, this.options.clock());
  }

  /** The councillor adds an update to their case; it goes in the case's history, where staff see it. */
  async addUpdate(councillor: ConsoleUser, reference: string, text: string): Promise<CouncillorCase | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const request = await this.options.requests.findByReference(reference);
      if (!request || !isCaseOf(request, councillor._id)) return null;
      // The status stays as it is: only if nobody changed it meanwhile (then read again and retry).
      const updated = await this.options.requests.updateStatus(request.reference, request.status, {
        by: `${COUNCILLOR_AUTHOR_PREFIX}${councillor._id}`,
        note: text,
        onlyFrom: [request.status],
      });
      if (!updated.ok) continue;
      await this.options.auditLog.record({
        actor: { kind: 'councillor', id: councillor._id },
        action: 'memberEnquiry.updateAdded',
        subject: { kind: 'serviceRequest', id: request.reference },
      });
      return toCouncillorCase(updated.request, this.options.clock());
    }
    throw new Error('the case kept changing while the update was added');
  }

  /** After staff change a request's status: tells the councillor whose case it is, with the note left for them. */
  async statusChanged(request: ServiceRequest, previous: RequestStatus): Promise<void> {
    if (!isMemberEnquiry(request)) return;
    const accountId = request.details[CASE_DETAILS.councillorAccount];
    const councillor = accountId ? await this.options.consoleUsers.findById(accountId) : null;
    if (!councillor || councillor.disabled) return;
    const latest = request.statusHistory.at(-1);
    const email = caseStatusEmail(
      request,
      this.options.knowledge().profile,
      this.options.caseUrl(request.reference),
      latest?.note,
    );
    const { enqueued } = await this.options.outbox.enqueue({
      idempotencyKey: `member-enquiry-status:${request.reference}:${request.statusHistory.length}`,
      channel: 'email',
      to: councillor.email,
      subject: email.subject,
      body: email.body,
      requestReference: request.reference,
    });
    if (enqueued) {
      await this.options.auditLog.record({
        actor: { kind: 'system' },
        action: 'memberEnquiry.councillorEmailed',
        subject: { kind: 'serviceRequest', id: request.reference },
        details: { from: previous, to: request.status },
      });
      this.options.onQueued?.();
    }
  }

  /** The last 90 days of service requests in the councillor's ward, counted by type (no names or contacts). */
  async wardSummary(councillor: ConsoleUser): Promise<{ ward: Ward; rows: WardSummaryRow[] } | null> {
    const ward = this.wardOfCouncillor(councillor);
    if (!ward) return null;
    const now = this.options.clock();
    const since = new Date(now.getTime() - WARD_SUMMARY_DAYS * 86_400_000);
    const recent = await this.options.requests.list({ since, limit: 10_000 });
    await this.options.auditLog.record({
      actor: { kind: 'councillor', id: councillor._id },
      action: 'memberEnquiry.wardViewed',
      details: { ward: ward.id },
    });
    return {
      ward,
      rows: summariseWard(
        recent.filter((request) => this.wardOf(request) === ward.id),
        now,
      ),
    };
  }

  private async queueAcknowledgement(
    councillor: ConsoleUser,
    request: ServiceRequest,
    profile: CouncilProfile,
  ): Promise<void> {
    const email = caseAcknowledgementEmail(request, profile, this.options.caseUrl(request.reference));
    await this.options.outbox.enqueue({
      idempotencyKey: `member-enquiry-acknowledgement:${request.reference}`,
      channel: 'email',
      to: councillor.email,
      subject: email.subject,
      body: email.body,
      requestReference: request.reference,
    });
  }

  private async queueCrmDelivery(request: ServiceRequest): Promise<void> {
    if (!this.options.crmWebhookUrl) return;
    await this.options.outbox.enqueue({
      idempotencyKey: `crm:${request.reference}`,
      channel: 'webhook',
      to: this.options.crmWebhookUrl,
      body: JSON.stringify(memberEnquiryPayload(request)),
      requestReference: request.reference,
    });
  }
}
