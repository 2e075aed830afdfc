import MarkdownIt from 'markdown-it';
import { SafeHtml, withoutBidiControls } from '../../web/html/html';

/**
 * The same renderer Web Chat uses (markdown-it), set so that nothing but markdown becomes markup: raw HTML in a
 * message is shown as text, and only web, mail and phone links are links. Links open in a new tab.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
markdown.validateLink = (url) => /^(?:https?:|mailto:|tel:)/i.test(url.trim());
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  if (token) {
    token.attrSet('class', 'govuk-link');
    token.attrSet('rel', 'noreferrer noopener');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, index, options, env, self);
};

/**
 * A bot message as the resident saw it in Web Chat: bold, lists and links rendered, everything else escaped. Only
 * for the bot's own messages: residents' and CSAs' words are shown exactly as typed.
 */
export function renderBotMarkdown(text: string): SafeHtml {
  return new SafeHtml(markdown.render(withoutBidiControls(text)));
}
