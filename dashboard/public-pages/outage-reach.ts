// What an outage reaches, in the words of a row of the live pages: its county and first
// transformer areas for the row's heading, and the places it affects (or its further areas when
// no place is known). Plain text; the pages escape it.

import type { PublicOutage } from '../../analytics/public/index.js';
import { type Lang, WORDS } from './i18n.js';
import { someOf } from './wording.js';

const AREAS_SHOWN = 3;
const PLACES_SHOWN = 8;

const listSeparator = (lang: Lang) => (lang === 'zh' ? '、' : ', ');

/** Names of the areas an outage reaches, for a row's heading: county · first areas, and more. */
export function reachHeading(o: PublicOutage, lang: Lang): string {
  const { shown, more } = someOf(o.areas, AREAS_SHOWN);
  const areas =
    shown.length > 0
      ? ` · ${shown.join(listSeparator(lang))}${more > 0 ? ` ${WORDS[lang].areasMore(more)}` : ''}`
      : '';
  return `${o.county ?? ''}${areas}`;
}

/** The places an outage reaches, or its further areas when no place is known. */
export function reachPlaces(o: PublicOutage, lang: Lang): string {
  const sep = listSeparator(lang);
  if (o.places.length > 0) {
    const { shown, more } = someOf(o.places, PLACES_SHOWN);
    return `${shown.join(sep)}${more > 0 ? ` ${WORDS[lang].placesMore(more)}` : ''}`;
  }
  return o.areas.length > AREAS_SHOWN ? o.areas.join(sep) : '';
}
