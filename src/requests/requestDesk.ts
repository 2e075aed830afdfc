import { TokenBucketLimiter } from '../server/http/tokenBucketLimiter';
import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { londonInstant } from '../calendar/londonTime';
import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import type { AuditActor, AuditLog } from '../storage/repositories/auditLog';
import type { OutboxRepository } from '../storage/repositories/outboxRepository';
import { normaliseEmail } from '../storage/repositories/repositoryOptions';
import type {
  RequestRepository,
  RequestStatus,
  ResidentContact,
  ServiceRequest,
} from '../storage/repositories/requestRepository';
import { acknowledgementEmail } from './acknowledgementEmail';

/** A stored service request, as the desk hands it to the conversation and the console. */
export type { ServiceRequest };

import { crmPayload } from './crmPayload';
import type { Answers } from './requestFields';
import { isRequestType, REQUEST_DEFINITIONS, type RequestDefinition, type RequestType } from './requestTypes';
import { comparablePhoneNumber } from './validation/ukPhoneNumber';
import { findPostcode } from './validation/findPostcode';
import { normalisePostcode } from './validation/ukPostcode';
import { responseDueBy } from '../calendar/workingDays';

export interface RequestDeskOptions {
  requests: RequestRepository;
  outbox: OutboxRepository;
  auditLog: AuditLog;
  /** The council profile now (its response target and contacts; editors may change it while running). */
  profile: () => CouncilProfile;
  /** The CRM webhook (`CRM_WEBHOOK_URL`); without it requests wait in the store for staff. */
  crmWebhookUrl?: string;
  /**
   * The back office over Open311 (`OPEN311_ENDPOINT`): the delivery of a request (its address and the outbox body),
   * or undefined for a type it does not take (callbacks). Queued beside the CRM webhook.
   */
  open311Delivery?: (
    request: ServiceRequest,
    definition: RequestDefinition,
  ) => Promise<{ to: string; body: string } | undefined>;
  /** A link the CRM can fetch a resident's uploaded photo from. */
  photoUrl: (contentUrl: string, reference: string) => string;
  /** Called after messages are queued, so the dispatcher sends them now rather than at its next poll. */
  onQueued?: () => void;
  /** Where requests made and answered are counted for the figures (no personal data). */
  analytics?: Pick<AnalyticsRepository, 'record'>;
  clock: () => Date;
  /**
   * Failed look-ups allowed per reference, across every conversation (default: `MAX_FAILED_LOOK_UPS_PER_REFERENCE`
   * at once, as many again over a day). Kept in this process's memory.
   */
  failedLookUps?: TokenBucketLimiter;
  /** Failed look-ups allowed per client address (default `MAX_FAILED_LOOK_UPS_PER_ADDRESS`, as many again an hour). */
  failedLookUpsPerAddress?: TokenBucketLimiter;
  /** The client address a conversation's messages come from, when the channel knows it (the web chat channel). */
  addressOf?: (conversationId: string) => string | undefined;
  /** Told after each status change a person made (console or staff API), e.g. to tell a councillor about their case. */
  onStatusChanged?: (request: ServiceRequest, previous: RequestStatus) => Promise<void>;
}

/** Wrong proofs a reference takes, from all conversations together, before it can be checked only by phone. */
export const MAX_FAILED_LOOK_UPS_PER_REFERENCE = 10;

/** Wrong proofs from one address, whatever the references, before its status checks wait. */
export const MAX_FAILED_LOOK_UPS_PER_ADDRESS = 30;

/** One submission of a completed form. */
export interface Submission {
  /** Stable across retries of the same submission (conversation id and the form's instance id). */
  idempotencyKey: string;
  requestType: RequestType;
  conversationId?: string;
  answers: Answers;
}

export interface SubmittedRequest {
  request: ServiceRequest;
  definition: RequestDefinition;
  /** False when this submission had already been stored (a retry): the same request is returned. */
  created: boolean;
}

/**
 * A look-up's result. `noMatch` whether the reference or the proof was wrong; `tooManyTries` once the reference has
 * had too many wrong proofs from any conversation (even a right one is refused then), whether it exists or not.
 */
export type LookUpOutcome =
  | { found: true; request: ServiceRequest; definition: RequestDefinition }
  | { found: false; reason: 'noMatch' | 'tooManyTries' };

export type StatusUpdateOutcome =
  { ok: true; request: ServiceRequest; previous: RequestStatus } | { ok: false; reason: 'notFound' };

/** How long a stored request may wait without a CRM delivery before the sweep queues one. */
const DELIVERY_GRACE_MS = 60_000;

/**
 * The service requests domain as the conversation, the staff API and (later) the console use it: submit a request
 * (stored first, then its acknowledgement email and CRM delivery queued in the outbox), look one up for a resident
 * who proves it is theirs, and change its status with an audit entry. Transport-free.
 */
