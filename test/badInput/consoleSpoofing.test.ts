import { consoleScript } from '../../src/console/client/consoleScript';
import { renderLine } from '../../src/console/views/chatPage';
import { toTranscriptLines } from '../../src/handoff/toTranscriptLines';
import type { TranscriptEntry } from '../../src/storage/repositories/transcriptRepository';

const RLO = '\u202E';
const at = new Date('2026-12-01T10:00:00Z');

function residentEntry(activity: Record<string, unknown>): TranscriptEntry {
  return { conversationId: 'c-1', activityId: 'a-1', timestamp: at, direction: 'incoming', type: 'message', activity };
}

/**
 * The attacks: a resident's right-to-left override reversed what followed it on the CSA's screen (a file called
 * "invoice\u202Efdp.exe" shown as "invoiceexe.pdf"), and a link the resident sent reached the CSA under the name the
 * resident gave it ("Council refund form" pointing at any site).
 */
describe('a resident spoofing what the CSA sees', () => {
  test('right-to-left overrides and isolates are not passed to the console, on the page or live', () => {
    const [line] = toTranscriptLines([
      residentEntry({ type: 'message', text: `my file is invoice${RLO}fdp.exe \u2067and\u2069 \u202Bmore\u202C` }),
    ]);
    if (!line) throw new Error('no line');
    const page = renderLine(line, at).value;
    expect(page).toContain('invoicefdp.exe');
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // The live stream's lines are set by the console's script, which drops the same characters.
    const script = consoleScript();
    expect(script).toContain('function plain(');
    expect(script).toContain('text.textContent = plain(line.text)');
  });

  test('right-to-left text itself is kept', () => {
    const [line] = toTranscriptLines([residentEntry({ type: 'message', text: 'שלום, أهلا' })]);
    if (!line) throw new Error('no line');
    expect(renderLine(line, at).value).toContain('שלום, أهلا');
  });

  test('an outside link is named by its site, not by the name the resident chose', () => {
    const [line] = toTranscriptLines([
      residentEntry({
        type: 'message',
        text: 'see attached',
        attachments: [
          { contentType: 'application/pdf', contentUrl: 'https://evil.example/pay', name: 'Council refund form' },
          { contentType: 'image/png', contentUrl: '/v3/directline/attachments/c-1/p-1', name: 'bin.png' },
        ],
      }),
    ]);
    expect(line?.attachments.map((attachment) => attachment.name)).toEqual([
      'Link to evil.example, sent by the resident',
      'bin.png',
    ]);
    expect(renderLine(line ?? { id: '', at, from: 'resident', text: '', attachments: [] }, at).value).not.toContain(
      'Council refund form',
    );
  });
});
