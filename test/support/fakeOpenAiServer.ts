import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import OpenAI from 'openai';
import pino from 'pino';
import { CircuitBreaker } from '../../src/llm/circuitBreaker';
import { type LlmUsageRecorder, LlmUsageCounters } from '../../src/llm/llmUsage';
import { OpenAiLanguageModel } from '../../src/llm/openAiLanguageModel';

/** A request the server received, as sent: tests assert on what left the bot. */
export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** Every text in the request (messages' contents, embedding inputs), joined: for searching. */
  text: string;
}

/** What a scripted chat behaviour replies: the JSON content the model "wrote", raw text, an HTTP error, a delay. */
export type ChatReply =
  { json: unknown } | { content: string } | { status: number } | { delayMs: number; then: ChatReply } | { hang: true };

export interface ChatRequest {
  kind: 'rewrite' | 'answer' | 'check';
  system: string;
  user: string;
  /** Answer requests: the sections given, by article id. */
  sections: { articleId: string; heading: string; text: string }[];
}

export const EMBEDDING_DIMENSIONS = 256;

/**
 * A local OpenAI-compatible server for tests: `/v1/chat/completions` (structured output) and `/v1/embeddings`. By
 * default it behaves like a careful model: rewrites a follow-up by naming the topic of the last answer, answers
 * with the first sentence of the first section given and cites its article, and embeds text as a hashed bag of
 * words (deterministic, so similar wording gives similar vectors). Tests script other behaviours.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  onRewrite: (request: ChatRequest) => ChatReply = defaultRewrite;
  onAnswer: (request: ChatRequest) => ChatReply = defaultAnswer;
  /** The check before answering: by default every message is a question for the council (`none`). */
  onCheck: (request: ChatRequest) => ChatReply = defaultCheck;
  onEmbeddings: () => { status: number } | { delayMs: number } | undefined = () => undefined;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeOpenAiServer> {
    const started: { fake?: FakeOpenAiServer } = {};
    const server = createServer((req, res) => {
      if (started.fake) void started.fake.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    started.fake = new FakeOpenAiServer(server, `http://127.0.0.1:${port}/v1`);
    return started.fake;
  }

  /** Back to the default behaviours, with no requests recorded. */
  reset(): void {
    this.requests.length = 0;
    this.onRewrite = defaultRewrite;
    this.onAnswer = defaultAnswer;
    this.onCheck = defaultCheck;
    this.onEmbeddings = () => undefined;
  }

  requestsTo(path: 'chat' | 'embeddings'): RecordedRequest[] {
    return this.requests.filter((request) =>
      request.path.endsWith(path === 'chat' ? '/chat/completions' : '/embeddings'),
    );
  }

  chatRequests(kind: ChatRequest['kind']): RecordedRequest[] {
    return this.requestsTo('chat').filter((request) => chatKind(request.body) === kind);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const body: Record<string, unknown> = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const path = req.url ?? '';
    this.requests.push({ path, authorization: req.headers.authorization, body, text: textOf(body) });
    if (path.endsWith('/embeddings')) return this.embeddings(body, res);
    if (path.endsWith('/chat/completions')) return this.chat(body, res);
    send(res, 404, { error: { message: 'not found' } });
  }

  private async embeddings(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const scripted = this.onEmbeddings();
    if (scripted && 'status' in scripted) return send(res, scripted.status, { error: { message: 'scripted failure' } });
    if (scripted) await sleep(scripted.delayMs);
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input)];
    const base64 = body.encoding_format === 'base64';
    send(res, 200, {
      object: 'list',
      model: body.model,
      data: inputs.map((input, index) => {
        const vector = bagOfWordsVector(input);
        return {
          object: 'embedding',
          index,
          embedding: base64 ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector,
        };
      }),
      usage: { prompt_tokens: tokens(inputs.join(' ')), total_tokens: tokens(inputs.join(' ')) },
    });
  }

  private async chat(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const kind = chatKind(body);
    if (!kind) return send(res, 400, { error: { message: 'expected a json_schema response_format' } });
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const contentOf = (role: string) => String(messages.find((m: { role?: string }) => m.role === role)?.content ?? '');
    const request: ChatRequest = {
      kind,
      system: contentOf('system'),
      user: contentOf('user'),
      sections: parseSections(contentOf('user')),
    };
    let reply =
      kind === 'rewrite' ? this.onRewrite(request) : kind === 'check' ? this.onCheck(request) : this.onAnswer(request);
    while ('delayMs' in reply) {
      await sleep(reply.delayMs);
      reply = reply.then;
    }
    if ('hang' in reply) return;
    if ('status' in reply)
      return send(res, reply.status, { error: { message: 'scripted failure', type: 'server_error' } });
    const content = 'json' in reply ? JSON.stringify(reply.json) : reply.content;
    send(res, 200, {
      id: `chatcmpl-${Date.now()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
      usage: {
        prompt_tokens: tokens(request.system + request.user),
        completion_tokens: tokens(content),
        total_tokens: tokens(request.system + request.user + content),
      },
    });
  }
}

/** The real `OpenAiLanguageModel` on the official SDK, pointed at a fake server. */
export function languageModelFor(
  server: FakeOpenAiServer,
  options: { breaker?: CircuitBreaker; usage?: LlmUsageRecorder; defaultTimeoutMs?: number; now?: () => number } = {},
): OpenAiLanguageModel {
  return new OpenAiLanguageModel({
    client: new OpenAI({ apiKey: 'test-key', baseURL: server.baseUrl, maxRetries: 0 }),
    chatModel: 'fake-chat',
    embeddingModel: 'fake-embedding',
    breakers: {
      chat: options.breaker ?? new CircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000 }),
      embed: new CircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000 }),
    },
    usage: options.usage ?? new LlmUsageCounters(),
    logger: pino({ level: 'silent' }),
    defaultTimeoutMs: options.defaultTimeoutMs ?? 5000,
    now: options.now,
  });
}

/** The default rewrite: a message that refers back ("it", "that", "how much") gets the last answer's topic. */
function defaultRewrite(request: ChatRequest): ChatReply {
  const latest = /<latest_message>([\s\S]*?)<\/latest_message>/.exec(request.user)?.[1]?.trim() ?? '';
  const topics = [...request.user.matchAll(/Answered from "([^"]+)"/g)].map((match) => match[1]);
  const topic = topics[topics.length - 1];
  const refersBack = /\b(?:it|that|this|they|them|there|one)\b|^(?:how much|and|what about)\b/i.test(latest);
  return { json: { question: topic && refersBack ? `${latest} (${topic})` : latest } };
}

/** The default check: nothing to decline (the deterministic routing has decided). */
function defaultCheck(): ChatReply {
  return { json: { verdict: 'none' } };
}

/** The default answer: the first sentence of the first section, citing its article. */
function defaultAnswer(request: ChatRequest): ChatReply {
  const first = request.sections[0];
  if (!first) return { json: { status: 'cannotAnswer', answer: '', citations: [] } };
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(first.text.replace(/\s+/g, ' '))?.[0] ?? first.text;
  return { json: { status: 'answered', answer: sentence.trim(), citations: [first.articleId] } };
}

function parseSections(user: string): ChatRequest['sections'] {
  return [
    ...user.matchAll(/<section article="([^"]+)" title="[^"]*" heading="([^"]*)">\n([\s\S]*?)\n<\/section>/g),
  ].map((match) => ({ articleId: match[1] ?? '', heading: match[2] ?? '', text: match[3] ?? '' }));
}

function chatKind(body: Record<string, unknown>): ChatRequest['kind'] | undefined {
  const format = body.response_format;
  if (typeof format !== 'object' || format === null || !('json_schema' in format)) return undefined;
  const schema = format.json_schema;
  const name = typeof schema === 'object' && schema !== null && 'name' in schema ? schema.name : undefined;
  if (name === 'rewritten_question') return 'rewrite';
  if (name === 'grounded_answer') return 'answer';
  if (name === 'message_check') return 'check';
  return undefined;
}

function textOf(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? body.messages.map((m: { content?: unknown }) => String(m.content))
    : [];
  const inputs = Array.isArray(body.input) ? body.input.map(String) : body.input ? [String(body.input)] : [];
  return [...messages, ...inputs].join('\n');
}

const STOP = new Set(
  'the and for you your are can how what when where who which with this that have has does did from not but about there their them they its our out any all get got will would should could into also than then just more some been was were'.split(
    ' ',
  ),
);

/** Hashed bag of words: lower-cased words of 3+ letters, minus stop words, crudely stemmed, hashed into buckets. */
export function bagOfWordsVector(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const raw of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
    if (STOP.has(raw)) continue;
    const word = raw.replace(/(?:ing|ed|es|s)$/, '');
    const bucket = createHash('md5').update(word).digest().readUInt32LE(0) % EMBEDDING_DIMENSIONS;
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / length);
}

function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A delay that does not keep the test process alive once the server is closed. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
