// Derives an article's town, county and industry from its title and text, using the gazetteer.
import type { Gazetteer } from './gazetteer.js';

/** The title's lead before "：" (or ":"); the whole title when it has none. */
export function titleLead(title: string): string {
  return title.split(/[：:]/)[0]!.trim();
}

/** The county (short form) a text names first, by full or short name; "" when none. */
export function findCounty(text: string, gazetteer: Gazetteer): string {
  let best = { at: Infinity, short: '' };
  for (const c of gazetteer.counties) {
    for (const name of [c.name, c.short]) {
      const at = text.indexOf(name);
      if (at >= 0 && at < best.at) best = { at, short: c.short };
    }
  }
  return best.short;
}

/** Town, county and industry of an article: county from the title's lead, else from the body. */
export function deriveTownMeta(
  title: string,
  body: string,
  gazetteer: Gazetteer,
): { town: string; county: string; industry: string } {
  const town = titleLead(title);
  const county = findCounty(town, gazetteer) || findCounty(body, gazetteer);
  const industry = county && town.startsWith(county) ? town.slice(county.length) : town;
  return { town, county, industry };
}
