/**
 * The site's header, one piece for every page: the demo notice, the brand, the link to the page in
 * the other language, and the menu with the page's own item marked. A page writes `{{header}}`
 * where the header goes; loadPages (pages.mjs) puts it in once, from what the page already says:
 * its language (`<html lang>`), its path (its file name) and its other language's page (its
 * `<link rel="alternate" hreflang>`; `{{query}}` keeps `?layanan=…` across the switch). A page
 * without such a link (the 404 page) gets no language link.
 */
const SITES = {
  id: {
    note: 'Situs contoh untuk mencoba Loket. Bukan situs resmi Pemerintah Kota Surabaya.',
    home: '/',
    name: 'Portal Layanan Publik',
    region: 'Pemerintah Kota Surabaya',
    language: 'English',
    menu: 'Menu utama',
    items: [
      ['/', 'Cari layanan'],
      ['/lacak.html', 'Lacak permohonan'],
      ['/antrean.html', 'Ambil antrean'],
      ['/#mpp', 'Mal Pelayanan Publik'],
      ['/pengaduan.html', 'Pengaduan'],
    ],
  },
  en: {
    note: 'A demo site for trying Loket. Not an official website of the City of Surabaya.',
    home: '/en.html',
    name: 'Public Services Portal',
    region: 'City of Surabaya',
    language: 'Bahasa Indonesia',
    menu: 'Main menu',
    items: [
      ['/en.html', 'Find a service'],
      ['/track.html', 'Track an application'],
      ['/visit.html', 'Book a visit'],
      ['/en.html#mpp', 'Public service mall'],
      ['/complaints.html', 'Complaints'],
    ],
  },
};

/**
 * `template` with its `{{header}}` filled in for the page `name` (`index.html` is `/`).
 *
 * @param {string} template
 * @param {string} name
 */
export function withHeader(template, name) {
  if (!template.includes('{{header}}')) return template;
  const lang = /<html lang="(id|en)">/.exec(template)?.[1] === 'en' ? 'en' : 'id';
  const other = lang === 'en' ? 'id' : 'en';
  const site = SITES[lang];
  const path = name === 'index.html' ? '/' : `/${name}`;
  const alternate = new RegExp(
    `<link rel="alternate" hreflang="${other}" href="\\{\\{origin\\}\\}([^"{]+)`,
  ).exec(template)?.[1];
  const items = site.items
    .map(
      ([href, text]) =>
        `        <li><a href="${href}"${href === path ? ' aria-current="page"' : ''}>${text}</a></li>`,
    )
    .join('\n');
  const header = `<header class="site-header">
    <p class="demo-note">${site.note}</p>
    <div class="wrap header-inner">
      <a class="brand" href="${site.home}">
        <img class="brand-logo" src="/assets/logo.svg" alt="" width="48" height="48">
        <span class="brand-text">
          <span class="brand-name">${site.name}</span>
          <span class="brand-region">${site.region}</span>
        </span>
      </a>${
        alternate
          ? `\n      <a class="lang-link" href="${alternate}{{query}}" hreflang="${other}" lang="${other}">${site.language}</a>`
          : ''
      }
    </div>
    <nav class="site-nav" aria-label="${site.menu}">
      <ul class="wrap nav-list">
${items}
      </ul>
    </nav>
  </header>`;
  return template.replace('{{header}}', header);
}
