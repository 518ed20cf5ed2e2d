/** What the search page says, as text: the result count, and advice when nothing matches. */
import type { Outcome } from '../engine.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, type ParsedQuery, type Term } from '../query.ts';

export const quoted = (term: Term) => `“${term.raw}”`;
export const joinTerms = (terms: Term[]) => terms.map(quoted).join('和');
/** `包含“法治”`, or `同时包含“法治”和“政府”`. */
export const contains = (terms: Term[]) => `${terms.length > 1 ? '同时' : ''}包含${joinTerms(terms)}`;

/** The status line: how many reports contain the terms, and with filters how many pass them. */
export function announce(outcome: Outcome | undefined, terms: Term[], ignored: string[], shown: number, filtered: boolean): string {
  const total = outcome?.hits.length ?? 0;
  const what = contains(terms);
  const ignoredNote = ignored.length > 0 ? `（已忽略：${ignored.join(' ')}）` : '';
  if (shown === 0 && total === 0) return `没有报告${what}${ignoredNote}`;
  if (filtered) return `${total} 份报告${what}，符合筛选条件的 ${shown} 份${ignoredNote}`;
  return `找到 ${shown} 份报告${what}${ignoredNote}`;
}

/** Why nothing matched, when no filter hides the results: which word occurs nowhere, or that they never occur together. */
export function whyNothing(outcome: Outcome, terms: Term[]): string | undefined {
  const missing = terms.filter((_, index) => outcome.indexCounts[index] === 0);
  if (terms.length > 1 && missing.length > 0) return `其中${joinTerms(missing)}在所有报告中都没有出现。`;
  if (terms.length > 1) return '每个词都有报告包含，但没有一份报告同时包含全部词语。';
  return undefined;
}

/** What to try instead, when nothing matched. */
export function advice(terms: Term[]): string[] {
  const tips: string[] = [];
  if (terms.length > 1) tips.push('减少词语，或删去没有结果的词。');
  if (terms.some((term) => term.length > 4)) {
    tips.push('搜索按原文逐字匹配：把长词拆成用空格分隔的几个短词（如“法治 政府 建设”），它们可以出现在报告的不同位置。');
  }
  if (terms.some((term) => term.phrase)) tips.push('引号中的短语须原样连续出现，可去掉引号改为几个词。');
  tips.push('检查错别字，或换一个说法（如“复议”代替“行政复议案件”）。');
  return tips;
}

/** Why a query is not searched, and what to do. */
export function refusedQuery(refused: NonNullable<ParsedQuery['refused']>): string {
  return refused.reason === 'length'
    ? `搜索词过长（${refused.count} 个字），最多 ${MAX_QUERY_CHARS} 个字。请缩短后再搜索，例如只保留最关键的几个词。`
    : `搜索词过多（${refused.count} 个），最多 ${MAX_TERMS} 个。请减少用空格分开的词语后再搜索。`;
}

/**
 * What went wrong, said as it is: the network only when the network failed
 * (fetch rejects with a TypeError), the server when it answered with an
 * error status, a damaged index when a file does not parse, else a fault.
 */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = /: HTTP (\d{3})$/.exec(message)?.[1];
  if (status) return `搜索索引文件未能加载（服务器返回 ${status}）。请稍后刷新页面重试；如果问题仍在，请告知网站管理员。`;
  if (error instanceof TypeError && /fetch|network|load/i.test(message)) return '搜索索引未能下载：网络连接中断或网站暂时无法访问。请检查网络后刷新页面重试。';
  if (error instanceof SyntaxError) return '搜索索引文件已损坏或与本页面的版本不一致。请刷新页面重试；如果问题仍在，请告知网站管理员。';
  return '搜索时出现内部错误，未能完成。请刷新页面重试；如果问题仍在，请告知网站管理员。';
}
