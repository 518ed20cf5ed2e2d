/**
 * Stage 3, find metadata: read the whole page as an archivist does and decide
 * every field from all its evidence (page-evidence.ts), each value with the
 * rule and the text it came from; a value that is not certain is named in
 * `needsReview`, never presented as certain.
 *
 * Rules read the page as it was written; a traditional-character text is read
 * through a simplified rendering, while the title is kept as written. Damage
 * done by mirrors is recognised (damage.ts), kept out of every value, and
 * reported in `damage`.
 */
import type { Stripped } from '../strip.ts';
import { decideAgency, officialName } from './agency.ts';
import { describeDamage, type DamageFinding } from './damage.ts';
import { decideDates, findPublished, findSigned } from './dates.ts';
import { classify } from './kind.ts';
import { levelOf } from './level.ts';
import { gatherEvidence } from './page-evidence.ts';
import { decideRegion } from './region.ts';
import { regionForCode } from '../../../src/archive/regions.ts';
import { findRegionMentions } from '../place-names.ts';
import { findTitle, supplyTitle } from './title.ts';
import type { Evidence, Hints, Metadata, ReviewField } from './types.ts';
import { findYear } from './year.ts';

export type { Evidence, Found, Hints, Line, Metadata, ReviewField } from './types.ts';
export { levelOf } from './level.ts';
export { organFromTitle } from './agency.ts';
export { hanYears } from './title.ts';

export interface FindMetadataInput {
  stripped: Stripped;
  /** The same stripped page, simplified, when the text is traditional; else the same object. */
  readable: Stripped;
  hints: Hints;
}

