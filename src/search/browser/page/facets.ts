/** The filters of the search page: one fieldset a facet, values with counts, 显示全部 / 收起, and 清除全部筛选. */
import { FACETS, type FacetField } from '../../filters.ts';
import type { FacetValue } from '../state.ts';
import { element } from './dom.ts';

/** Facet values shown before 显示全部. */
const FACET_VALUES_SHOWN = 8;

export interface FacetHandlers {
  /** A value was ticked or unticked; `focusId` is the checkbox to keep focus on. */
  toggle: (key: FacetField, value: string, on: boolean, focusId: string) => void;
  /** 显示全部 or 收起 was pressed. */
  expand: (key: FacetField) => void;
  /** 清除全部筛选 was pressed (offered only when `filtered`). */
  clear: () => void;
}

/** The fieldsets for `counts`, facets in `expanded` showing every value. */
export function facetGroups(counts: Record<FacetField, FacetValue[]>, expanded: ReadonlySet<FacetField>, filtered: boolean, handlers: FacetHandlers): HTMLElement[] {
  const groups: HTMLElement[] = [];
  for (const { key, label } of FACETS) {
    const values = counts[key];
    if (values.length === 0) continue;
    const open = expanded.has(key);
    const visible = open ? values : values.filter((value, index) => index < FACET_VALUES_SHOWN || value.selected);
    const fieldset = element('fieldset', { class: 'search-facet', 'data-facet': key }, element('legend', {}, label));
    const options = element('ul', {});
    for (const value of visible) {
      const id = `facet-${key}-${value.value}`;
      const box = element('input', { type: 'checkbox', id, name: key, value: value.value });
      box.checked = value.selected;
      box.addEventListener('change', () => handlers.toggle(key, value.value, box.checked, id));
      options.append(element('li', {}, box, element('label', { for: id }, value.value, element('span', { class: 'count' }, ` (${value.count})`))));
    }
    fieldset.append(options);
    if (visible.length < values.length || open) {
      const toggleAll = element('button', { type: 'button', class: 'link-button', 'aria-expanded': String(open) }, open ? '收起' : `显示全部 ${values.length} 项`);
      toggleAll.addEventListener('click', () => handlers.expand(key));
      fieldset.append(toggleAll);
    }
    groups.push(fieldset);
  }
  if (filtered) {
    const clear = element('button', { type: 'button', class: 'link-button' }, '清除全部筛选');
    clear.addEventListener('click', handlers.clear);
    groups.push(element('p', {}, clear));
  }
  return groups;
}
