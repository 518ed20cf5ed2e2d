/**
 * The site's columns (栏目) as the 政府网站发展指引 describes a page: list and
 * column pages carry `<meta name="ColumnName">` and `<meta name="ColumnType">`,
 * report pages their column's too, and the 当前位置 trail names them. One
 * place, so every page names its column the same way.
 */

/**
 * What kind of column it is. Reports and the lists of them are 信息公开 (the
 * annual reports are information published by law); the catalogue downloads
 * 数据开放; the search page 站内搜索; the pages about the site 网站说明.
 */
export type ColumnType = '信息公开' | '数据开放' | '站内搜索' | '网站说明';

export interface Column {
  /** ColumnName: the column as a visitor sees it named. */
  name: string;
  /** ColumnType. */
  type: ColumnType;
}

export const column = (name: string, type: ColumnType = '信息公开'): Column => ({ name, type });

/** The top-level columns, by the path of their index page. */
export const COLUMNS = {
  reports: { ...column('全部报告'), path: 'reports/' },
  years: { ...column('按年度浏览'), path: 'years/' },
  regions: { ...column('按地区浏览'), path: 'regions/' },
  agencies: { ...column('机构名录'), path: 'agencies/' },
  levels: { ...column('按层级浏览'), path: 'levels/' },
  data: { ...column('数据下载', '数据开放'), path: 'data/' },
  search: { ...column('全文搜索', '站内搜索'), path: 'search/' },
} as const;

/** The column of one year's reports (`years/2018/`, `reports/2018/`), which is also the column of each report of that year. */
export const yearColumn = (year: number) => column(`${year}年度报告`);