export function findMetadata({ stripped, readable, hints }: FindMetadataInput): Metadata {
  const warnings: string[] = [];
  const evidence: Record<string, Evidence> = {};
  const review = new Set<ReviewField>();
  const ev = gatherEvidence({ stripped, readable, hints });

  // Title.
  const search = findTitle(ev);
  const damage: DamageFinding[] = [...ev.damage];
  if (search.rejected) damage.push(search.rejected);
  const titleFound = search.title;
  if (titleFound) {
    damage.push(...titleFound.repaired);
    evidence.title = { rule: titleFound.rule, from: titleFound.raw };
  }
  const censored = damage.some((d) => d.kind === 'censored');
  // A title whose words a filter deleted (…年度政府建设情况的报告) is not the document's title.
  let title = titleFound && !(censored && !/法治/.test(titleFound.text)) ? titleFound.raw : null;
  if (titleFound && title && titleFound.repaired.length > 0) review.add('title');

  // Year covered and dates.
  const published = findPublished(ev);
  const signed = findSigned(ev);
  const yearFound = findYear(ev, titleFound, published?.date ?? signed?.date ?? null);
  let year = yearFound?.value ?? null;
  if (yearFound) {
    evidence.year = { rule: yearFound.rule, from: yearFound.from };
    if (!yearFound.certain) review.add('year');
  }
  const rewritten = damage.find((d) => d.kind === 'rewritten-years');
  if (rewritten && year !== null) {
    review.add('year');
    warnings.push(`year ${year} not certain: the site rewrote the years (${rewritten.from})`);
  }
  const dates = decideDates(published, signed, year);
  warnings.push(...dates.warnings);
  let date = dates.date;
  let dateSource = dates.dateSource;
  if (date) evidence.date = { rule: dates.rule!, from: dates.from! };
  if (year === null && date) {
    year = Number(date.slice(0, 4)) - 1;
    evidence.year = { rule: 'year before the date (a guess)', from: date };
    review.add('year');
    warnings.push(`year covered not stated; assumed ${year}, the year before the date ${date}`);
  }

  // Agency and region.
  const decision = decideAgency(ev, titleFound);
  const regionResult = decideRegion(decision.organ, ev);
  warnings.push(...regionResult.warnings);
  let region = regionResult.region;
  if (region) evidence.region = { rule: regionResult.rule, from: regionResult.from };
  if (!regionResult.certain) review.add('region');
  const organ = decision.organ;
  const needsPlace = organ !== null && (organ.relative !== null || organ.kind === 'pronoun' || organ.placeless === true);
  // A bare level (我镇 with no township named, 县 with no county found) names no body.
  const bare = organ !== null && organ.kind === 'place' && organ.relative !== null && !region;
  let agency = organ && !bare ? officialName(organ, region) : null;
  if (organ) evidence.agency = { rule: decision.rule, from: decision.from };
  if (!organ || !decision.certain || (needsPlace && !regionResult.certain) || (organ.relative !== null && !region)) review.add('agency');
  for (const note of decision.notes) warnings.push(`agency: ${note}`);

  // Given values win; a disagreement is a warning. A given value is certain.
  if (hints.title) {
    title = given('title', hints.title, title, warnings, evidence);
    review.delete('title');
  }
  if (hints.year) {
    year = given('year', hints.year, year, warnings, evidence);
    review.delete('year');
  }
  if (hints.date) {
    date = given('date', hints.date, date, warnings, evidence);
    dateSource = 'published';
  }
  if (hints.regionCode || hints.region) {
    let givenRegion = (hints.regionCode && regionForCode(hints.regionCode)) || null;
    // A township's code is its county's: the township the body's name gives is found within it.
    if (givenRegion?.kind === 'county' && organ) {
      const town = findRegionMentions(organ.name, { withinCode: givenRegion.code }).flatMap((m) => m.regions).find((r) => r.kind === 'town' && r.code === givenRegion!.code);
      if (town) givenRegion = town;
    }
    if (givenRegion) {
      // A township the text names within the given county stays: the given code confirms it.
      const within = region !== null && region.code === givenRegion.code && region.kind === 'town' && givenRegion.kind === 'county';
      if (region && !within && region.code !== givenRegion.code) {
        warnings.push(`region: given ${givenRegion.path} (${givenRegion.code}), the text suggests ${region.path} (${region.code})`);
      }
      if (!within) region = givenRegion;
      evidence.region = { rule: 'given', from: (region ?? givenRegion).path };
      review.delete('region');
      if (organ && needsPlace && decision.certain) review.delete('agency');
    }
  }
  if (hints.agency) {
    agency = given('agency', hints.agency, agency, warnings, evidence);
    review.delete('agency');
  } else if (organ && region && !bare) agency = officialName(organ, region);

  const level = hints.level ?? (agency ? levelOf(agency, region) : null);
  if (level) evidence.level = { rule: hints.level ? 'given' : 'agency name and region kind', from: agency ?? '' };
  if (!hints.level && (review.has('agency') || review.has('region') || !level)) review.add('level');

  const kind = classify({ ev, title: titleFound, headline: search.headline, year, censored });

  // No title on the page: devise one from the agency and year, marked as supplied.
  let titleSupplied = false;
  if (!title && agency && !review.has('agency') && year !== null && !hints.title) {
    title = supplyTitle(agency, year);
    titleSupplied = true;
    evidence.title = { rule: 'supplied from the agency and year (the page shows no title)', from: title };
    if (review.has('year')) review.add('title');
    warnings.push(`no title on the page; supplied ${title} from the agency and year`);
  }
  if (!title) {
    review.add('title');
    warnings.push(
      ev.salutation
        ? `no title: the page opens with a salutation (${ev.salutation.line}) and names no title; give one in a manifest`
        : 'no title found; give one in a manifest',
    );
  }

  const damageLines = dedupe(damage.map(describeDamage));
  for (const line of damageLines) warnings.push(`damaged text: ${line}`);
  if (!agency) warnings.push('agency not found: the page names no reporting body; give one in a manifest');
  else if (review.has('agency')) warnings.push(`agency not certain: ${agency} (${decision.rule}); confirm it in a manifest`);
  if (!region && !regionResult.warnings.length) warnings.push('region not found: no place name in the title, page or text; give regionCode in a manifest or pass --url');
  else if (region && review.has('region')) warnings.push(`region not certain: ${region.path} (${regionResult.rule}); confirm regionCode in a manifest or pass --url`);
  if (year === null) {
    review.add('year');
    warnings.push('year covered not found');
  } else if (review.has('year') && yearFound && !rewritten) warnings.push(`year not certain: ${year} (${evidence.year.rule})`);
  if (!date) warnings.push('date not found: no publication date on the page and no signing date at the end');
  if (!level && agency) warnings.push('level not found');

  const order: ReviewField[] = ['title', 'agency', 'region', 'level', 'year', 'date'];
  return {
    isReport: kind.isReport,
    notReportReason: kind.reason,
    title,
    titleSupplied,
    agency,
    region: region?.path ?? null,
    regionCode: region?.code ?? null,
    level,
    year,
    date,
    dateSource,
    signedDate: dates.signedDate,
    docNumber: ev.labels.docNumber ?? null,
    indexNumber: ev.labels.indexNumber ?? null,
    publisher: ev.publisher,
    source: hints.url ?? ev.meta.Url ?? null,
    needsReview: order.filter((f) => review.has(f)),
    candidates: review.has('region') && regionResult.candidates ? { region: regionResult.candidates.map((r) => `${r.path} ${r.code}`) } : {},
    damage: damageLines,
    evidence,
    warnings,
  };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

function given<T>(field: string, value: T, found: T | null, warnings: string[], evidence: Record<string, Evidence>): T {
  if (found !== null && found !== undefined && String(found) !== String(value)) {
    warnings.push(`${field}: given ${value}, the text says ${found}`);
  }
  evidence[field] = { rule: 'given', from: String(value) };
  return value;
}
