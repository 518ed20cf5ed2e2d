/**
 * The labels report pages put before metadata, in one place: the labelled
 * lines of a page header (发布时间：…, 来源：…) and the metadata table of a
 * 政府信息公开 detail page (索引号, 发布机构, 发文字号, 成文日期, …).
 */

/**
 * Labels of a page's metadata block (发布时间, 来源, 索引号, …) as one regex
 * alternation, longer labels first, so that 发布日期 is tried before 日期.
 */
export const META_LABELS = [
  '发布时间', '发布日期', '更新时间', '成文日期', '发文日期', '信息来源', '文章来源', '稿件来源', '发布机构', '发文字号',
  '主题分类', '所属类目', '公开类别', '机构名称', '浏览次数', '索引号', '有效性', '点击数', '体\\s*裁',
  '来源', '文号', '作者', '编辑', '日期', '时间', '發布', '來源',
].join('|');

/** A line that carries a metadata label. */
export const META_LABEL = new RegExp(`(${META_LABELS})\\s*[:：\\]]`);

/** Labels of the metadata table on 政府信息公开 detail pages. */
export const XXGK_LABELS = [
  '索引号', '主题分类', '发布机构', '发文机关', '发文机构', '发文字号', '文号', '成文日期', '发文日期', '发布日期',
  '公开日期', '生效日期', '废止日期', '有效性', '公开方式', '公开范围', '公开类别', '信息来源', '所属机构', '机构名称',
  '体裁分类', '主题词', '名称', '标题', '文件编号',
];
