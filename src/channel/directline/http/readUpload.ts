import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { DirectLineError, fail, type Outcome, succeed } from '../directLineError';
import type { DirectLineLimits } from '../directLineOptions';

/** A file part as received: its bytes, and what the client said about it (not trusted). */
export interface ReceivedFile {
  bytes: Buffer;
  name: string | undefined;
}

export interface ReceivedUpload {
  files: ReceivedFile[];
  /** The `activity` part, as text (a file part, as `botframework-directlinejs` sends it, or a plain field). */
  activityJson: string | undefined;
}

/** Multipart boundaries, part headers and the activity part, on top of the files themselves. */
const OVERHEAD_ALLOWANCE_BYTES = 1024 * 1024;

type UploadLimits = Pick<
  DirectLineLimits,
  'maxUploadFileBytes' | 'maxUploadTotalBytes' | 'maxUploadFiles' | 'maxActivityBytes'
>;

/**
 * Reads a `multipart/form-data` upload into memory within the limits: each file at most `maxUploadFileBytes`, all
 * files at most `maxUploadTotalBytes`, at most `maxUploadFiles` files, the activity part at most `maxActivityBytes`.
 * Past a limit the rest is read and dropped (so the client sees the 413), and far past it reading stops.
 */
export function readUpload(req: IncomingMessage, limits: UploadLimits): Promise<Outcome<ReceivedUpload>> {
  const hardLimit = limits.maxUploadTotalBytes + OVERHEAD_ALLOWANCE_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > hardLimit) {
    return Promise.resolve(fail('MessageSizeTooBig', tooLargeMessage(limits)));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fileSize: limits.maxUploadFileBytes,
        files: limits.maxUploadFiles + 1,
        fields: 4,
        parts: limits.maxUploadFiles + 5,
        fieldSize: limits.maxActivityBytes,
        headerPairs: 20,
      },
    });
  } catch {
    return Promise.resolve(fail('BadSyntax', 'The multipart body has no boundary.'));
  }

  return new Promise((resolve) => {
    const files: ReceivedFile[] = [];
    let activityJson: string | undefined;
    let problem: DirectLineError | undefined;
    let total = 0;
    let settled = false;
    const refuse = (error: DirectLineError) => {
      problem ??= error;
    };
    const settle = (outcome: Outcome<ReceivedUpload>) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const finish = () => settle(problem ? { ok: false, error: problem } : succeed({ files, activityJson }));

    parser.on('file', (field, stream, info) => {
      const isActivity = field === 'activity';
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (!isActivity) total += chunk.length;
        if (isActivity && size > limits.maxActivityBytes) {
          refuse(
            new DirectLineError('MessageSizeTooBig', `The activity may be at most ${limits.maxActivityBytes} bytes.`),
          );
        } else if (total > limits.maxUploadTotalBytes) {
          refuse(new DirectLineError('MessageSizeTooBig', tooLargeMessage(limits)));
        }
        if (!problem) chunks.push(chunk);
      });
      stream.on('limit', () => refuse(new DirectLineError('MessageSizeTooBig', tooLargeMessage(limits))));
      stream.on('end', () => {
        if (problem) return;
        const bytes = Buffer.concat(chunks);
        if (isActivity) activityJson = bytes.toString('utf8');
        else files.push({ bytes, name: info.filename });
      });
    });
    parser.on('field', (name, value, info) => {
      if (name !== 'activity') return;
      if (info.valueTruncated) {
        refuse(
          new DirectLineError('MessageSizeTooBig', `The activity may be at most ${limits.maxActivityBytes} bytes.`),
        );
      } else {
        activityJson = value;
      }
    });
    parser.on('filesLimit', () =>
      refuse(
        new DirectLineError('MessageSizeTooBig', `At most ${limits.maxUploadFiles} files may be uploaded at once.`),
      ),
    );
    parser.on('partsLimit', () => refuse(new DirectLineError('BadArgument', 'The upload has too many parts.')));
    parser.on('fieldsLimit', () => refuse(new DirectLineError('BadArgument', 'The upload has too many fields.')));
    parser.on('error', () => {
      refuse(new DirectLineError('BadSyntax', 'The multipart body could not be read.'));
      req.unpipe(parser);
      req.resume();
      finish();
    });
    parser.on('close', finish);

    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= hardLimit) return;
      refuse(new DirectLineError('MessageSizeTooBig', tooLargeMessage(limits)));
      req.unpipe(parser);
      req.pause();
      finish();
    });
    req.on('close', () => {
      if (!req.complete) {
        refuse(new DirectLineError('BadArgument', 'The upload was not received in full.'));
        finish();
      }
    });
    req.pipe(parser);
  });
}

function tooLargeMessage(limits: UploadLimits): string {
  const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `Each file may be at most ${mb(limits.maxUploadFileBytes)}, and all files together ${mb(limits.maxUploadTotalBytes)}.`;
}
