import { renderBotMarkdown } from '../../src/console/views/botMarkdown';

describe("rendering the bot's markdown for CSAs", () => {
  test('bold, links and lists become markup; links open in a new tab', () => {
    const out = renderBotMarkdown(
      '**Pay online:** [Pay your council tax](https://www.eastmere.example/pay)\n\n- one\n- two',
    ).value;
    expect(out).toContain('<strong>Pay online:</strong>');
    expect(out).toContain(
      '<a href="https://www.eastmere.example/pay" class="govuk-link" rel="noreferrer noopener" target="_blank">Pay your council tax</a>',
    );
    expect(out).toContain('<li>one</li>');
  });

  test('markup in a message is shown as text, and only web, mail and phone links are links', () => {
    const out = renderBotMarkdown(
      '<img src=x onerror=alert(1)> [click](javascript:alert(1)) [call](tel:01632960000)',
    ).value;
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img');
    expect(out).not.toMatch(/href="javascript/);
    expect(out).toContain('href="tel:01632960000"');
  });
});

test('direction overrides in a bot message are dropped, as everywhere in the console', () => {
  expect(renderBotMarkdown('Reference \u202eSR-1234\u202c').value).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
});
