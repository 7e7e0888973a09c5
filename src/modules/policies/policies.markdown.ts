import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const safeHref = (href: string) => /^(https?:\/\/|mailto:|\/(?!\/))/i.test(href.trim());
const headingSizes = ['', 'govuk-heading-l', 'govuk-heading-m', 'govuk-heading-s', 'govuk-heading-s', 'govuk-heading-s', 'govuk-heading-s'];

/**
 * Markdown as a policy page: GOV.UK typography, headings one level below the page's own h1,
 * and no raw HTML at all — HTML written in a policy is shown as text, links go only to web
 * addresses, and images are reduced to their description.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return 'block' in token && token.block ? `<p class="govuk-body">${escapeHtml(token.text)}</p>\n` : escapeHtml(token.text);
    },
    // renderPolicyMarkdown has already moved each heading's depth to follow the page's h1.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth, 6);
      return `<h${level} class="${headingSizes[level - 1] || 'govuk-heading-s'}">${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p class="govuk-body">${this.parser.parseInline(tokens)}</p>\n`;
    },
    list(token: Tokens.List) {
      const items = token.items.map((item) => this.listitem(item)).join('');
      return token.ordered
        ? `<ol class="govuk-list govuk-list--number"${typeof token.start === 'number' && token.start !== 1 ? ` start="${token.start}"` : ''}>${items}</ol>\n`
        : `<ul class="govuk-list govuk-list--bullet">${items}</ul>\n`;
    },
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      return safeHref(href) ? `<a class="govuk-link" href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
    table(token: Tokens.Table) {
      const cell = (c: Tokens.TableCell, header: boolean) =>
        header
          ? `<th scope="col" class="govuk-table__header">${this.parser.parseInline(c.tokens)}</th>`
          : `<td class="govuk-table__cell">${this.parser.parseInline(c.tokens)}</td>`;
      const head = `<thead class="govuk-table__head"><tr class="govuk-table__row">${token.header.map((c) => cell(c, true)).join('')}</tr></thead>`;
      const body = token.rows.map((row) => `<tr class="govuk-table__row">${row.map((c) => cell(c, false)).join('')}</tr>`).join('');
      return `<table class="govuk-table">${head}<tbody class="govuk-table__body">${body}</tbody></table>\n`;
    },
  },
});

/**
 * A text's headings follow the page's h1 without a gap (WCAG heading order): the shallowest
 * heading becomes h2 whatever its #s, so a text whose top headings are "##" (an agreement the
 * head wrote) renders them as h2, as "#" would be. The text is read once; the depths are moved
 * on its tokens, so nothing is shared between two renderings.
 */
export function renderPolicyMarkdown(markdown: string): string {
  const tokens = marked.lexer(markdown);
  const depths = tokens.flatMap((token) => (token.type === 'heading' ? [(token as Tokens.Heading).depth] : []));
  const top = depths.length ? Math.min(...depths) : 1;
  void marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') (token as Tokens.Heading).depth += 2 - top;
  });
  return marked.parser(tokens);
}
