/** What the search page says, as text: the result count, the pending note, and advice when nothing matches. */
import type { Outcome } from '../engine.ts';
import type { Term } from '../query.ts';

export const quoted = (term: Term) => `“${term.raw}”`;
export const joinTerms = (terms: Term[]) => terms.map(quoted).join('和');
/** `包含“法治”`, or `同时包含“法治”和“政府”`. */
export const contains = (terms: Term[]) => `${terms.length > 1 ? '同时' : ''}包含${joinTerms(terms)}`;

/** The status line: how many reports contain the terms, with filters and pending candidates. */
export function announce(outcome: Outcome | undefined, terms: Term[], ignored: string[], shown: number, filtered: boolean): string {
  const total = outcome?.hits.length ?? 0;
  const what = contains(terms);
  const ignoredNote = ignored.length > 0 ? `（已忽略：${ignored.join(' ')}）` : '';
  const pending = outcome?.pending.size ?? 0;
  const rest = pending > 0 ? `；另有 ${pending} 份可能包含，尚未核对原文` : '';
  if (shown === 0 && total === 0) return pending > 0 ? `已核对的报告中没有${what}${rest}${ignoredNote}` : `没有报告${what}${ignoredNote}`;
  if (filtered) return `${total} 份报告${what}，符合筛选条件的 ${shown} 份${rest}${ignoredNote}`;
  return `找到 ${shown} 份报告${what}${rest}${ignoredNote}`;
}

/** The note on candidates not yet checked against their texts. */
export function pendingNote(outcome: Outcome, terms: Term[]): string {
  const pending = outcome.pending.size;
  return `为节省流量，已核对 ${outcome.checked} 份候选报告的原文；另有 ${pending} 份报告可能包含${joinTerms(terms.filter((_, index) => !outcome.exactCounts[index]))}，尚未核对，未列入结果。`;
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