export class RequestDesk {
  private readonly failedLookUps: TokenBucketLimiter;
  private readonly failedLookUpsPerAddress: TokenBucketLimiter;

  constructor(private readonly options: RequestDeskOptions) {
    this.failedLookUps =
      options.failedLookUps ??
      new TokenBucketLimiter(
        { capacity: MAX_FAILED_LOOK_UPS_PER_REFERENCE, refillPerSecond: MAX_FAILED_LOOK_UPS_PER_REFERENCE / 86_400 },
        options.clock,
      );
    this.failedLookUpsPerAddress =
      options.failedLookUpsPerAddress ??
      new TokenBucketLimiter(
        { capacity: MAX_FAILED_LOOK_UPS_PER_ADDRESS, refillPerSecond: MAX_FAILED_LOOK_UPS_PER_ADDRESS / 3600 },
        options.clock,
      );
  }

  /**
   * Stores the request (idempotent by `idempotencyKey`) with its promised reply date, then queues the resident's
   * acknowledgement (if they gave an email) and the CRM delivery (if one is configured). Resolves only once all of
   * it is durable, so a confirmation sent afterwards is never for a request that could be lost. A retry returns the
   * first request and queues nothing twice.
   */
  async submit(submission: Submission): Promise<SubmittedRequest> {
    const definition = REQUEST_DEFINITIONS[submission.requestType];
    const { details, contact } = splitAnswers(definition, submission.answers);
    const due = responseDueBy(this.options.clock(), this.options.profile().responseTarget.workingDays);
    const { created, request } = await this.options.requests.create({
      idempotencyKey: submission.idempotencyKey,
      requestType: submission.requestType,
      conversationId: submission.conversationId,
      details,
      contact,
      responseDueBy: due,
    });
    await this.queueAcknowledgement(request, definition);
    await this.queueCrmDelivery(request, definition);
    await this.queueOpen311Delivery(request, definition);
    this.options.onQueued?.();
    if (created) {
      await this.options.analytics?.record({
        kind: 'requestSubmitted',
        conversationId: request.conversationId,
        requestType: request.requestType,
        reference: request.reference,
        promisedBy: endOfDueDay(request.responseDueBy),
      });
    }
    return { request, definition, created };
  }

  /**
   * The request with this reference, if `proof` is the postcode, email address or phone number given with it (each
   * compared in its normalised form). A wrong reference and a wrong proof give the same answer, so nobody can learn
   * whether someone else's reference exists. Wrong proofs are counted per reference across conversations, and per
   * client address when the conversation's channel knows it, so starting new chats does not buy more guesses.
   */
  async lookUp(reference: string, proof: string, conversationId?: string): Promise<LookUpOutcome> {
    const key = reference.trim().toUpperCase();
    const address = conversationId ? this.options.addressOf?.(conversationId) : undefined;
    const checks: Array<[TokenBucketLimiter, string]> = [[this.failedLookUps, key]];
    if (address) checks.push([this.failedLookUpsPerAddress, address]);
    if (checks.some(([limiter, bucket]) => !limiter.peek(bucket).ok)) return { found: false, reason: 'tooManyTries' };
    const request = await this.options.requests.findByReference(reference);
    if (!request || !isRequestType(request.requestType) || !provesOwnership(request, proof)) {
      for (const [limiter, bucket] of checks) limiter.take(bucket);
      return { found: false, reason: 'noMatch' };
    }
    return { found: true, request, definition: REQUEST_DEFINITIONS[request.requestType] };
  }

  /** The request with this reference, for staff and for the conversation that made it (no proof asked). */
  findByReference(reference: string): Promise<ServiceRequest | null> {
    return this.options.requests.findByReference(reference);
  }

  /** A person (staff API, console) changes a request's status; the change and who made it go in the audit log. */
  async updateStatus(change: {
    reference: string;
    status: RequestStatus;
    note?: string;
    actor: AuditActor;
  }): Promise<StatusUpdateOutcome> {
    const before = await this.options.requests.findByReference(change.reference);
    if (!before) return { ok: false, reason: 'notFound' };
    const updated = await this.options.requests.updateStatus(change.reference, change.status, {
      by: change.actor.id ?? change.actor.kind,
      note: change.note,
    });
    if (!updated.ok) return updated;
    await this.options.auditLog.record({
      actor: change.actor,
      action: 'serviceRequest.statusChanged',
      subject: { kind: 'serviceRequest', id: updated.request.reference },
      details: { from: before.status, to: change.status, withNote: Boolean(change.note) },
    });
    await this.options.analytics?.record({
      kind: 'requestStatus',
      requestType: updated.request.requestType,
      reference: updated.request.reference,
      status: change.status,
      since: updated.request.createdAt,
      promisedBy: endOfDueDay(updated.request.responseDueBy),
    });
    await this.options.onStatusChanged?.(updated.request, before.status);
    return { ok: true, request: updated.request, previous: before.status };
  }

