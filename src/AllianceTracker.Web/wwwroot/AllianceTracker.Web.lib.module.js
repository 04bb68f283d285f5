// The one page script, loaded once by blazor.web.js as a JS initializer.
//
// Reading pages are static server rendering: no circuit (ADR 0012). This script makes them live:
// it follows /api/v1/changes/stream (ADR 0011) and, when a change concerns the page on screen,
// refreshes it through enhanced navigation, keeping scroll position and focus, and marks the
// changed cells for a few seconds. It also applies the pages' GET forms (filters, as-of date,
// comparison) as their fields change. Without it every page still works: forms have a button.

const refreshAfterMs = 150;
const highlightForMs = 4000;
const searchPauseMs = 300;

let blazor;
let pendingCells = [];
let refreshTimer;
let restore = null;

export function afterWebStarted(api) {
    blazor = api;
    document.documentElement.classList.add('js-live');
    wireForms();
    blazor.addEventListener('enhancedload', onEnhancedLoad);
    if (document.body.dataset.mode === 'reading') {
        follow();
    }
}

// What the page on screen shows: the data version it was rendered at and what it covers
// ("all", "member:HUN", "proposal:ukraine-fund"). Pages that never change have none.
function shown() {
    const element = document.querySelector('[data-live-version]');
    return element ? { version: Number(element.dataset.liveVersion), scope: element.dataset.liveScope } : null;
}

function follow() {
    const page = shown();
    // From the version the page was rendered at, so nothing published meanwhile is missed.
    const source = new EventSource('api/v1/changes/stream' + (page ? `?since=${page.version}` : ''));
    // On <html>: enhanced navigation replaces the body's attributes, not the document's.
    source.addEventListener('open', () => { document.documentElement.dataset.live = 'listening'; });
    source.addEventListener('error', () => { document.documentElement.dataset.live = 'reconnecting'; });
    source.addEventListener('change', event => heard(JSON.parse(event.data)));
    source.addEventListener('resync', event => heard({ version: JSON.parse(event.data).version, cells: 'all' }));
}

function concerns(scope, cells) {
    if (!scope) {
        return false;
    }
    if (cells === 'all' || scope === 'all') {
        return true;
    }
    const [kind, key] = scope.split(':');
    return cells.some(cell => (kind === 'member' ? cell.member : cell.proposal) === key);
}

function heard(change) {
    const page = shown();
    if (!page || change.version <= page.version || !concerns(page.scope, change.cells)) {
        return;
    }
    if (change.cells !== 'all') {
        pendingCells.push(...change.cells);
    }
    // Several changes in quick succession (an import) make one refresh.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => go(location.href, pendingCells.splice(0)), refreshAfterMs);
}

// Enhanced navigation fetches the page and patches the DOM; afterwards put the reader back where
// they were and mark what changed.
function go(url, changedCells) {
    const active = document.activeElement;
    restore = { x: window.scrollX, y: window.scrollY, focus: active && active !== document.body ? selectorFor(active) : null, cells: changedCells };
    document.documentElement.dataset.navigating = 'true';
    blazor.navigateTo(url, { replaceHistoryEntry: url === location.href });
}

function onEnhancedLoad() {
    wireForms();
    delete document.documentElement.dataset.navigating;
    if (!restore) {
        return;
    }
    const { x, y, focus, cells } = restore;
    restore = null;
    window.scrollTo(x, y);
    const element = focus && document.querySelector(focus);
    if (element) {
        element.focus({ preventScroll: true });
    }
    for (const cell of cells) {
        const member = CSS.escape(cell.member);
        const proposal = CSS.escape(cell.proposal);
        // A matrix cell is its row's member and its column's proposal; elsewhere a cell names itself.
        for (const changed of document.querySelectorAll(`[data-cell="${member}:${proposal}"], tr[data-member="${member}"] > td[data-proposal="${proposal}"]`)) {
            mark(changed);
        }
    }
}

function mark(element) {
    element.classList.remove('cell-changed');
    void element.offsetWidth; // Restart the animation if the cell changed again.
    element.classList.add('cell-changed');
    setTimeout(() => element.classList.remove('cell-changed'), highlightForMs);
}

function selectorFor(element) {
    if (element.id) {
        return `#${CSS.escape(element.id)}`;
    }
    if (element.name) {
        return `[name="${CSS.escape(element.name)}"]`;
    }
    return element.dataset.testid ? `[data-testid="${CSS.escape(element.dataset.testid)}"]` : null;
}

// GET forms that describe the view (filters, as-of date, comparison): apply them as they change,
// leaving empty fields out of the URL, which stays the whole view.
function wireForms() {
    for (const form of document.querySelectorAll('form[data-autosubmit]:not([data-wired])')) {
        form.dataset.wired = 'true';
        form.addEventListener('change', event => {
            if (event.target.matches('select, input[type="date"]') && event.target.checkValidity()) {
                apply(form);
            }
        });
        form.addEventListener('input', event => {
            if (event.target.matches('input[type="search"]')) {
                clearTimeout(form.pause);
                form.pause = setTimeout(() => apply(form), searchPauseMs);
            }
        });
        form.addEventListener('submit', event => {
            event.preventDefault();
            apply(form);
        });
    }
}

// The form's visible fields replace theirs in the current address; everything else in it stays
// (the hidden fields carry the same for readers without this script, but may lag a navigation).
function apply(form) {
    const url = new URL(form.getAttribute('action') || location.pathname, document.baseURI);
    const query = new URLSearchParams(location.search);
    for (const field of form.elements) {
        if (!field.name || field.type === 'hidden' || field.type === 'submit') {
            continue;
        }
        query.delete(field.name);
        if (field.value !== '') {
            query.set(field.name, field.value);
        }
    }
    url.search = query.toString();
    if (url.href !== location.href) {
        go(url.href, []);
    }
}
