/*
 * Pathways: accessibility repairs to the Camunda Tasklist, as far as its configuration allows (loaded by
 * customScripts in config.js beside this file; docs/accessibility.md). The Tasklist is an AngularJS app that renders
 * and re-renders its views, so a MutationObserver repairs every element as it appears or changes:
 *
 * - icon-only buttons and links get an accessible name (aria-label): the region toggles, "maximize", the saved
 *   searches menu, a filter's details, the sorting controls, a task's "show more" and process-instance links, unclaim
 *   and reset due date, an inline field's apply and cancel, the diagram's drill-down. Where the Tasklist has a
 *   tooltip (on the element, inside it or around it) that is the name;
 * - the search box's typeahead is declared a combobox: aria-expanded (set by the typeahead) is not allowed on a plain
 *   text input, it is on a combobox, whose list (of suggestions, so named) it owns and controls;
 * - a filter's colour (Tasklist filter property "color", used for the filter's name) is darkened until its text has a
 *   contrast of 4.5:1 on white, keeping its hue;
 * - in the filter dialog, labels reach their fields, unlabelled fields are named (criterion key and value), and the
 *   accordion loses tab roles it misuses; the search suggestions lose the nested, unfocusable links inside their
 *   options; the date picker's title gets its heading level; the notifications become a live region (role=status).
 *
 * Nothing here changes what a control does; an aria-label the Tasklist sets itself is left alone (ours are marked
 * data-pw-a11y). The module exports no plugin.
 */
const NAMES = [
  ['button.region-toggle[data-region="filters"]', () => 'Hide or show the filters'],
  ['button.region-toggle[data-region="list"]', () => 'Hide or show the task list'],
  ['button.region-toggle[data-region="task"]', () => 'Hide or show the task'],
  ['button.maximize', () => 'Enlarge or restore the task'],
  ['.search-container button.dropdown-toggle, [cam-widget-search] button.dropdown-toggle', () => 'Saved searches'],
  ['.task-filter .actions a', (el) => {
    const name = el.closest('.task-filter')?.querySelector('.name a')?.textContent.trim();
    return (tooltip(el) || 'Filter details') + (name ? ': ' + name : '');
  }],
  ['a.sort-direction', (el) => 'Sort order: '
      + (tooltip(el) || (el.classList.contains('glyphicon-menu-up') ? 'ascending' : 'descending'))],
  ['.new-sort > a.dropdown-toggle', (el) => tooltip(el) || 'Add sorting'],
  ['.shutter a', (el) => tooltip(el) || 'Show more or less'],
  ['a.instance-link', (el) => tooltip(el) || 'Open the process instance'],
  ['button.unclaim', (el) => tooltip(el) || 'Unclaim'],
  ['a.reset-due-date', (el) => tooltip(el) || 'Reset due date'],
  ['a.reset-follow-up-date', (el) => tooltip(el) || 'Reset follow-up date'],
  ['button.bjs-drilldown', () => 'Open the sub-process'],
  ['button[ng-click^="applyChange"]', () => 'Apply'],
  ['button[ng-click^="cancelChange"]', () => 'Cancel']
];

/** The Tasklist's tooltip for an element: its own, a descendant's, or an ancestor's; never an uninterpolated one. */
function tooltip(el) {
  const holder = el.hasAttribute('uib-tooltip') ? el : (el.querySelector('[uib-tooltip]') || el.closest('[uib-tooltip]'));
  const text = holder && holder.getAttribute('uib-tooltip');
  return text && !text.includes('{{') ? text.trim() : '';
}

function hasOwnName(el) {
  if (el.hasAttribute('data-pw-a11y')) {
    if (el.innerText.trim() !== '') {
      // the control has text of its own now (Angular rendered it later): its name is its text, never ours
      el.removeAttribute('aria-label');
      el.removeAttribute('data-pw-a11y');
      return true;
    }
    return false; // ours: recomputed, the tooltip may have changed ("Ascending", "Show less")
  }
  return (el.getAttribute('aria-label') || '').trim() !== '' || el.hasAttribute('aria-labelledby')
      || (el.getAttribute('title') || '').trim() !== '' || el.innerText.trim() !== '';
}

function name(root) {
  for (const [selector, label] of NAMES) {
    const found = root.matches?.(selector) ? [root] : [];
    root.querySelectorAll?.(selector).forEach((el) => found.push(el));
    for (const el of found) {
      if (hasOwnName(el)) {
        continue;
      }
      const text = label(el);
      if (text && el.getAttribute('aria-label') !== text) {
        el.setAttribute('aria-label', text);
        el.setAttribute('data-pw-a11y', 'named');
      }
    }
  }
  // any other icon-only control with a tooltip
  root.querySelectorAll?.('button, a[href]').forEach((el) => {
    if (el.getAttribute('data-pw-a11y') !== 'named' && !hasOwnName(el)) {
      const text = tooltip(el);
      if (text && el.getAttribute('aria-label') !== text) {
        el.setAttribute('aria-label', text);
        el.setAttribute('data-pw-a11y', 'tooltip');
      }
    }
  });
}

