/**
 * The administrative level of the reporting body, from its name and its
 * region's kind: a government (or a joint 党委 + 政府 report) is at its
 * region's level, so a county-level city (句容市, 高平市) is 县区, not 市;
 * a 街道办事处 or a 乡镇's government is 乡镇街道 even when only its county is
 * known; any other body is a 部门; a 国务院 department is 中央部委.
 */
import type { Level } from '../../../src/schema/report.ts';
import type { Region } from '../../../src/archive/regions.ts';
import { CENTRAL } from '../../../src/archive/regions.ts';

export function levelOf(agency: string, region: Region | null): Level | null {
  if (region?.code === CENTRAL.code) return '中央部委';
  const last = agency.split('、').pop() ?? agency;
  if (/(街道办事处|街道|(镇|乡|苏木)(人民政府|政府))$/.test(last)) return '乡镇街道';
  if (!region) return null;
  const isGovernment = /(人民政府|政府)$/.test(last);
  if (!isGovernment) return '部门';
  switch (region.kind) {
    case 'province':
      return '省';
    case 'city':
      return '市';
    case 'county':
      return '县区';
    case 'town':
      return '乡镇街道';
  }
}
