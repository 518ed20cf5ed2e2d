/** Dates as the archive keeps them (YYYY-MM-DD) and as its pages show them (2019年1月30日). */

/** `2019-01-30` → `2019年1月30日`; anything else is returned as it is. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}