function combobox(root) {
  root.querySelectorAll?.('ul.dropdown-menu[role=listbox]:not([aria-label])')
      .forEach((ul) => ul.setAttribute('aria-label', 'Suggestions'));
  root.querySelectorAll?.('input[uib-typeahead]').forEach((input) => {
    if (input.getAttribute('role') !== 'combobox') {
      input.setAttribute('role', 'combobox');
    }
    const owns = input.getAttribute('aria-owns');
    if (owns && input.getAttribute('aria-controls') !== owns) {
      input.setAttribute('aria-controls', owns);
    }
  });
}

/** Fields the Tasklist leaves unnamed (column headings that are not labels; no label at all). */
const FIELDS = [
  ['select[name="queryParamKey"]', 'Criterion key'],
  ['input[name="queryParamValue"]', 'Criterion value'],
  ['select[ng-model="variable.type"]', 'Variable type'],
  ['input[ng-model="searchCriteriaStorage.nameInput"]', 'Name of the saved search'],
  ['input[name="objectTypeName"]', 'Object type name'],
  ['input[name="serializationDataFormat"]', 'Serialization data format']
];

function fields(root) {
  for (const [selector, text] of FIELDS) {
    root.querySelectorAll?.(selector).forEach((el) => {
      const labelled = el.id && document.querySelector(`label[for="${el.id}"]`);
      if (!labelled && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) {
        el.setAttribute('aria-label', text);
      }
    });
  }
}

/** A label whose for= names no element: given to the one unnamed field of its form group (the filter dialog). */
function labels(root) {
  root.querySelectorAll?.('.form-group label[for]').forEach((label) => {
    const id = label.getAttribute('for');
    if (!id || document.getElementById(id)) {
      return;
    }
    const unnamed = label.closest('.form-group')
        .querySelectorAll('input:not([type=hidden]):not([id]), select:not([id]), textarea:not([id])');
    if (unnamed.length === 1) {
      unnamed[0].id = id;
    }
  });
}

/*
 * ui-bootstrap's accordion (the filter dialog) declares a tab list, though its headings hold the real controls (links
 * with role=button and aria-expanded): the tab roles go, the panels become regions named by their headings.
 * ui-bootstrap's typeahead (the search box) puts a link with tabindex=-1 in each option: the option alone is the control.
 */
function widgets(root) {
  root.querySelectorAll?.('.panel-group[role=tablist]').forEach((el) => el.removeAttribute('role'));
  root.querySelectorAll?.('.panel-heading[role=tab], .panel-heading[aria-selected]').forEach((el) => {
    el.removeAttribute('role');
    el.removeAttribute('aria-selected');
  });
  root.querySelectorAll?.('.panel-collapse[role=tabpanel]').forEach((el) => el.setAttribute('role', 'region'));
  root.querySelectorAll?.('.uib-typeahead-match a[tabindex], .uib-typeahead-match a[href]').forEach((a) => {
    a.removeAttribute('tabindex');
    a.removeAttribute('href');
  });
}

/*
 * The date picker's title is a button with role=heading but no level; the notifications (task claimed, completed,
 * errors) appear in a container no screen reader is told about: it becomes a polite live region.
 */
function regions(root) {
  root.querySelectorAll?.('[role=heading]:not([aria-level])').forEach((el) => el.setAttribute('aria-level', '2'));
  root.querySelectorAll?.('.page-notifications .notifications:not([aria-live])').forEach((el) => {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  });
}

function luminance([r, g, b]) {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

function readableOnWhite(rgb) {
  let [r, g, b] = rgb;
  while (1.05 / (luminance([r, g, b]) + 0.05) < 4.6 && (r || g || b)) {
    r = Math.floor(r * 0.92);
    g = Math.floor(g * 0.92);
    b = Math.floor(b * 0.92);
  }
  return `rgb(${r}, ${g}, ${b})`;
}

function filterColours(root) {
  root.querySelectorAll?.('.task-filter .name a[style]').forEach((a) => {
    const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(a.style.color);
    if (!m) {
      return;
    }
    const rgb = [+m[1], +m[2], +m[3]];
    if (1.05 / (luminance(rgb) + 0.05) < 4.5) {
      a.style.setProperty('color', readableOnWhite(rgb), 'important');
    }
  });
}

function repair(root) {
  name(root);
  combobox(root);
  labels(root);
  fields(root);
  widgets(root);
  regions(root);
  filterColours(root);
}

let scheduled = false;
function schedule() {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      repair(document.body);
    });
  }
}

new MutationObserver(schedule).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['uib-tooltip', 'class', 'style', 'role', 'aria-owns', 'aria-expanded', 'aria-selected', 'aria-level',
    'href', 'tabindex']
});
schedule();
