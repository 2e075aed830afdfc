import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { html, join } from './html/html';
import { renderSitePage } from './sitePage';

const SERVICES: ReadonlyArray<[string, string]> = [
  ['Bins and recycling', 'Collection days, missed bins, new bins, garden waste'],
  ['Council tax', 'Pay, check your band, discounts and support'],
  ['Housing', 'Housing advice, the housing register, renting privately'],
  ['Planning and building', 'Search applications, do you need permission'],
  ['Parking', 'Permits, penalty charge notices, car parks'],
  ['Report a problem', 'Fly-tipping, graffiti, abandoned vehicles, noise'],
];

/**
 * A demonstration council home page with the chat embedded exactly as a council website would embed it: one
 * script tag. Built to WCAG 2.2 AA: skip link, landmarks, one h1, visible focus, sufficient contrast.
 */
export function renderDemoPage(profile: CouncilProfile, hoursText: string): string {
  const services = SERVICES.map(
    ([title, text]) =>
      html`<li class="card">
        <h3><a href="#${slug(title)}">${title}</a></h3>
        <p>${text}</p>
      </li>`,
  );
  return renderSitePage(profile, {
    main: html`<h1>Welcome to ${profile.name}</h1>
      <p class="lead">
        Find information and report problems online, any time. Our online assistant can answer questions and take
        reports day and night: choose <strong>Chat with us</strong> at the bottom of the page.
      </p>
      <section aria-labelledby="popular">
        <h2 id="popular">Popular services</h2>
        <ul class="cards">
          ${join(services, '\n          ')}
        </ul>
      </section>
      <section id="contact" aria-labelledby="contact-heading">
        <h2 id="contact-heading">Contact us</h2>
        <p>Phone <a href="tel:${profile.phone.replace(/\s/g, '')}">${profile.phone}</a>, ${hoursText}.</p>
        <p>Email <a href="mailto:${profile.email}">${profile.email}</a></p>
        <p>${profile.address.join(', ')}</p>
      </section>`,
  });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The demo page's styles: GOV.UK-like type and colours, all text at least 4.5:1 against its background. */
export const DEMO_STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.1875rem/1.5 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:anywhere}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
a{color:#1d70b8}a:visited{color:#4c2c92}
a:focus,button:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c}
.skip-link:focus{left:0;z-index:10}
.masthead{background:#1d5c4d;color:#fff;padding:.75rem 0;border-bottom:.5rem solid #0e3b31}
.masthead .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem}
.brand{font-weight:700;font-size:1.5rem;margin:0}
.masthead ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.masthead a{color:#fff;font-weight:600}
.masthead a:focus{color:#0b0c0c}
main{padding:2rem 1rem 4rem}
h1{font-size:2.25rem;line-height:1.15;margin:0 0 1rem}
.lead{font-size:1.3rem}
.notice{border-left:.5rem solid #1d70b8;background:#f3f2f1;padding:.75rem 1rem}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(16rem,100%),1fr));gap:1rem}
.card{border:1px solid #b1b4b6;border-top:.3rem solid #1d5c4d;padding:1rem}
.card h3{margin:0 0 .5rem;font-size:1.2rem}
.card p{margin:0;color:#505a5f}
.footer{background:#f3f2f1;border-top:1px solid #b1b4b6;padding:1.5rem 0 5rem;font-size:1rem}
.brand a{color:#fff;text-decoration:none}
.brand a:focus{color:#0b0c0c}
.updated{color:#505a5f}
.figures{margin:2.5rem 0}
.figures h2{font-size:1.6rem;margin:0 0 .5rem}
.standard{font-weight:600;margin:0 0 .5rem}
.figures-chart{display:block;width:100%;max-width:45rem;height:auto;margin:1rem 0}
.table-scroll{overflow-x:auto;margin:1rem 0}
.table-scroll:focus{outline:3px solid #ffdd00;box-shadow:inset 0 0 0 4px #0b0c0c}
table{border-collapse:collapse;width:100%;font-size:1rem}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{border-bottom:1px solid #b1b4b6;padding:.5rem 1rem .5rem 0;text-align:left;vertical-align:top}
td,th.number{text-align:right}
details{margin:1rem 0}
summary{color:#1d70b8;cursor:pointer;text-decoration:underline}
summary:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c}
`;
