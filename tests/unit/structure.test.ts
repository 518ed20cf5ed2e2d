import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, marker, structure } from '../../scripts/ingest/structure.ts';
import { toMarkdown } from '../../scripts/ingest/write.ts';

const md = (lines: string[]) => toMarkdown(structure(lines).tree);

describe('structure: headings follow the official numbering', () => {
  it('should map 一、 / （一） / 1、 / （1） to ## / ### / #### / #####', () => {
    const out = md(['一、主要举措和成效', '（一）深入学习贯彻习近平法治思想', '1、加强组织领导', '（1）制定工作要点', '正文。']);
    expect(out).toBe('## 一、主要举措和成效\n\n### （一）深入学习贯彻习近平法治思想\n\n#### 1、加强组织领导\n\n##### （1）制定工作要点\n\n正文。\n');
  });

  it('should accept ASCII brackets and 1. numbering', () => {
    const { sections } = structure(['二、存在的不足', '(三)政府职能进一步优化', '2.统筹推进法治政府建设']);
    expect(sections.map((s) => s.depth)).toEqual([2, 3, 4]);
  });

  it('should split a run-in heading into a heading and its paragraph without losing a character', () => {
    const line = '1、加快推进行政审批制度改革。加大简政放权力度，全面普及行政审批服务“马上办、网上办”。';
    const { tree, sections } = structure([line]);
    expect(sections).toEqual([{ depth: 4, text: '1、加快推进行政审批制度改革。' }]);
    const texts = tree.children.map((n) => ('children' in n ? (n.children[0] as { value: string }).value : ''));
    expect(texts.join('')).toBe(line);
  });

  it('should keep 一是/二是 inside their paragraph', () => {
    const { sections, tree } = structure(['一是制定理论学习中心组学习计划，将习近平法治思想作为学习重点。二是建立学法机制。']);
    expect(sections).toEqual([]);
    expect(tree.children).toHaveLength(1);
  });

  it('should read a number missing its 、 as a heading only when it continues the sequence', () => {
    const { sections, warnings } = structure(['1、抓实法治教育', '正文。', '2落实普法责任制', '正文。']);
    expect(sections.map((s) => s.text)).toEqual(['1、抓实法治教育', '2落实普法责任制']);
    expect(warnings.join()).toMatch(/lacks the 、/);
    expect(structure(['2023年全区共办理案件100件。']).sections).toEqual([]);
  });

  it('should not read a date such as 3.19 or a year as a heading', () => {
    expect(marker('3.19宣传日活动。')).toBeNull();
    expect(marker('2023年，我局…')).toBeNull();
  });

  it('should join a line broken in the middle of a sentence', () => {
    const first = '以推进服务型行政执法建设为重点，不断加强制度建设，切实提高广 ';
    const { tree } = structure([first, '', '大干部员工的法律素质，全面推进工作。']);
    expect(tree.children).toHaveLength(1);
    expect(toMarkdown(tree)).toBe('以推进服务型行政执法建设为重点，不断加强制度建设，切实提高广大干部员工的法律素质，全面推进工作。\n');
  });

  it('should tolerate NBSP and ideographic-space indentation (trimmed by strip)', () => {
    expect(marker('一、工作推进情况')).not.toBeNull();
  });

  it('should escape text that looks like Markdown or HTML', () => {
    const out = md(['<script>alert(1)</script> 与 *强调* 和 {props}']);
    expect(out).not.toMatch(/^<script>/);
    expect(out).toContain('\\*强调');
  });
});

describe('fullWidthPunctuation', () => {
  it('should restore full-width punctuation between Chinese characters (GB/T 15834)', () => {
    expect(fullWidthPunctuation('2018年,在市委、市政府的领导下,推进工作;成效明显')).toBe('2018年，在市委、市政府的领导下，推进工作；成效明显');
    expect(fullWidthPunctuation('《方案》,逐一落实')).toBe('《方案》，逐一落实');
  });

  it('should leave punctuation between digits or Latin letters alone', () => {
    expect(fullWidthPunctuation('共计1,200件,ICP:12345')).toBe('共计1,200件,ICP:12345');
    expect(fullWidthPunctuation('《纲要(2015-2020)》')).toBe('《纲要(2015-2020)》');
    expect(fullWidthPunctuation('(一)健全机制')).toBe('（一）健全机制');
  });
});
