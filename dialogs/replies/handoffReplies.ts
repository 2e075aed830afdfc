import type { Activity } from 'botbuilder';
import type { EscalationReason } from '../../src/handoff/handoffDesk';
import type { HandoffStart, LiveHandoff } from '../../src/handoff/handoffPort';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';
import { literalText } from './literalText';

export const CALL_ME_BACK = 'Call me back';
export const STOP_WAITING = 'Stop waiting';
export const KEEP_WAITING = 'Keep waiting';

const OPENING: Record<EscalationReason, string> = {
  residentAsked: "I'm passing you to our customer services team.",
  botFailedTwice: "I'm sorry I couldn't answer that. I'm passing you to our customer services team, who can help.",
  repeatedInvalidAnswers: "Let's get a person to help with this. I'm passing you to our customer services team.",
  urgent: "I'm also asking a member of our team to pick up your conversation as a priority.",
  needsPerson: "This is something a person needs to help you with, so I'm passing you to our team.",
  frustration: "I'm sorry I haven't been much help. I'm passing you to a member of our team.",
  transferred: "I'm passing you to another team.",
};

/** What the resident is told when the bot asks for a person: their place and wait, or why nobody can come now. */
export function handoffStartReply(
  start: HandoffStart,
  reason: EscalationReason,
  services: ConversationServices,
): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  switch (start.kind) {
    case 'queued': {
      const place = queuePlace(start.position, start.estimatedWaitMinutes);
      const lines = start.alreadyQueued
        ? [`You're still waiting for our team: ${place}`]
        : [OPENING[reason], place, 'You can keep typing: everything you write will be there for them to read.'];
      if (start.csasAvailable === 0) {
        lines.push(`Everyone on our team is busy right now. If you'd rather not wait, choose **${CALL_ME_BACK}**.`);
      } else {
        lines.push(`If you'd rather not wait, choose **${CALL_ME_BACK}**, or ${phoneLine(profile, services)}.`);
      }
      return botMessage(
        lines.join('\n\n'),
        {
          action: 'handoff',
          handoffState: 'queued',
          reason,
          position: start.position,
          estimatedWaitMinutes: start.estimatedWaitMinutes,
        },
        [CALL_ME_BACK, STOP_WAITING],
      );
    }
    case 'withCsa':
      return botMessage(`You're already chatting with ${start.csaName} from our team.`, {
        action: 'handoff',
        handoffState: 'accepted',
        csaName: start.csaName,
      });
    case 'closed': {
      const reopens = start.nextOpening ? ` We're open again ${describeWhen(start.nextOpening)}.` : '';
      const text = [
        reason === 'urgent'
          ? `Our customer services team isn't working right now, so please use the numbers above.${reopens}`
          : `Our customer services team isn't working right now: they're available ${services.contactCentre.describeHours(profile)}.${reopens}`,
        `I can book a callback for you, so someone contacts you when we're open: choose **${CALL_ME_BACK}**. You can also email ${profile.email}, or visit us at ${profile.address.slice(1).join(', ')}.`,
      ].join('\n\n');
      return botMessage(
        text,
        { action: 'handoff', handoffState: 'closed', reason, nextOpening: start.nextOpening?.toISOString() },
        [CALL_ME_BACK],
      );
    }
    case 'external':
      return botMessage(`${OPENING[reason]} Please wait a moment while I connect you.`, {
        action: 'handoff',
        handoffState: 'external',
        reason,
      });
  }
}

/** The resident wrote while waiting: their words are with the team, and where they stand. */
export function stillWaitingReply(live: Extract<LiveHandoff, { state: 'queued' }>): Partial<Activity> {
  return botMessage(
    `Thanks, I've added that to your conversation for our team. ${queuePlace(live.position, live.estimatedWaitMinutes)}`,
    {
      action: 'handoff',
      handoffState: 'queued',
      position: live.position,
      estimatedWaitMinutes: live.estimatedWaitMinutes,
    },
    [CALL_ME_BACK, STOP_WAITING],
  );
}

/** An external agent hub could not take the conversation. */
export function handoffFailedReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(
    `I'm sorry, I couldn't connect you to an adviser just now. Please ${phoneLine(profile, services)}, email ${profile.email}, or choose **${CALL_ME_BACK}** and we'll contact you.`,
    { action: 'handoff', handoffState: 'ended' },
    [CALL_ME_BACK],
  );
}

export function leftQueueReply(): Partial<Activity> {
  return botMessage(
    "OK, you've left the queue. I'm still here if you have another question, or type **talk to a person** at any time.",
    { action: 'handoff', handoffState: 'left' },
  );
}

/** Nobody has been free for too long: the resident is offered a callback, or to keep waiting. */
export function waitExpiredReply(minutesWaited: number, services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(
    [
      `I'm sorry: you've waited ${minutesWaited} minutes and no one from our team has been free yet.`,
      `I can book a callback, so you don't have to wait here: choose **${CALL_ME_BACK}**. Or keep waiting, or ${phoneLine(profile, services)}.`,
    ].join('\n\n'),
    { action: 'handoff', handoffState: 'queued', waitExpired: true },
    [CALL_ME_BACK, KEEP_WAITING],
  );
}

export function agentJoinedReply(csaName: string, services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(`**${csaName}** from ${profile.name}'s customer services team has joined the chat.`, {
    action: 'handoff',
    handoffState: 'accepted',
    csaName,
  });
}

/** A CSA's words, shown as from the council's team with the CSA's first name. */
export function agentMessageReply(csaName: string, text: string, services: ConversationServices): Partial<Activity> {
  const activity = botMessage(`**${csaName} (${teamName(services)}):** ${literalText(text)}`, {
    action: 'agent',
    csaName,
    csaText: text,
  });
  activity.from = { id: 'council-team', name: `${csaName} (${teamName(services)})`, role: 'bot' };
  return activity;
}

export function agentArticleReply(
  csaName: string,
  articleId: string,
  services: ConversationServices,
): Partial<Activity> {
  const article = services.knowledge.current().knowledge.byId.get(articleId);
  const text = article
    ? `**${csaName} (${teamName(services)}):** This page should help: [${article.title}](${article.url})\n\n${article.summary}`
    : `**${csaName} (${teamName(services)}):** (the page is no longer available)`;
  return botMessage(text, { action: 'agent', csaName, csaText: article?.url ?? '', articleId });
}

export function transferredReply(team: string, position: number): Partial<Activity> {
  return botMessage(
    `I'm passing you to our **${team}** team, who can help with this. You're number ${position} in their queue. You don't need to repeat anything: they can see our conversation.`,
    { action: 'handoff', handoffState: 'queued', team, position },
  );
}

export function chatEndedReply(csaName: string): Partial<Activity> {
  return botMessage(
    `${csaName} has ended the chat. You're back with the automated assistant: ask me anything else, or type **talk to a person** to reach the team again.`,
    { action: 'handoff', handoffState: 'ended', csaName },
  );
}

function queuePlace(position: number, minutes: number): string {
  const wait = minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`;
  return position === 1
    ? `You're next in the queue; the wait is ${wait}.`
    : `You're number ${position} in the queue; the wait is ${wait}.`;
}

function teamName(services: ConversationServices): string {
  return `${services.knowledge.current().knowledge.profile.shortName} Council`;
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "at 9:00 am on Monday 30 November" */
export function describeWhen(date: Date): string {
  return `at ${TIME.format(date).replace(':00', '').replace(/\s/g, '')} on ${DAY.format(date)}`;
}