  /** The CRM accepted the request: `submitted` becomes `forwarded` (a person's later status is never overwritten). */
  async markForwarded(reference: string): Promise<void> {
    const updated = await this.options.requests.updateStatus(reference, 'forwarded', {
      by: 'system',
      note: 'Passed to the service team',
      onlyFrom: ['submitted'],
    });
    if (updated.ok) {
      await this.options.auditLog.record({
        actor: { kind: 'system' },
        action: 'serviceRequest.forwarded',
        subject: { kind: 'serviceRequest', id: reference },
      });
    }
  }

  /**
   * Queues a CRM delivery for every request still `submitted` a minute after it was stored without one (a crash
   * between storing and queueing, or a CRM configured after requests were taken). Returns how many were queued.
   */
  async queueMissingDeliveries(): Promise<number> {
    if (!this.options.crmWebhookUrl && !this.options.open311Delivery) return 0;
    const before = new Date(this.options.clock().getTime() - DELIVERY_GRACE_MS);
    let queued = 0;
    for (const request of await this.options.requests.listInStatus('submitted', before)) {
      if (!isRequestType(request.requestType)) continue;
      const definition = REQUEST_DEFINITIONS[request.requestType];
      if (await this.queueCrmDelivery(request, definition)) queued++;
      if (await this.queueOpen311Delivery(request, definition)) queued++;
    }
    if (queued > 0) this.options.onQueued?.();
    return queued;
  }

  private async queueAcknowledgement(request: ServiceRequest, definition: RequestDefinition): Promise<boolean> {
    if (!request.contact.email) return false;
    const email = acknowledgementEmail(request, definition, this.options.profile());
    const { enqueued } = await this.options.outbox.enqueue({
      idempotencyKey: `acknowledgement:${request.reference}`,
      channel: 'email',
      to: request.contact.email,
      subject: email.subject,
      body: email.body,
      conversationId: request.conversationId,
      requestReference: request.reference,
    });
    return enqueued;
  }

  private async queueCrmDelivery(request: ServiceRequest, definition: RequestDefinition): Promise<boolean> {
    if (!this.options.crmWebhookUrl) return false;
    const { enqueued } = await this.options.outbox.enqueue({
      idempotencyKey: `crm:${request.reference}`,
      channel: 'webhook',
      to: this.options.crmWebhookUrl,
      body: JSON.stringify(crmPayload(request, definition, this.options.photoUrl)),
      conversationId: request.conversationId,
      requestReference: request.reference,
    });
    return enqueued;
  }

  private async queueOpen311Delivery(request: ServiceRequest, definition: RequestDefinition): Promise<boolean> {
    const delivery = await this.options.open311Delivery?.(request, definition);
    if (!delivery) return false;
    const { enqueued } = await this.options.outbox.enqueue({
      idempotencyKey: `open311:${request.reference}`,
      channel: 'open311',
      to: delivery.to,
      body: delivery.body,
      conversationId: request.conversationId,
      requestReference: request.reference,
    });
    return enqueued;
  }
}

/** Whether residents can check this request themselves: it holds a postcode, email or phone to prove it. */
export function canBeCheckedOnline(request: ServiceRequest): boolean {
  return Boolean(request.details.postcode || request.contact.email || request.contact.phone);
}

/** The answers as the store keeps them: contact details apart, skipped questions left out. */
export function splitAnswers(
  definition: RequestDefinition,
  answers: Answers,
): { details: Record<string, string>; contact: ResidentContact } {
  const details: Record<string, string> = {};
  const contact: ResidentContact = {};
  for (const field of definition.fields) {
    const answer = answers[field.id];
    if (!answer) continue;
    if (field.contact) contact[field.contact] = answer.value;
    else details[field.id] = answer.value;
  }
  return { details, contact };
}

function provesOwnership(request: ServiceRequest, proof: string): boolean {
  const typed = proof.trim();
  if (typed === '') return false;
  const postcodes = [request.details.postcode, ...Object.values(request.details).map(findPostcode)];
  if (postcodes.some((postcode) => postcode && normalisePostcode(typed) === normalisePostcode(postcode))) return true;
  if (request.contact.email && normaliseEmail(typed) === normaliseEmail(request.contact.email)) return true;
  const phone = request.contact.phone ? comparablePhoneNumber(request.contact.phone) : undefined;
  return phone !== undefined && comparablePhoneNumber(typed) === phone;
}

/** A full reply is promised by the end of the due day (`YYYY-MM-DD`, London time). */
export function endOfDueDay(dueBy: string | undefined): Date | undefined {
  return dueBy ? londonInstant(dueBy, 24 * 60 - 1) : undefined;
}
